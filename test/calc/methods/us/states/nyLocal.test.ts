/**
 * New York City resident withholding (NYS-50-T-NYC (1/26) Method II, component
 * us.ny.nyc.pit of rules/us/ny-2026.yaml; for 2025, NYS-50-T-NYC (1/18) in
 * rules/us/ny-2025.yaml, hand examples) and New York State Method III (the
 * "top income tax rates method" above the last line of each Method II table,
 * rules/us/ny-2025.yaml and ny-2026.yaml).
 *
 * Golden figures: the six weekly/semimonthly/monthly worked examples of
 * NYS-50-T-NYC (1/26) and four of NYS-50-T-NYS (1/26), as transcribed in a
 * vendor's golden tests (stored code id 71183714048; the PDFs were not read).
 * NYS-50-T-NYS prints no Method III example: those figures are hand
 * computations (net × rate, rounded once to the cent).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { boundAt } from '../../../../../src/calc/boundRules.js';
import { bundledRulesDir } from '../../../../../src/rules/index.js';
import { bundledBook, cents, runState, stateInput, stateTax } from './helpers.js';

type Freq = Parameters<typeof runState>[1]['frequency'];

const nyc = (frequency: Freq, wages: number, fields: Record<string, string> = {}, extra: { supplemental?: number; payDate?: string } = {}) =>
  runState('us.ny.nyc.pit', { frequency, wages, fields: { ny_locality: 'nyc', ...fields }, payDate: extra.payDate ?? '2026-06-30', supplemental: extra.supplemental });

const nys = (frequency: Freq, wages: number, fields: Record<string, string> = {}, payDate = '2026-06-30') =>
  runState('us.ny.pit', { frequency, wages, fields, payDate });

/**
 * us.ny.pit with the file's own `pit.method_iii` passed to the method. The
 * bundled component does not pass it yet (switching it on changes the demo's
 * E017: see the header of rules/us/ny-2026.yaml), so these tests bind it here.
 */
function nysWithMethodIii(frequency: Freq, wages: number, fields: Record<string, string> = {}, payDate = '2026-06-30') {
  const t = stateTax('us.ny.pit', payDate);
  const file = parse(readFileSync(join(bundledRulesDir(), 'us', `ny-${payDate.slice(0, 4)}.yaml`), 'utf8')) as { parameters: Record<string, { values: { value: unknown }[] }> };
  const raw = (k: string) => file.parameters[k]!.values[0]!.value;
  const params = t.method.params.parse({
    deduction_allowance: raw('pit.deduction_allowance'),
    exemption_allowance: raw('pit.exemption_allowance'),
    tax_tables: raw('pit.tax_tables'),
    supplemental_rate: raw('pit.supplemental_rate'),
    method_iii: raw('pit.method_iii'),
  });
  const input = stateInput('us.ny.pit', { frequency, wages, fields, payDate });
  t.method.employeeFields!.parse(input.employee.fields);
  return t.method.compute(input, params, { ...t.prov, method_iii: `rules/us/ny-${payDate.slice(0, 4)}.yaml pit.method_iii` } as never);
}

const netLine = (r: ReturnType<typeof runState>) => r.lines.find((l) => l.label.startsWith('Net wages'))?.value;

describe('New York City resident withholding, NYS-50-T-NYC (1/26) worked examples', () => {
  it.each([
    ['Single Example 1', 'weekly', 400, 'single', '3', '246.10', '6.11'],
    ['Single Example 2', 'semimonthly', 5000, 'single', '1', '4750.00', '188.80'],
    ['Single Example 3', 'monthly', 50000, 'single', '3', '49333.40', '2070.50'],
    ['Married Example 1', 'weekly', 400, 'married', '4', '217.25', '5.17'],
    ['Married Example 2', 'semimonthly', 5000, 'married', '3', '4645.90', '184.37'],
    ['Married Example 3', 'monthly', 50000, 'married', '3', '49291.80', '2068.73'],
  ] as const)('%s: %s $%d, %s, %s NYC allowances → net %s, withhold $%s', (_n, frequency, wages, status, allowances, net, tax) => {
    const r = nyc(frequency, wages, { ny_filing_status: status, ny_nyc_allowances: allowances });
    expect(netLine(r)).toBe(net);
    expect(cents(r.amount)).toBe(tax);
    expect(cents(r.taxableWages)).toBe(wages.toFixed(2));
  });
});

