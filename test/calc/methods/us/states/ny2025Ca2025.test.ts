/**
 * New York and California withholding for 2025 pay dates (rules/us/ny-2025.yaml,
 * rules/us/ca-2025.yaml). Neither agency's 2025 publication was read: the
 * per-period tables of both files are DERIVED from the annual tables by a
 * rounding rule (research/ny-2025-tables.md, research/ca-2025-de44.md), so the
 * golden figures here are
 *  - New York: the expected figures of nine Odoo payslip tests that cite
 *    NYS-50-T-NYS (1/23) (not known to be the publication's own examples), and
 *    one hand example;
 *  - California: hand computations on the inputs of EDD's 2026 examples (C', D',
 *    G' …), not EDD's 2025 examples (not found);
 *  - both: the derivation rule itself, re-applied to each file's annual table,
 *    must give the file's per-period rows (a typo in a transcribed row fails), and
 *    the same rule applied to the 2026 files must give their published rows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../../../src/model/problems.js';
import { Decimal } from '../../../../../src/money/index.js';
import type { PayFrequency } from '../../../../../src/model/index.js';
import { bundledRulesDir } from '../../../../../src/rules/index.js';
import { cents, runState, stateInput, stateTax } from './helpers.js';

type Row = { at_least: number; base: number; rate: number };
type Tables = Record<string, Record<string, Row[]>>;

const rulesFile = (name: string) => parse(readFileSync(join(bundledRulesDir(), 'us', name), 'utf8')) as { parameters: Record<string, { values: { value: unknown }[] }> };
const taxTables = (name: string) => rulesFile(name).parameters['pit.tax_tables']!.values[0]!.value as Tables;

const dollars = (x: Decimal) => x.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
const toCents = (x: Decimal) => x.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber();

const NY_PERIODS: Record<string, number> = { weekly: 52, biweekly: 26, semimonthly: 24, monthly: 12 };

/** NYS-50-T-NYS per-period rows from the annual rows: column 1 ÷ periods to the dollar, column 5 ÷ periods to the cent (half up). */
function nyPerPeriod(annual: Row[], periods: number): Row[] {
  return annual.map((r) => ({ at_least: dollars(new Decimal(r.at_least).div(periods)), base: toCents(new Decimal(r.base).div(periods)), rate: r.rate }));
}

/**
 * EDD Method B tax rate tables from the annual table: single and head-of-household
 * thresholds ÷ periods to the dollar (weekly, semimonthly, quarterly; biweekly,
 * monthly, semiannual are twice those); married rows whose annual threshold is
 * twice the single one (rows 2-8) twice the single per-period threshold, the
 * others computed directly; bases cumulative from the per-period thresholds, to the cent.
 */
function caPerPeriod(annual: Record<string, Row[]>): Tables {
  const direct: Record<string, number> = { weekly: 52, semimonthly: 24, quarterly: 4, annual: 1 };
  const doubled: Record<string, string> = { biweekly: 'weekly', monthly: 'semimonthly', semiannual: 'quarterly' };
  const thresholds: Record<string, Record<string, number[]>> = {};
  for (const [f, p] of Object.entries(direct)) {
    const single = annual.single!.map((r) => dollars(new Decimal(r.at_least).div(p)));
    thresholds[f] = {
      single,
      head_of_household: annual.head_of_household!.map((r) => dollars(new Decimal(r.at_least).div(p))),
      married: annual.married!.map((r, i) => (i > 0 && r.at_least === 2 * annual.single![i]!.at_least && r.at_least < 1_000_000 ? 2 * single[i]! : dollars(new Decimal(r.at_least).div(p)))),
    };
  }
  for (const [f, g] of Object.entries(doubled)) thresholds[f] = Object.fromEntries(Object.entries(thresholds[g]!).map(([s, t]) => [s, t.map((x) => 2 * x)]));
  const out: Tables = {};
  for (const [f, byStatus] of Object.entries(thresholds)) {
    out[f] = {};
    for (const [s, t] of Object.entries(byStatus)) {
      const rates = annual[s]!.map((r) => r.rate);
      let base = new Decimal(0);
      out[f][s] = t.map((at, i) => {
        if (i > 0) base = base.plus(new Decimal(at - t[i - 1]!).times(rates[i - 1]!)).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
        return { at_least: at, base: base.toNumber(), rate: rates[i]! };
      });
    }
  }
  return out;
}

