import { Decimal as DecimalBase } from 'decimal.js';
import { Decimal } from './decimal.js';

/** Rounding modes a rule file may name. */
export type RoundingMode = 'half_up' | 'half_even' | 'down' | 'up';
export type RoundingUnit = 'cents' | 'dollars';

const MODES: Record<RoundingMode, DecimalBase.Rounding> = {
  half_up: DecimalBase.ROUND_HALF_UP,
  half_even: DecimalBase.ROUND_HALF_EVEN,
  down: DecimalBase.ROUND_DOWN,
  up: DecimalBase.ROUND_UP,
};

/** Round to the cent, half-up unless the jurisdiction says otherwise. */
export function roundCents(x: Decimal, mode: RoundingMode = 'half_up'): Decimal {
  return x.toDecimalPlaces(2, MODES[mode]);
}

/** Round to whole dollars (Pub 15-T allows this for withholding: $2.50 becomes $3). */
export function roundDollars(x: Decimal, mode: RoundingMode = 'half_up'): Decimal {
  return x.toDecimalPlaces(0, MODES[mode]);
}

export function roundTo(x: Decimal, unit: RoundingUnit, mode: RoundingMode = 'half_up'): Decimal {
  return unit === 'dollars' ? roundDollars(x, mode) : roundCents(x, mode);
}
