/**
 * Property tests (fast-check) for Worksheet 1A with the bundled 2025 and 2026
 * rule files: for every W-4 profile the method lists, every pay frequency and
 * every row of the table the profile uses, withholding is never negative and
 * never decreases as wages rise within the row. Across rows it never
 * decreases either, except by the IRS's own rounding of printed thresholds
 * (Step 2 Single: 108,938 for 108,937.50 in 2026), bounded here by the
 * table's own down-step ÷ periods + 1 cent.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Bracket } from '../../../../src/calc/methods/common/paramTypes.js';
import { usFitPercentageMethod, type FitParams } from '../../../../src/calc/methods/us/fitPercentageMethod.js';
import type { PayFrequency } from '../../../../src/model/index.js';
import { Decimal, ZERO, maxDec } from '../../../../src/money/index.js';
import { federalTax } from '../../../helpers/rules.js';
import { employee, taxInput } from '../../../helpers/taxInput.js';

const FREQS: PayFrequency[] = ['weekly', 'biweekly', 'semimonthly', 'monthly'];
const profiles = usFitPercentageMethod.profiles ?? [];

/** The table a profile uses and the annual amount that separates period wages × periods from line 2a. */
function tableOf(p: FitParams, fields: Record<string, string>): { rows: readonly Bracket[]; offset: Decimal } {
  const e = employee(fields);
  const n = (x: Decimal | undefined) => x ?? ZERO;
  if (e.fed_w4 === 'legacy') {
    const key = e.fed_filing_status === 'married' ? 'married_jointly' : 'single';
    return { rows: p.standard[key], offset: new Decimal(e.fed_allowances ?? 0).times(p.allowance_value) };
  }
  const status = (e.fed_filing_status ?? 'single') as 'single' | 'married_jointly' | 'head_of_household';
  const g = e.fed_step2 ? ZERO : status === 'married_jointly' ? p.line_1g.married_jointly : p.line_1g.other;
  return { rows: (e.fed_step2 ? p.step2 : p.standard)[status], offset: n(e.fed_deductions).plus(g).minus(n(e.fed_other_income)) };
}

/** Largest downward step of a bracket table where a row's printed base is below the previous row's end. */
function largestDownStep(rows: readonly Bracket[]): Decimal {
  let worst = ZERO;
  for (let i = 1; i < rows.length; i++) {
    const prev = rows[i - 1]!, row = rows[i]!;
    const end = prev.base.plus(row.atLeast.minus(prev.atLeast).times(prev.rate));
    worst = maxDec(worst, end.minus(row.base));
  }
  return worst;
}