describe('New York 2025 (NYS-50-T-NYS (1/23), per-period tables derived)', () => {
  const ny = (frequency: PayFrequency, wages: number, fields: Record<string, string>, payDate = '2025-04-15') => runState('us.ny.pit', { frequency, wages, fields, payDate });
  const net = (r: ReturnType<typeof ny>) => r.lines.find((l) => l.label.startsWith('Net wages'))?.value;

  // The nine Odoo cases (test_057..test_065); the two daily ones are below.
  const odoo: [string, PayFrequency, number, string, number, string, string][] = [
    ['test_057', 'weekly', 400, 'single', 3, '199.95', '8.20'],
    ['test_058', 'semimonthly', 5000, 'single', 1, '4650.00', '263.19'],
    ['test_059', 'monthly', 50000, 'single', 3, '49133.40', '3576.71'],
    ['test_061', 'weekly', 400, 'married', 4, '170.10', '6.86'],
    ['test_062', 'semimonthly', 5000, 'married', 3, '4543.80', '252.68'],
    ['test_063', 'monthly', 50000, 'married', 3, '49087.60', '3622.01'],
    ['test_065', 'semimonthly', 8960, 'single', 0, '8651.65', '545.04'],
  ];
  for (const [name, frequency, wages, status, allowances, netWages, amount] of odoo) {
    it(`Odoo ${name}: ${frequency} $${wages}, ${status}, ${allowances} allowance(s) → net ${netWages}, $${amount}`, () => {
      const r = ny(frequency, wages, { ny_filing_status: status, ny_allowances: String(allowances) });
      expect(net(r)).toBe(netWages);
      expect(cents(r.amount)).toBe(amount);
    });
  }

  it('Odoo test_060 / test_064 (daily $750, 2 allowances): $44.83 single, $45.29 married, with daily rows derived from the file (annual ÷ 260)', () => {
    // payrecon has no daily pay frequency, so the file has no daily rows: derive them here by the same rule.
    const t = stateTax('us.ny.pit', '2025-04-03');
    const p = t.params as { deduction_allowance: Record<string, unknown>; exemption_allowance: Record<string, unknown>; tax_tables: Record<string, unknown> };
    const annual = taxTables('ny-2025.yaml').annual!;
    const daily = (rows: Row[]) => nyPerPeriod(rows, 260).map((r) => ({ atLeast: new Decimal(r.at_least), base: new Decimal(r.base), rate: new Decimal(r.rate) }));
    const params = {
      ...p,
      deduction_allowance: { ...p.deduction_allowance, daily: { single: new Decimal(7400).div(260).toDecimalPlaces(2), married: new Decimal(7950).div(260).toDecimalPlaces(2) } },
      exemption_allowance: { ...p.exemption_allowance, daily: new Decimal(1000).div(260).toDecimalPlaces(2) },
      tax_tables: { ...p.tax_tables, daily: { single: daily(annual.single!), married: daily(annual.married!) } },
    };
    const run = (status: string) => {
      const input = { ...stateInput('us.ny.pit', { frequency: 'weekly', wages: 750, payDate: '2025-04-03', fields: { ny_filing_status: status, ny_allowances: '2' } }), frequency: 'daily' as PayFrequency, periodsPerYear: 260 };
      return t.method.compute(input, params as never, t.prov as never);
    };
    const single = run('single');
    expect(net(single)).toBe('713.84'); // 750 − 28.46 − 2 × 3.85
    expect(cents(single.amount)).toBe('44.83'); // 37.82 + 6.5% × (713.84 − 606)
    const married = run('married');
    expect(net(married)).toBe('711.72'); // 750 − 30.58 − 2 × 3.85
    expect(cents(married.amount)).toBe('45.29'); // 36.72 + 8.11% × (711.72 − 606)
  });

  it('hand example: weekly $1,000, single, 1 allowance → net 838.45, 11.54 + 5.5% × 571.45 = $42.97 (2026: $42.13)', () => {
    const r = ny('weekly', 1000, { ny_filing_status: 'single', ny_allowances: '1' }, '2025-01-10');
    expect(net(r)).toBe('838.45');
    expect(cents(r.amount)).toBe('42.97');
    expect(cents(ny('weekly', 1000, { ny_filing_status: 'single', ny_allowances: '1' }, '2026-01-09').amount)).toBe('42.13');
  });

  it('the pay date picks the edition: 2025-12-31 uses the 1/23 tables, 2026-01-02 the 1/26 tables', () => {
    expect(stateTax('us.ny.pit', '2025-12-31').prov.tax_tables!.file).toMatch(/ny-2025\.yaml$/);
    expect(stateTax('us.ny.pit', '2026-01-02').prov.tax_tables!.file).toMatch(/ny-2026\.yaml$/);
  });

  it('the two corrected misprints of the transcription: married 13,900 row at 5.5% (not 5.55%), 1,077,550 row base 79,368 (not 29,368)', () => {
    const married = taxTables('ny-2025.yaml').annual!.married!;
    expect(married.find((r) => r.at_least === 13900)).toEqual({ at_least: 13900, base: 600, rate: 0.055 });
    expect(married.find((r) => r.at_least === 1077550)).toEqual({ at_least: 1077550, base: 79368, rate: 0.0765 });
    // the next row's base is the sum at 5.5% with the cents dropped: 600 + 66,750 × 5.5% = 4,271.25
    expect(married.find((r) => r.at_least === 80650)!.base).toBe(4271);
  });

  it('the rounding rule gives every per-period row of ny-2026.yaml from its annual rows (the rule is right) …', () => {
    const t = taxTables('ny-2026.yaml');
    for (const [f, n] of Object.entries(NY_PERIODS)) for (const s of ['single', 'married']) expect(t[f]![s], `${f} ${s}`).toEqual(nyPerPeriod(t.annual![s]!, n));
  });

  it('… and every per-period row of ny-2025.yaml from its annual rows (no typo in the derived rows)', () => {
    const t = taxTables('ny-2025.yaml');
    expect(Object.keys(t).sort()).toEqual(['annual', 'biweekly', 'monthly', 'semimonthly', 'weekly']);
    for (const [f, n] of Object.entries(NY_PERIODS)) for (const s of ['single', 'married']) expect(t[f]![s], `${f} ${s}`).toEqual(nyPerPeriod(t.annual![s]!, n));
  });

  it('UI 2025: base $12,800 at the employer rate (monthly $5,000 after $10,000 taxed, 3% → $2,800.00, $84.00); no new-employer rate, so suta_rates.NY is required', () => {
    const r = runState('us.ny.sui.er', { frequency: 'monthly', wages: 5000, payDate: '2025-06-30', settings: { suta_rates: { NY: 0.03 } }, ytd: { 'us.ny.sui.er.wages': 10000, 'us.ny.sui.er': 300 } });
    expect(cents(r.taxableWages)).toBe('2800.00');
    expect(cents(r.amount)).toBe('84.00');
    expect(() => runState('us.ny.sui.er', { frequency: 'monthly', wages: 5000, payDate: '2025-06-30' })).toThrow(InputError);
    expect(() => runState('us.ny.sui.er', { frequency: 'monthly', wages: 5000, payDate: '2025-06-30' })).toThrow(/suta_rates\.NY/);
  });
});