describe('New York City resident withholding: who and how', () => {
  it('no ny_locality: nothing withheld, no NYC wages', () => {
    const r = runState('us.ny.nyc.pit', { frequency: 'weekly', wages: 1000, fields: { ny_filing_status: 'single', ny_nyc_allowances: '1' } });
    expect(cents(r.amount)).toBe('0.00');
    expect(cents(r.taxableWages)).toBe('0.00');
    expect(r.lines[0]!.label).toContain('not nyc');
  });

  it('ny_locality is read case-insensitively', () => {
    expect(cents(nyc('weekly', 400, { ny_locality: 'NYC', ny_filing_status: 'single', ny_nyc_allowances: '3' }).amount)).toBe('6.11');
  });

  it('uses IT-2104 line 2 (ny_nyc_allowances), not line 1 (ny_allowances)', () => {
    // weekly $400 single: with 0 NYC allowances net 303.85 → 7.46 + 15.85 × 3.95% = 8.0861
    expect(cents(nyc('weekly', 400, { ny_filing_status: 'single', ny_allowances: '3' }).amount)).toBe('8.09');
  });

  it('head of household and no IT-2104 use the single Table B (the city tables are the same for both statuses)', () => {
    expect(cents(nyc('weekly', 400, { ny_filing_status: 'head_of_household', ny_nyc_allowances: '3' }).amount)).toBe('6.11');
    expect(cents(nyc('weekly', 400).amount)).toBe('8.09');
  });

  it('annual table, top line open-ended: $100,000 single, 2 allowances → net 93,000 → 2,236 + 33,000 × 4.25% = $3,638.50', () => {
    expect(cents(nyc('annual', 100000, { ny_filing_status: 'single', ny_nyc_allowances: '2' }).amount)).toBe('3638.50');
  });

  it('adds IT-2104 line 4 (ny_nyc_extra), not line 3 (ny_extra)', () => {
    expect(cents(nyc('weekly', 400, { ny_filing_status: 'single', ny_nyc_allowances: '3', ny_nyc_extra: '5.00', ny_extra: '20.00' }).amount)).toBe('11.11');
  });

  it('supplemental wages paid alone: 4.25% flat', () => {
    expect(cents(nyc('weekly', 1000, {}, { supplemental: 1000 }).amount)).toBe('42.50');
  });

  it('validates ny_locality: nyc, yonkers (any case) or empty, in the state and the city method', () => {
    for (const id of ['us.ny.nyc.pit', 'us.ny.pit']) {
      const fields = stateTax(id, '2026-06-30').method.employeeFields!;
      expect(fields.safeParse({ ny_locality: 'yonkers' }).success).toBe(true);
      expect(fields.safeParse({ ny_locality: 'nyc' }).success).toBe(true);
      expect(fields.safeParse({ ny_locality: '' }).success).toBe(true);
      expect(fields.safeParse({ ny_locality: 'albany' }).success).toBe(false);
    }
    expect(stateTax('us.ny.pit', '2025-06-30').method.employeeFields!.safeParse({ ny_locality: 'Yonkers' }).success).toBe(true);
    expect(stateTax('us.ny.nyc.pit', '2026-06-30').method.employeeFields!.safeParse({ ny_nyc_allowances: 'two' }).success).toBe(false);
  });

  it('a Yonkers resident has no New York City withholding', () => {
    expect(cents(nyc('weekly', 400, { ny_locality: 'yonkers', ny_filing_status: 'single', ny_nyc_allowances: '3' }).amount)).toBe('0.00');
  });

  it('2025 and 2026 pay dates both have the New York City component', () => {
    for (const d of ['2025-06-30', '2026-06-30']) {
      const ids = boundAt(bundledBook(), 'us.ny', d).taxes.map((t) => t.id);
      expect(ids).toContain('us.ny.pit');
      expect(ids).toContain('us.ny.nyc.pit');
    }
  });
});

/**
 * 2025 pay dates: NYS-50-T-NYC (1/18), rules/us/ny-2025.yaml. Annual table and
 * Table B / C annual figures from TimeTrex's NY_NYC.class.php (entry effective
 * 20180101, @4b03515b); per-period bases derived (annual ÷ periods, to the cent).
 * The 1/18 PDF was not read, so these are hand computations, not its examples.
 */