describe.each([
  ['2025', '2025-08-15'],
  ['2026', '2026-08-14'],
])('Worksheet 1A properties, %s rules', (_year, payDate) => {
  const t = federalTax('us.fit', payDate);
  const p = t.params as FitParams;
  const fit = (fields: Record<string, string>, frequency: PayFrequency, cents: number, rounding: 'cents' | 'dollars' = 'cents') =>
    t.method.compute(taxInput({ w4: fields, frequency, payDate, wages: new Decimal(cents).div(100), settings: { fit_rounding: rounding } }), t.params, t.prov as never).amount;

  it('the method lists profiles for every filing status, Step 2, Steps 3-4 and 2019-or-earlier forms', () => {
    expect(profiles.length).toBeGreaterThanOrEqual(9);
  });

  for (const profile of profiles) {
    describe(profile.name, () => {
      const { rows, offset } = tableOf(p, profile.fields);

      it(`within every row of its table (${rows.length} rows) and every frequency: never negative, non-decreasing in wages`, () => {
        for (const freq of FREQS) {
          const periods = p.periods_per_year[freq]!;
          rows.forEach((row, i) => {
            const next = rows[i + 1];
            const hiAnnual = next ? next.atLeast : row.atLeast.times(2).plus(100000);
            // period wages (cents) whose line 2a lies in [row.atLeast, hiAnnual)
            const lo = i === 0 ? 0 : row.atLeast.plus(offset).div(periods).times(100).ceil().toNumber();
            const hi = hiAnnual.plus(offset).div(periods).times(100).floor().toNumber() - 1;
            if (hi < Math.max(lo, 0)) return; // the row is unreachable for this profile (offset below 0 only shifts row 0)
            const inRow = fc.integer({ min: Math.max(lo, 0), max: hi });
            fc.assert(
              fc.property(inRow, inRow, (a, b) => {
                const [w1, w2] = a <= b ? [a, b] : [b, a];
                const f1 = fit(profile.fields, freq, w1);
                const f2 = fit(profile.fields, freq, w2);
                return f1.gte(0) && f2.gte(f1);
              }),
              { numRuns: 10, examples: [[Math.max(lo, 0), hi]] },
            );
          });
        }
      });

      it('across the whole range and every frequency: never negative, never decreasing beyond the printed table\'s own rounding step (cents and whole dollars)', () => {
        const drop = largestDownStep(rows);
        for (const freq of FREQS) {
          const periods = p.periods_per_year[freq]!;
          const top = rows.at(-1)!.atLeast.times(1.5).plus(offset).div(periods).times(100).ceil().toNumber();
          const wage = fc.integer({ min: 0, max: top });
          for (const rounding of ['cents', 'dollars'] as const) {
            const unit = rounding === 'cents' ? 0.01 : 1;
            const tol = drop.isZero() ? ZERO : drop.div(periods).plus(unit);
            fc.assert(
              fc.property(wage, fc.integer({ min: 0, max: 500_00 }), (w, step) => {
                const f1 = fit(profile.fields, freq, w, rounding);
                const f2 = fit(profile.fields, freq, w + step, rounding);
                return f1.gte(0) && f1.minus(f2).lte(tol);
              }),
              { numRuns: 25 },
            );
          }
        }
      });
    });
  }

  it('the only down-steps of the printed tables are the IRS rounding of half-dollar thresholds (each under $0.20 a year)', () => {
    for (const kind of ['standard', 'step2'] as const) {
      for (const status of ['married_jointly', 'single', 'head_of_household'] as const) {
        const drop = largestDownStep(p[kind][status]);
        expect(drop.lte(0.2), `${kind} ${status}: ${drop}`).toBe(true);
        if (kind === 'standard') expect(drop.isZero(), `${kind} ${status}`).toBe(true);
      }
    }
  });

  it('the bulk computation (no trace) gives the amount the traced worksheet gives, to the cent', () => {
    const money = (max: number) => fc.integer({ min: 0, max }).map((c) => new Decimal(c).div(100));
    const fields = fc.record({
      fed_w4: fc.constantFrom('2020', 'legacy'),
      fed_filing_status: fc.constantFrom('single', 'married_jointly', 'head_of_household', 'married'),
      fed_step2: fc.constantFrom('true', 'false'),
      fed_dependents: fc.constantFrom('', '0', '500', '2000', '4400', '6200', '333.33'),
      fed_other_income: fc.constantFrom('', '0', '5000', '1234.56'),
      fed_deductions: fc.constantFrom('', '0', '12000', '777.77'),
      fed_extra: fc.constantFrom('', '0', '25', '13.13', '0.01'),
      fed_allowances: fc.constantFrom('', '0', '1', '3', '7'),
      fed_nra: fc.constantFrom('', 'false', 'true'),
      fed_exempt: fc.constantFrom('false', 'false', 'false', 'true'),
    });
    const frequency = fc.constantFrom<PayFrequency>('weekly', 'biweekly', 'semimonthly', 'monthly');
    fc.assert(
      fc.property(
        fields,
        frequency,
        fc.oneof(money(500_000), money(50_000_000)),
        fc.oneof(fc.constant(new Decimal(0)), money(2_000_000), money(200_000_000)),
        fc.oneof(fc.constant(new Decimal(0)), money(120_000_000)),
        fc.constantFrom('cents', 'dollars'),
        fc.constantFrom('aggregate', 'flat'),
        (cells, freq, regular, supplemental, ytdSupp, rounding, method) => {
          const w4: Record<string, string> = {};
          for (const [k, v] of Object.entries(cells)) {
            if (v === '') continue;
            if (cells.fed_w4 === 'legacy' && ['fed_step2', 'fed_dependents', 'fed_other_income', 'fed_deductions'].includes(k)) continue;
            if (cells.fed_w4 !== 'legacy' && k === 'fed_allowances') continue;
            if (k === 'fed_filing_status' && v === 'married' && cells.fed_w4 !== 'legacy') continue;
            w4[k] = v;
          }
          const input = taxInput({ w4, frequency: freq, payDate, wages: regular.plus(supplemental), supplemental, ytd: { supplemental: ytdSupp }, settings: { fit_rounding: rounding, supplemental_method: method } });
          const traced = t.method.compute(input, t.params, t.prov as never);
          const bulk = t.method.compute({ ...input, trace: false }, t.params, t.prov as never);
          expect(bulk.lines).toEqual([]);
          expect(bulk.amount.valueOf(), JSON.stringify({ w4, freq, regular, supplemental, ytdSupp, rounding, method })).toBe(traced.amount.valueOf());
          expect(bulk.taxableWages.valueOf()).toBe(traced.taxableWages.valueOf());
        },
      ),
      { numRuns: 4000, seed: 31 },
    );
  });

  it('the amount is the worksheet in exact arithmetic, rounded once: (2g ÷ 1b − 3a ÷ 1b, not below 0) + 4a, checked with fractions of big integers', () => {
    // A fraction of BigInts from a line's decimal text; the amount from the lines the trace shows.
    const frac = (t: string): [bigint, bigint] => {
      const [i, f = ''] = t.replace(/,/g, '').split('.');
      return [BigInt(`${i}${f}`), 10n ** BigInt(f.length)];
    };
    const line = (lines: readonly { label: string; value: string }[], prefix: string) => lines.find((l) => l.label.startsWith(prefix))!.value;
    const fields = fc.record({
      fed_w4: fc.constantFrom('2020', '2020', 'legacy'),
      fed_filing_status: fc.constantFrom('single', 'married_jointly', 'head_of_household'),
      fed_step2: fc.constantFrom('true', 'false'),
      fed_dependents: fc.oneof(fc.integer({ min: 0, max: 20 }).map((n) => String(n * 500)), fc.integer({ min: 0, max: 1_000_000 }).map((c) => (c / 100).toFixed(2))),
      fed_deductions: fc.constantFrom('0', '38267', '12000.50'),
      fed_extra: fc.constantFrom('0', '25', '13.13', '0.01'),
      fed_allowances: fc.constantFrom('0', '2'),
    });
    fc.assert(
      fc.property(fields, fc.constantFrom<PayFrequency>('weekly', 'biweekly', 'semimonthly', 'monthly'), fc.integer({ min: 0, max: 5_000_000 }), fc.constantFrom('cents', 'dollars'), (cells, freq, wageCents, rounding) => {
        const w4: Record<string, string> = cells.fed_w4 === 'legacy'
          ? { fed_w4: 'legacy', fed_filing_status: cells.fed_filing_status === 'married_jointly' ? 'married' : 'single', fed_allowances: cells.fed_allowances, fed_extra: cells.fed_extra }
          : { fed_w4: '2020', fed_filing_status: cells.fed_filing_status, fed_step2: cells.fed_step2, fed_dependents: cells.fed_dependents, fed_deductions: cells.fed_deductions, fed_extra: cells.fed_extra };
        const input = taxInput({ w4, frequency: freq, payDate, wages: new Decimal(wageCents).div(100), settings: { fit_rounding: rounding } });
        const r = t.method.compute(input, t.params, t.prov as never);
        const [g, gd] = frac(line(r.lines, '2g ')), [a3, a3d] = frac(line(r.lines, '3a ')), [a4, a4d] = frac(line(r.lines, '4a '));
        const p = BigInt(line(r.lines, '1b '));
        // c3 = max(0, g/gd − a3/a3d) / p; total = c3 + a4/a4d, as one fraction n / d
        let c = g * a3d - a3 * gd;
        if (c < 0n) c = 0n;
        const d = gd * a3d * p * a4d;
        const n = c * a4d + a4 * gd * a3d * p;
        const unit = rounding === 'dollars' ? 1n : 100n;
        const q = (2n * n * unit + d) / (2n * d); // half up (n ≥ 0)
        let cents = rounding === 'dollars' ? q * 100n : q;
        if (cents > BigInt(wageCents)) cents = BigInt(wageCents); // never more than the wages paid
        const want = `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
        expect(r.amount.toFixed(2), JSON.stringify({ w4, freq, wageCents, rounding })).toBe(want);
      }),
      { numRuns: 4000, seed: 32 },
    );
  });

  it('found in review: a total exactly on a half cent is rounded up, traced or not (the 40-digit quotients of 2h and 3b put it just below)', () => {
    const cases = [
      { payDate: '2025-01-15', frequency: 'semimonthly' as const, wages: 7063, w4: { fed_dependents: '6500' }, rounding: 'cents' as const, want: '976.25' },
      { payDate: '2026-06-30', frequency: 'monthly' as const, wages: 11525, w4: { fed_filing_status: 'married_jointly', fed_dependents: '7000' }, rounding: 'dollars' as const, want: '481.00' },
      { payDate: '2026-12-31', frequency: 'monthly' as const, wages: 6671, w4: { fed_filing_status: 'head_of_household', fed_dependents: '1000', fed_deductions: '38267' }, rounding: 'cents' as const, want: '63.63' },
    ];
    for (const c of cases) {
      if (c.payDate.slice(0, 4) !== payDate.slice(0, 4)) continue; // each year's rule file in its own describe
      const input = taxInput({ w4: { fed_w4: '2020', ...c.w4 }, frequency: c.frequency, payDate: c.payDate, wages: c.wages, settings: { fit_rounding: c.rounding } });
      const tt = federalTax('us.fit', c.payDate);
      expect(tt.method.compute(input, tt.params, tt.prov as never).amount.toFixed(2)).toBe(c.want);
      expect(tt.method.compute({ ...input, trace: false }, tt.params, tt.prov as never).amount.toFixed(2)).toBe(c.want);
    }
  });
});
