/**
 * computeCompany on in-memory companies: year-to-date across pay dates and
 * across the year boundary, opening YTD, and property tests over whole years.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCompany } from '../../src/calc/computeCompany.js';
import { loadRuleBook } from '../../src/cli/ruleBook.js';
import { InputError, PERIODS_PER_YEAR, type PayFrequency, type RegisterRow } from '../../src/model/index.js';
import { Decimal, ZERO } from '../../src/money/index.js';
import { company, yearCalendar } from '../helpers/company.js';
import { ruleBook } from '../helpers/rules.js';

const v = (r: RegisterRow, item: string) => r.values.get(item)?.toFixed(2);
const total = (rows: RegisterRow[], item: string) => rows.reduce((s, r) => s.plus(r.values.get(item) ?? ZERO), ZERO);

describe('year to date across pay dates', () => {
  it('$200,000 a month: SS stops at the 2025 base, Additional Medicare starts past $200,000, and both restart in 2026', () => {
    const c = company({
      employees: [{ employee_id: 'H1', pay_type: 'salaried', pay_rate: '2400000', pay_frequency: 'monthly', fed_filing_status: 'single' }],
      calendar: [
        { pay_frequency: 'monthly', period_start: '2025-11-01', period_end: '2025-11-30', pay_date: '2025-11-28' },
        { pay_frequency: 'monthly', period_start: '2025-12-01', period_end: '2025-12-31', pay_date: '2025-12-31' },
        { pay_frequency: 'monthly', period_start: '2026-01-01', period_end: '2026-01-31', pay_date: '2026-01-30' },
      ],
    });
    const { rows } = computeCompany(c, ruleBook());
    expect(rows.map((r) => r.pay_date)).toEqual(['2025-11-28', '2025-12-31', '2026-01-30']);
    // Nov 2025: 176,100 × 6.2% = 10,918.20; Dec: 0; Jan 2026: 184,500 × 6.2% = 11,439.00
    expect(rows.map((r) => v(r, 'us.ss.ee'))).toEqual(['10918.20', '0.00', '11439.00']);
    expect(rows.map((r) => v(r, 'us.ss.er'))).toEqual(['10918.20', '0.00', '11439.00']);
    expect(rows.map((r) => v(r, 'us.ss.ee.wages'))).toEqual(['176100.00', '0.00', '184500.00']);
    // Nov: 0 → 200,000 (not over); Dec: 200,000 → 400,000: 0.9% × 200,000 = 1,800.00; Jan 2026: new year, 0
    expect(rows.map((r) => v(r, 'us.medicare_addl.ee'))).toEqual(['0.00', '1800.00', '0.00']);
    // Medicare 1.45% × 200,000 = 2,900.00 every month; FUTA 7,000 × 0.6% = 42.00 in the first check of each year
    expect(rows.map((r) => v(r, 'us.medicare.ee'))).toEqual(['2900.00', '2900.00', '2900.00']);
    expect(rows.map((r) => v(r, 'us.futa.er'))).toEqual(['42.00', '0.00', '42.00']);
  });

  it('Pub 15 (2025) successor employer through ytd.csv: predecessor wages 2,000 → SS on the first 174,100 only', () => {
    const c = company({
      employees: [{ employee_id: 'J1', pay_type: 'salaried', pay_rate: '2400000', pay_frequency: 'monthly' }],
      calendar: [
        { pay_frequency: 'monthly', period_start: '2025-11-01', period_end: '2025-11-30', pay_date: '2025-11-28' },
        { pay_frequency: 'monthly', period_start: '2025-12-01', period_end: '2025-12-31', pay_date: '2025-12-31' },
      ],
      ytd: [
        { employee_id: 'J1', as_of: '2025-10-31', item: 'us.ss.ee.wages', amount: 2000 },
        { employee_id: 'J1', as_of: '2025-10-31', item: 'us.ss.ee', amount: 124 },
        { employee_id: 'J1', as_of: '2025-10-31', item: 'us.ss.er.wages', amount: 2000 },
        { employee_id: 'J1', as_of: '2025-10-31', item: 'us.ss.er', amount: 124 },
        { employee_id: 'J1', as_of: '2025-10-31', item: 'us.medicare.ee.wages', amount: 2000 },
      ],
    });
    const { rows } = computeCompany(c, ruleBook());
    for (const side of ['ee', 'er']) {
      expect(rows.map((r) => v(r, `us.ss.${side}.wages`))).toEqual(['174100.00', '0.00']);
      expect(rows.map((r) => v(r, `us.ss.${side}`))).toEqual(['10794.20', '0.00']);
    }
    // predecessor wages count toward $200,000 too: Nov 2,000 → 202,000: 0.9% × 2,000 = 18.00
    expect(v(rows[0]!, 'us.medicare_addl.ee')).toBe('18.00');
  });
});

describe("an employee's jurisdiction fields", () => {
  const calendar = yearCalendar('monthly', 2026);
  const book = loadRuleBook(); // (every bundled rule file: California's too)
  const withFields = (versions: Array<{ from?: string; fields: Record<string, string> }>) => {
    const c = company({ employees: versions.map((v) => ({ employee_id: 'C1', pay_type: 'salaried', pay_rate: '60000', pay_frequency: 'monthly', work_state: 'CA', hire_date: '2025-01-06', ...(v.from ? { effective_from: v.from } : {}) })), calendar });
    c.employees.get('C1')!.forEach((e, i) => (e.fields = versions[i]!.fields));
    return c;
  };
  const failure = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return e instanceof InputError ? e.problems : e;
    }
    return undefined;
  };

  it('are checked against the methods that read them: a bad value is an input error naming the row, column and component', () => {
    expect(computeCompany(withFields([{ fields: { ca_filing_status: 'married', ca_allowances: '2' } }]), book).rows).toHaveLength(12);
    expect(failure(() => computeCompany(withFields([{ fields: { ca_filing_status: 'bogus' } }]), book))).toEqual([
      expect.objectContaining({ file: 'employees.csv', line: 2, column: 'ca_filing_status', message: expect.stringContaining('(needed by us.ca.pit)') }),
    ]);
  });

  it('of a version in force from mid-year are checked when that version is first paid, after the earlier one passed', () => {
    const versions = [{ fields: { ca_filing_status: 'single' } }, { from: '2026-07-01', fields: { ca_filing_status: 'single', ca_allowances: 'x' } }];
    expect(failure(() => computeCompany(withFields(versions), book))).toEqual([expect.objectContaining({ line: 3, column: 'ca_allowances' })]);
    expect(computeCompany(withFields([versions[0]!, { from: '2026-07-01', fields: { ca_filing_status: 'married' } }]), book).rows).toHaveLength(12);
  });
});

describe('property: a full year of salaried periods sums to the annual salary to the cent', () => {
  const FREQS: PayFrequency[] = ['weekly', 'biweekly', 'semimonthly', 'monthly'];
  for (const freq of FREQS) {
    const n = PERIODS_PER_YEAR[freq];
    const calendar = yearCalendar(freq, 2026);
    it(`${freq}: ${n} pay dates in 2026; any salary that is a multiple of ${(n / 100).toFixed(2)} dollars`, () => {
      expect(calendar).toHaveLength(n);
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 4_000_000 }), (perPeriodCents) => {
          const salary = new Decimal(perPeriodCents).times(n).div(100);
          const c = company({
            employees: [{ employee_id: 'S1', pay_type: 'salaried', pay_rate: salary.toFixed(2), pay_frequency: freq }],
            calendar,
          });
          const { rows } = computeCompany(c, ruleBook());
          expect(rows).toHaveLength(n);
          expect(total(rows, 'regular_pay').toFixed(2)).toBe(salary.toFixed(2));
          expect(total(rows, 'gross').toFixed(2)).toBe(salary.toFixed(2));
        }),
        { numRuns: 15 },
      );
    });
  }
});

describe('property: over a year of monthly pay with bonuses and an opening YTD, FICA stays within its limits', () => {
  it('Σ SS ≤ 11,439.00 and Σ SS wages ≤ 184,500 (ee and er alike); Additional Medicare = 0.9% of the year\'s wages over 200,000 (± rounding)', () => {
    const calendar = yearCalendar('monthly', 2026);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60_000_000 }), // annual salary in cents (0 .. 600,000)
        fc.array(fc.record({ month: fc.integer({ min: 0, max: 11 }), cents: fc.integer({ min: 1, max: 10_000_000 }) }), { maxLength: 6 }),
        fc.integer({ min: 0, max: 25_000_000 }), // opening YTD wages at a previous provider, in cents
        (salaryCents, bonuses, openingCents) => {
          const opening = new Decimal(openingCents).div(100);
          const openingSs = Decimal.min(opening, 184500);
          const c = company({
            employees: [{ employee_id: 'P1', pay_type: 'salaried', pay_rate: new Decimal(salaryCents).div(100).toFixed(2), pay_frequency: 'monthly' }],
            calendar,
            earnings: bonuses.map((b) => ({ employee_id: 'P1', pay_date: calendar[b.month]!.pay_date, code: 'BONUS', amount: new Decimal(b.cents).div(100).toFixed(2) })),
            ytd: [
              { employee_id: 'P1', as_of: '2026-01-01', item: 'us.ss.ee.wages', amount: openingSs.toFixed(2) },
              { employee_id: 'P1', as_of: '2026-01-01', item: 'us.ss.ee', amount: openingSs.times(0.062).toFixed(2) },
              { employee_id: 'P1', as_of: '2026-01-01', item: 'us.ss.er.wages', amount: openingSs.toFixed(2) },
              { employee_id: 'P1', as_of: '2026-01-01', item: 'us.ss.er', amount: openingSs.times(0.062).toFixed(2) },
              { employee_id: 'P1', as_of: '2026-01-01', item: 'us.medicare.ee.wages', amount: opening.toFixed(2) },
            ],
          });
          const { rows } = computeCompany(c, ruleBook());
          for (const side of ['ee', 'er']) {
            const ss = total(rows, `us.ss.${side}`).plus(openingSs.times(0.062).toDecimalPlaces(2));
            const wages = total(rows, `us.ss.${side}.wages`).plus(openingSs);
            expect(ss.lte(11439)).toBe(true);
            expect(wages.lte(184500)).toBe(true);
            for (const r of rows) expect(r.values.get(`us.ss.${side}`)!.gte(0)).toBe(true);
          }
          const year = total(rows, 'gross').plus(opening);
          const over = Decimal.max(0, year.minus(200000)).minus(Decimal.max(0, opening.minus(200000)));
          const addl = total(rows, 'us.medicare_addl.ee');
          expect(addl.minus(over.times(0.009)).abs().lte(0.005 * rows.length)).toBe(true);
          expect(total(rows, 'us.medicare_addl.ee.wages').toFixed(2)).toBe(over.toFixed(2));
        },
      ),
      { numRuns: 40 },
    );
  });
});