describe('New York City resident withholding, 2025 pay dates (NYS-50-T-NYC (1/18), hand examples)', () => {
  const nyc25 = (frequency: Freq, wages: number, fields: Record<string, string> = {}, supplemental?: number) =>
    nyc(frequency, wages, fields, { payDate: '2025-06-30', supplemental });

  it.each([
    // 400 − 96.15 − 3 × 19.25 = 246.10; row 167 (8,700 ÷ 52): 3.54 + 79.10 × 3.25% = 6.11075
    ['weekly', 400, 'single', '3', '246.10', '6.11'],
    // 5,000 − 208.35 − 41.65 = 4,750.00; top row 2,500: 93.17 (2,236 ÷ 24) + 2,250 × 4.25% = 188.795
    ['semimonthly', 5000, 'single', '1', '4750.00', '188.80'],
    // 50,000 − 458.30 − 3 × 83.30 = 49,291.80; top row 5,000: 186.33 (2,236 ÷ 12) + 44,291.80 × 4.25% = 2,068.7315
    ['monthly', 50000, 'married', '3', '49291.80', '2068.73'],
    // 2,000 − 211.50 − 2 × 38.50 = 1,711.50; row 962: 30.12 (783 ÷ 26) + 749.50 × 4.15% = 61.22425
    ['biweekly', 2000, 'married', '2', '1711.50', '61.22'],
    // 1,000 − 96.15 − 19.25 = 884.60; row 481: 15.06 (783 ÷ 52) + 403.60 × 4.15% = 31.8094
    ['weekly', 1000, 'single', '1', '884.60', '31.81'],
  ] as const)('%s $%d, %s, %s NYC allowances → net %s, withhold $%s', (frequency, wages, status, allowances, net, tax) => {
    const r = nyc25(frequency, wages, { ny_filing_status: status, ny_nyc_allowances: allowances });
    expect(netLine(r)).toBe(net);
    expect(cents(r.amount)).toBe(tax);
  });

  it('annual table (TimeTrex 20180101 rows as read): $100,000 single, 2 allowances → 100,000 − 5,000 − 2,000 = 93,000 → 2,236 + 33,000 × 4.25% = $3,638.50', () => {
    expect(cents(nyc25('annual', 100000, { ny_filing_status: 'single', ny_nyc_allowances: '2' }).amount)).toBe('3638.50');
  });

  it('annual table, lower rows: $20,000 married, 0 allowances → 20,000 − 5,500 = 14,500 → 184 + 5,800 × 3.25% = $372.50', () => {
    expect(cents(nyc25('annual', 20000, { ny_filing_status: 'married' }).amount)).toBe('372.50');
  });

  it('supplemental wages paid alone: 4.25% flat ($1,000 → $42.50)', () => {
    expect(cents(nyc25('weekly', 1000, {}, 1000).amount)).toBe('42.50');
  });

  it('no ny_locality: nothing withheld', () => {
    const r = runState('us.ny.nyc.pit', { frequency: 'weekly', wages: 1000, fields: { ny_filing_status: 'single', ny_nyc_allowances: '1' }, payDate: '2025-06-30' });
    expect(cents(r.amount)).toBe('0.00');
  });
});

describe('New York State, NYS-50-T-NYS (1/26) worked examples', () => {
  it.each([
    ['Single Example 1', 'weekly', 400, 'single', '3', '8.01'],
    ['Single Example 3', 'monthly', 50000, 'single', '3', '3576.63'],
    ['Married Example 1', 'weekly', 400, 'married', '4', '6.69'],
    ['Married Example 3', 'monthly', 50000, 'married', '3', '3622.09'],
  ] as const)('%s: %s $%d, %s, %s allowances → $%s', (_n, frequency, wages, status, allowances, tax) => {
    expect(cents(nys(frequency, wages, { ny_filing_status: status, ny_allowances: allowances }).amount)).toBe(tax);
  });
});

