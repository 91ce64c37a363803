/**
 * Golden tests: IRS Publication 15-T Worksheet 1A (percentage method for
 * automated payroll systems) against the worked examples of
 * /work/shared/reference/us-federal-and-states.md §1.9 (2026 tables, §1.3),
 * each re-derived by hand below from the printed tables, and the 2025
 * supplemental-wage inputs of Pub 15 (2025) §7 (§1.8, 2025 tables §1.4).
 */
import { describe, expect, it } from 'vitest';
import { cents, runFederal, type TaxInputSpec } from '../../../helpers/taxInput.js';

const fit = (spec: TaxInputSpec) => runFederal('us.fit', spec);
const line = (lines: { label: string; value: string }[], prefix: string) => lines.find((l) => l.label.startsWith(prefix))?.value;

describe('Worksheet 1A, 2026 (reference §1.9)', () => {
  const d = '2026-03-13';

  it('E1 biweekly $2,000, single, 2020+ W-4 → $156.15', () => {
    // 2,000 × 26 = 52,000; − 8,600 (1g) = 43,400; Std Single 19,900 / 1,240 / 12%:
    // 1,240 + 0.12 × 23,500 = 4,060.00; ÷ 26 = 156.1538 → 156.15
    const r = fit({ payDate: d, frequency: 'biweekly', wages: 2000, w4: { fed_filing_status: 'single' } });
    expect(cents(r.amount)).toBe('156.15');
    expect(line(r.lines, '1c')).toBe('52000');
    expect(line(r.lines, '1i')).toBe('43400');
    expect(line(r.lines, '2g')).toBe('4060');
  });

  it('E2 as E1 with the Step 2 box checked → $270.19', () => {
    // 1g = 0 → 52,000; Step 2 Single 33,250 / 2,900 / 22%: 2,900 + 0.22 × 18,750 = 7,025.00; ÷ 26 = 270.1923
    const r = fit({ payDate: d, frequency: 'biweekly', wages: 2000, w4: { fed_filing_status: 'single', fed_step2: 'true' } });
    expect(cents(r.amount)).toBe('270.19');
    expect(line(r.lines, '1i')).toBe('52000');
    expect(line(r.lines, '2g')).toBe('7025');
  });

  it('E3 monthly $8,000, MFJ, Step 3 $4,400, Step 4(c) $50 → $280.00', () => {
    // 96,000 − 12,900 = 83,100; Std MFJ 44,100 / 2,480 / 12%: 2,480 + 4,680 = 7,160; ÷ 12 = 596.6667;
    // 3b = 4,400 ÷ 12 = 366.6667; 3c = 230.00; + 50 = 280.00
    const r = fit({ payDate: d, frequency: 'monthly', wages: 8000, w4: { fed_filing_status: 'married_jointly', fed_dependents: '4400', fed_extra: '50' } });
    expect(cents(r.amount)).toBe('280.00');
    expect(line(r.lines, '1i')).toBe('83100');
    expect(line(r.lines, '3b')).toBe('366.666667');
    expect(line(r.lines, '3c')).toBe('230');
  });

  it('E4 weekly $1,500, HOH, Step 4(a) $5,200, Step 4(b) $3,000 → $122.54', () => {
    // 78,000 + 5,200 − (3,000 + 8,600) = 71,600; Std HOH 33,250 / 1,770 / 12%: 1,770 + 4,602 = 6,372; ÷ 52 = 122.5385
    const r = fit({ payDate: d, frequency: 'weekly', wages: 1500, w4: { fed_filing_status: 'head_of_household', fed_other_income: '5200', fed_deductions: '3000' } });
    expect(cents(r.amount)).toBe('122.54');
    expect(line(r.lines, '1e')).toBe('83200');
    expect(line(r.lines, '1i')).toBe('71600');
  });

  it('E5 semimonthly $3,000, 2019 W-4 married, 3 allowances → $178.33', () => {
    // 72,000 − 3 × 4,300 = 59,100; Std MFJ 44,100 / 2,480 / 12%: 2,480 + 1,800 = 4,280; ÷ 24 = 178.3333
    const r = fit({ payDate: d, frequency: 'semimonthly', wages: 3000, w4: { fed_w4: 'legacy', fed_filing_status: 'married', fed_allowances: '3' } });
    expect(cents(r.amount)).toBe('178.33');
    expect(line(r.lines, '1k')).toBe('12900.00');
    expect(line(r.lines, '1l')).toBe('59100');
  });

  it('E6 monthly $4,000, single → $298.33 (matches the independent IL oracle FIT 298.33)', () => {
    // 48,000 − 8,600 = 39,400; 1,240 + 0.12 × 19,500 = 3,580; ÷ 12 = 298.3333
    const r = fit({ payDate: d, frequency: 'monthly', wages: 4000, w4: { fed_filing_status: 'single' } });
    expect(cents(r.amount)).toBe('298.33');
  });

  it('E7 weekly $300, single → $0.00 (0% row)', () => {
    // 15,600 − 8,600 = 7,000 < 7,500
    const r = fit({ payDate: d, frequency: 'weekly', wages: 300, w4: { fed_filing_status: 'single' } });
    expect(cents(r.amount)).toBe('0.00');
    expect(line(r.lines, '1i')).toBe('7000');
  });

  it('E8 biweekly $20,000, MFJ, Step 2 checked → $5,674.05 (top row)', () => {
    // 520,000; Step 2 MFJ 400,450 / 103,291.75 / 37%: 103,291.75 + 0.37 × 119,550 = 147,525.25; ÷ 26 = 5,674.0481
    const r = fit({ payDate: d, frequency: 'biweekly', wages: 20000, w4: { fed_filing_status: 'married_jointly', fed_step2: 'true' } });
    expect(cents(r.amount)).toBe('5674.05');
    expect(line(r.lines, '2g')).toBe('147525.25');
  });

  it('E9 daily $250, single → $21.62 (Table 3: 260 daily periods)', () => {
    // 65,000 − 8,600 = 56,400; 1,240 + 0.12 × 36,500 = 5,620; ÷ 260 = 21.6154
    const r = fit({ payDate: d, frequency: 'daily', wages: 250, w4: { fed_filing_status: 'single' } });
    expect(cents(r.amount)).toBe('21.62');
    expect(line(r.lines, '1b')).toBe('260');
  });

  it('E10 biweekly $2,000, MFJ, Step 3 $4,400 → $0.00 (line 3c floor)', () => {
    // 52,000 − 12,900 = 39,100; 0.10 × 19,800 = 1,980; ÷ 26 = 76.1538; 3b = 169.2308; 3c = 0
    const r = fit({ payDate: d, frequency: 'biweekly', wages: 2000, w4: { fed_filing_status: 'married_jointly', fed_dependents: '4400' } });
    expect(cents(r.amount)).toBe('0.00');
    expect(line(r.lines, '3c')).toBe('0');
  });

  it('the 3c floor sits before line 4a: E10 with Step 4(c) $25 withholds exactly $25.00', () => {
    // a single clamp at the end would give max(0, 76.15 − 169.23 + 25) = 0
    const r = fit({ payDate: d, frequency: 'biweekly', wages: 2000, w4: { fed_filing_status: 'married_jointly', fed_dependents: '4400', fed_extra: '25' } });
    expect(cents(r.amount)).toBe('25.00');
  });

  it('the 1i floor: Step 4(b) larger than the annualised wages gives 0 before the table (and Step 4(c) still applies)', () => {
    // 500 × 26 = 13,000; 1h = 20,000 + 8,600 → 1i = 0 → 0; + 4(c) 10 = 10.00
    const r = fit({ payDate: d, frequency: 'biweekly', wages: 500, w4: { fed_filing_status: 'single', fed_deductions: '20000', fed_extra: '10' } });
    expect(line(r.lines, '1i')).toBe('0');
    expect(cents(r.amount)).toBe('10.00');
  });

  it('an employee claiming exemption has no income tax withheld, even on high wages', () => {
    const r = fit({ payDate: d, frequency: 'biweekly', wages: 20000, w4: { fed_filing_status: 'single', fed_exempt: 'true', fed_extra: '50' } });
    expect(cents(r.amount)).toBe('0.00');
  });

  it('whole-dollar rounding (Pub 15-T "Rounding"): E1 156.15 → 156, E2 270.19 → 270, and 0.50 rounds up', () => {
    expect(cents(fit({ payDate: d, frequency: 'biweekly', wages: 2000, w4: { fed_filing_status: 'single' }, settings: { fit_rounding: 'dollars' } }).amount)).toBe('156.00');
    expect(cents(fit({ payDate: d, frequency: 'biweekly', wages: 2000, w4: { fed_filing_status: 'single', fed_step2: 'true' }, settings: { fit_rounding: 'dollars' } }).amount)).toBe('270.00');
    // monthly $4,000 single with Step 4(c) $0.17: 298.3333 + 0.17 = 298.5033 → 299
    expect(cents(fit({ payDate: d, frequency: 'monthly', wages: 4000, w4: { fed_filing_status: 'single', fed_extra: '0.17' }, settings: { fit_rounding: 'dollars' } }).amount)).toBe('299.00');
  });

  it('the printed (rounded) Step 2 Single threshold 108,938 is used, not 108,937.50 (reference §1.3)', () => {
    // monthly 9,078.16 × 12 = 108,937.92 → row 60,900 / 8,983 / 24%: 8,983 + 0.24 × 48,037.92 = 20,512.1008 ÷ 12 = 1,709.3417
    // monthly 9,078.17 × 12 = 108,938.04 → row 108,938 / 20,512 / 32%: 20,512 + 0.32 × 0.04 = 20,512.0128 ÷ 12 = 1,709.3344
    // (the printed table steps down by 0.12 a year at this threshold; with 108,937.50 the first would be 1,709.35)
    const w4 = { fed_filing_status: 'single', fed_step2: 'true' };
    expect(cents(fit({ payDate: d, frequency: 'monthly', wages: '9078.16', w4 }).amount)).toBe('1709.34');
    expect(cents(fit({ payDate: d, frequency: 'monthly', wages: '9078.17', w4 }).amount)).toBe('1709.33');
  });

  it('optional flat-rate method: supplemental wages at 22%, regular wages through the worksheet', () => {
    // E1 wages plus a $1,000 bonus: 156.15 on the regular 2,000 + 220.00 on the bonus = 376.15
    const r = fit({ payDate: d, frequency: 'biweekly', wages: 3000, supplemental: 1000, w4: { fed_filing_status: 'single' }, settings: { supplemental_method: 'flat' } });
    expect(cents(r.amount)).toBe('376.15');
  });

  it('supplemental wages above $1,000,000 in the year are withheld at 37%, even for an exempt employee', () => {
    // YTD supplemental 990,000 + bonus 30,000: 20,000 above the threshold × 0.37 = 7,400.00
    const r = fit({ payDate: d, frequency: 'monthly', wages: 30000, supplemental: 30000, ytd: { supplemental: 990000 }, w4: { fed_exempt: 'true' } });
    expect(cents(r.amount)).toBe('7400.00');
    // flat method, not exempt: 10,000 × 22% + 20,000 × 37% = 2,200 + 7,400 = 9,600.00 (no regular wages)
    const f = fit({ payDate: d, frequency: 'monthly', wages: 30000, supplemental: 30000, ytd: { supplemental: 990000 }, w4: { fed_filing_status: 'single' }, settings: { supplemental_method: 'flat' } });
    expect(cents(f.amount)).toBe('9600.00');
  });

  it('E11 nonresident alien add-on: weekly $500, single, 2020+ W-4 (fed_nra), Table 2 add $309.60 → 1c 42,099.20, 1i 33,499.20, 2g 2,871.90 → $55.23', () => {
    // (500 + 309.60) × 52 = 42,099.20; − 8,600 = 33,499.20; 1,240 + 12% × 13,599.20 = 2,871.904; ÷ 52 = 55.229
    const r = fit({ payDate: d, frequency: 'weekly', wages: 500, w4: { fed_filing_status: 'single', fed_nra: 'true' } });
    expect(line(r.lines, '1c')).toBe('42099.2');
    expect(line(r.lines, '1i')).toBe('33499.2');
    expect(cents(r.amount)).toBe('55.23');
    expect(r.taxableWages.toFixed(2)).toBe('500.00'); // the add-on is for the income-tax computation only
  });

  it('E11 with a 2019-or-earlier W-4 adds the Table 1 amount instead (226.90 weekly)', () => {
    // (500 + 226.90) × 52 = 37,798.80; no line 1g on the old form, 0 allowances: 1,240 + 12% × 17,898.80 = 3,387.856; ÷ 52 = 65.151
    const r = fit({ payDate: d, frequency: 'weekly', wages: 500, w4: { fed_w4: 'legacy', fed_filing_status: 'single', fed_nra: 'true' } });
    expect(line(r.lines, '1c')).toBe('37798.8');
    expect(cents(r.amount)).toBe('65.15');
  });
});