describe('California 2025 (DE 44 Method B, per-period tables derived)', () => {
  const ca = (frequency: PayFrequency | 'annual', wages: number, fields: Record<string, string> = {}, payDate = '2025-06-27') => runState('us.ca.pit', { frequency, wages, fields, payDate });

  it("C': monthly $5,100, married, 5 allowances → 5,100 − 923 = 4,177; 19.71 + 2.2% × 2,385 = 72.18; − 68.29 = $3.89 (2026: $0.82)", () => {
    const r = ca('monthly', 5100, { ca_filing_status: 'married', ca_allowances: '5' });
    expect(r.lines.some((l) => l.label.startsWith('Taxable income') && l.value === '4177.00')).toBe(true);
    expect(cents(r.amount)).toBe('3.89');
  });

  it("D': weekly $950, head of household, 3 allowances → 950 − 213 = 737; 4.55 + 2.2% × 323 = 11.656; − 9.46 = $2.20 (2026: $1.69)", () => {
    const r = ca('weekly', 950, { ca_filing_status: 'head_of_household', ca_allowances: '3' });
    expect(r.lines.some((l) => l.label.startsWith('Step 4') && l.value === '11.656')).toBe(true);
    expect(cents(r.amount)).toBe('2.20');
  });

  it("G': biweekly $3,000, single, 1 allowance → 131.57 + 10.23% × 71 − 6.30 = $132.53 (annualising gave $132.52; 2026: $127.59)", () => {
    expect(cents(ca('biweekly', 3000, { ca_filing_status: 'single', ca_allowances: '1' }).amount)).toBe('132.53');
  });

  it("A': weekly $210, single, 1 allowance → $0 (at or below the $353 low-income exemption)", () => {
    expect(cents(ca('weekly', 210, { ca_filing_status: 'single', ca_allowances: '1' }).amount)).toBe('0.00');
  });

  it('H, I, J (research §6): semimonthly $3,000 single 0 → $127.28; monthly $8,000 married 1 → $223.10, married 2 (column 2) → $179.01', () => {
    expect(cents(ca('semimonthly', 3000).amount)).toBe('127.28');
    expect(cents(ca('monthly', 8000, { ca_filing_status: 'married', ca_allowances: '1' }).amount)).toBe('223.10');
    expect(cents(ca('monthly', 8000, { ca_filing_status: 'married', ca_allowances: '2' }).amount)).toBe('179.01');
  });

  it('uses the weekly table, not the annual one (weekly $730, no DE 4: 730 − 107 = 623; 8.51 + 4.4% × 133 = $14.36; annualising gave $14.35)', () => {
    const r = ca('weekly', 730);
    expect(cents(r.amount)).toBe('14.36');
    expect(r.lines.some((l) => l.label.includes('annualise'))).toBe(false);
    expect(r.lines.some((l) => l.label.startsWith('Step 4: tax rate table (weekly, single)'))).toBe(true);
  });

  it('the rounding rule gives every per-period row of ca-2026.yaml from its annual rows (the rule is right) …', () => {
    const t = taxTables('ca-2026.yaml');
    const derived = caPerPeriod(t.annual!);
    for (const f of Object.keys(t)) for (const s of Object.keys(t[f]!)) expect(t[f]![s], `${f} ${s}`).toEqual(derived[f]![s]);
  });

  it('… and every row of ca-2025.yaml from its annual rows, whose bases the rule also reproduces', () => {
    const t = taxTables('ca-2025.yaml');
    expect(Object.keys(t).sort()).toEqual(['annual', 'biweekly', 'monthly', 'quarterly', 'semiannual', 'semimonthly', 'weekly']);
    const derived = caPerPeriod(t.annual!);
    for (const f of Object.keys(t)) for (const s of Object.keys(t[f]!)) expect(t[f]![s], `${f} ${s}`).toEqual(derived[f]![s]);
  });
});
