import type { RegisterRow } from '../model/index.js';
import { Decimal, ZERO } from '../money/index.js';
import type { Tolerance } from './tolerance.js';
import { withinTolerance } from './tolerance.js';
import type { Alternative, EmployeeFacts, ExpectedRow } from './types.js';

export interface HintContext {
  /** Register value key and the items it stands for. */
  key: string;
  parts: readonly string[];
  exp: ExpectedRow;
  reg: RegisterRow;
  expected: Decimal;
  actual: Decimal;
  tol: Tolerance;
  employee?: EmployeeFacts;
  alternatives?: readonly Alternative[];
}

const CENTS = new Decimal('0.02');
const OT = new Decimal('1.5');
const FICA = /^us\.(ss|medicare|medicare_addl)\.(ee|er)$/;

const get = (row: RegisterRow, item: string): Decimal => row.values.get(item) ?? ZERO;
const near = (a: Decimal, b: Decimal, by: Decimal = CENTS) => a.minus(b).abs().lessThanOrEqualTo(by);

/**
 * A plain-language guess at the cause of a difference, when the figures show a
 * pattern payroll audits keep finding. Returns the text after the dash, or
 * undefined when nothing is recognisable. Guesses end with "?".
 */
export function hintFor(c: HintContext): string | undefined {
  for (const alt of c.alternatives ?? []) if (withinTolerance(c.tol, alt.value, c.actual)) return alt.hint;

  if (!c.expected.isZero() && c.actual.equals(c.expected.negated())) {
    return 'the sign is reversed: should this column be marked `negative: true` in the mapping profile?';
  }
  const first = c.parts[0]!;
  const base = first.endsWith('.wages') ? first.slice(0, -'.wages'.length) : first;

  if (first === 'overtime_pay' && c.actual.greaterThan(0) && near(c.actual.times(OT), c.expected)) {
    return 'overtime paid at straight time (1.0× instead of 1.5× the regular rate)?';
  }

  if (/^us\.ss\.(ee|er)$/.test(base) && c.actual.greaterThan(c.expected)) {
    const ssWages = c.exp.values.get('us.ss.ee.wages') ?? c.exp.values.get('us.ss.er.wages');
    const medWages = c.exp.values.get('us.medicare.ee.wages') ?? c.exp.values.get('us.medicare.er.wages');
    if (ssWages && medWages && ssWages.lessThan(medWages)) return 'the Social Security wage base was not applied?';
  }

  if (FICA.test(base) && c.actual.lessThan(c.expected)) {
    const k401 = get(c.exp, 'ded.401k');
    if (k401.greaterThan(0)) {
      const short = c.expected.minus(c.actual);
      if (first.endsWith('.wages')) {
        if (near(short, k401, new Decimal('0.01'))) return 'the 401(k) deferral was taken out of FICA wages (it is subject to Social Security and Medicare)?';
      } else {
        // Rate actually applied on this payslip, from the expected amount and its wages.
        let wages = ZERO;
        let amount = ZERO;
        for (const p of c.parts) {
          amount = amount.plus(get(c.exp, p));
          wages = wages.greaterThan(0) ? wages : get(c.exp, `${p}.wages`);
        }
        if (wages.greaterThan(0) && near(short, amount.div(wages).times(k401))) {
          return 'the 401(k) deferral was taken out of FICA wages (it is subject to Social Security and Medicare)?';
        }
      }
    }
  }

  if (first === 'us.fit' && c.employee?.fed_w4 === '2020' && c.employee.fed_step2 === true && c.actual.lessThan(c.expected)) {
    return 'the W-4 Step 2 checkbox (multiple jobs) was ignored?';
  }
  return undefined;
}