describe('Worksheet 1A, 2025 tables (reference §1.4), inputs of the Pub 15 (2025) §7 examples (§1.8)', () => {
  const d = '2025-05-15';

  it('John Peters: monthly $1,000, 2018 W-4 single, 1 allowance → $10.83; with a $500 commission → $60.83', () => {
    // 12,000 − 4,300 = 7,700; 2025 Std Single 6,400 / 0 / 10%: 130 ÷ 12 = 10.8333
    const w4 = { fed_w4: 'legacy', fed_filing_status: 'single', fed_allowances: '1' };
    expect(cents(fit({ payDate: d, frequency: 'monthly', wages: 1000, w4 }).amount)).toBe('10.83');
    // aggregate: 18,000 − 4,300 = 13,700; 0.10 × 7,300 = 730; ÷ 12 = 60.8333
    expect(cents(fit({ payDate: d, frequency: 'monthly', wages: 1500, supplemental: 500, w4 }).amount)).toBe('60.83');
  });

  it('Sharon Warren: monthly, 2025 W-4 single: $2,000 → $75.00, $3,000 → $190.13, $5,000 → $430.13', () => {
    const w4 = { fed_filing_status: 'single' };
    // 24,000 − 8,600 = 15,400 → 0.10 × 9,000 = 900 ÷ 12 = 75.00
    expect(cents(fit({ payDate: d, frequency: 'monthly', wages: 2000, w4 }).amount)).toBe('75.00');
    // 36,000 − 8,600 = 27,400 → 1,192.50 + 0.12 × 9,075 = 2,281.50 ÷ 12 = 190.125 → 190.13 (half up)
    expect(cents(fit({ payDate: d, frequency: 'monthly', wages: 3000, supplemental: 1000, w4 }).amount)).toBe('190.13');
    // 60,000 − 8,600 = 51,400 → 1,192.50 + 0.12 × 33,075 = 5,161.50 ÷ 12 = 430.125 → 430.13
    expect(cents(fit({ payDate: d, frequency: 'monthly', wages: 5000, supplemental: 3000, w4 }).amount)).toBe('430.13');
  });

  it('Sharon Warren, Example 3: a $1,000 bonus by the optional flat rate → 22% = $220.00', () => {
    const r = fit({ payDate: d, frequency: 'monthly', wages: 1000, supplemental: 1000, w4: { fed_filing_status: 'single' }, settings: { supplemental_method: 'flat' } });
    expect(cents(r.amount)).toBe('220.00');
  });

  it('the pay date selects the rule file: E1 inputs paid 2025-12-31 use the 2025 tables → $161.60', () => {
    // 52,000 − 8,600 = 43,400; 2025 Std Single 18,325 / 1,192.50 / 12%: 1,192.50 + 0.12 × 25,075 = 4,201.50; ÷ 26 = 161.596 → 161.60
    const r25 = fit({ payDate: '2025-12-31', frequency: 'biweekly', wages: 2000, w4: { fed_filing_status: 'single' } });
    const r26 = fit({ payDate: '2026-01-01', frequency: 'biweekly', wages: 2000, w4: { fed_filing_status: 'single' } });
    expect(cents(r25.amount)).toBe('161.60');
    expect(cents(r26.amount)).toBe('156.15');
  });
});
