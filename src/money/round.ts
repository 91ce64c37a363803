import { Decimal, type Rounding } from './decimal.js';

/** Rounding modes a rule file may name. */
export type RoundingMode = 'half_up' | 'half_even' | 'down' | 'up';
export type RoundingUnit = 'cents' | 'dollars';

const MODES: Record<RoundingMode, Rounding> = {
  half_up: Decimal.ROUND_HALF_UP,
  half_even: Decimal.ROUND_HALF_EVEN,
  down: Decimal.ROUND_DOWN,
  up: Decimal.ROUND_UP,
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