describe('New York State Method III (top income tax rates), with the files\' pit.method_iii', () => {
  it('is switched on in the bundled rules: above the last line the flat rate applies to the whole net wage', () => {
    // monthly $120,000 single: net 119,383.30 (annualised 1,432,599.60, above 1,077,550) × 10.45% = 12,475.55485
    // (Method II's top row would give 1,590.92 + 97,266.30 × 7.35% = 8,739.99)
    const r = nys('monthly', 120000);
    expect(r.lines.some((l) => l.label.startsWith('Method III'))).toBe(true);
    expect(cents(r.amount)).toBe('12475.55');
  });

  for (const year of ['2025', '2026'] as const) {
    const d = `${year}-06-30`;
    it(`${year}: weekly single switches at the last line, net $20,722 (Method II below it, the flat 10.45% on the whole net wage from it)`, () => {
      // wages − 142.30 (Table B, single, 0 allowances) = net
      const below = nysWithMethodIii('weekly', 20864.29, {}, d); // net 20,721.99
      expect(below.lines.some((l) => l.label.startsWith('Method II table'))).toBe(true);
      const at = nysWithMethodIii('weekly', 20864.3, {}, d); // net 20,722.00 → 20,722 × 0.1045 = 2,165.449
      expect(at.lines.some((l) => l.label.startsWith('Method III'))).toBe(true);
      expect(cents(at.amount)).toBe('2165.45');
      expect(at.amount.gt(below.amount)).toBe(true);
    });

    it(`${year}: married tables run on to 2,155,350 a year (weekly 41,449) before Method III`, () => {
      // weekly $41,000 married, 0 allowances: net 40,847.10 < 41,449 → Method II top line 7.65%
      const r = nysWithMethodIii('weekly', 41000, { ny_filing_status: 'married' }, d);
      expect(r.lines.some((l) => l.label.startsWith('Method II table'))).toBe(true);
      const m = nysWithMethodIii('weekly', 41601.9, { ny_filing_status: 'married' }, d); // net 41,449.00
      expect(m.lines.some((l) => l.label.startsWith('Method III'))).toBe(true);
      expect(cents(m.amount)).toBe('4331.42'); // 41,449 × 0.1045 = 4,331.4205
    });

    it(`${year}: the rate follows the annualised net wage (11.10% from $5 million, 11.70% from $25 million)`, () => {
      // weekly $100,000 single: net 99,857.70, × 52 = 5,192,600.40 → 11.10%: 11,084.2047
      expect(cents(nysWithMethodIii('weekly', 100000, {}, d).amount)).toBe('11084.20');
      // weekly $500,000 single: net 499,857.70, × 52 = 25,992,600.40 → 11.70%: 58,483.3509
      expect(cents(nysWithMethodIii('weekly', 500000, {}, d).amount)).toBe('58483.35');
      // married monthly $200,000, 0 allowances: net 199,337.50 ≥ 179,613; × 12 = 2,392,050 → 10.45%: 20,830.77
      expect(cents(nysWithMethodIii('monthly', 200000, { ny_filing_status: 'married' }, d).amount)).toBe('20830.77');
    });
  }

  it('2026 monthly $120,000 single: net 119,383.30 × 10.45% = $12,475.55 (rounded once; no printed example)', () => {
    const r = nysWithMethodIii('monthly', 120000);
    expect(netLine(r)).toBe('119383.30');
    expect(cents(r.amount)).toBe('12475.55');
  });

  it('the demo company\'s E017 (monthly $200,000, married, 2 allowances): 20,813.36 with Method III (14,981.26 on the top row alone)', () => {
    // net 200,000 − 662.50 − 2 × 83.30 = 199,170.90; the top row alone: 6,614.08 + 109,374.90 × 7.65% = 14,981.2599
    // ≥ 179,613 → Method III; × 12 = 2,390,050.80 → 10.45%: 199,170.90 × 0.1045 = 20,813.35905
    expect(cents(nys('monthly', 200000, { ny_filing_status: 'married', ny_allowances: '2' }).amount)).toBe('20813.36');
    expect(cents(nysWithMethodIii('monthly', 200000, { ny_filing_status: 'married', ny_allowances: '2' }).amount)).toBe('20813.36');
  });

  it('the NYC tables have no Method III: the 4.25% line runs on', () => {
    // weekly $30,000 single NYC, 0 allowances: net 29,903.85 → 43 + 28,749.85 × 4.25% = 1,264.8686
    expect(cents(nyc('weekly', 30000).amount)).toBe('1264.87');
  });
});
