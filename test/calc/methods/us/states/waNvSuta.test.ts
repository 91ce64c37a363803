/**
 * Employer state unemployment for Washington and Nevada (rules/us/wa-*.yaml,
 * nv-*.yaml) and the Illinois 2026 wage base (il-2026.yaml): the employer's
 * rate from payrecon.yaml on wages up to the state's base, year-to-date aware.
 * Golden figures are hand-computed from the files' bases (several of them are
 * `verified: false`: the tests pin what the files say, not the agencies).
 */
import { describe, expect, it } from 'vitest';
import { boundAt } from '../../../../../src/calc/boundRules.js';
import { computeCompany } from '../../../../../src/calc/computeCompany.js';
import { InputError } from '../../../../../src/model/problems.js';
import { Decimal } from '../../../../../src/money/index.js';
import { company } from '../../../../helpers/company.js';
import { bundledBook, cents, runState, stateTax } from './helpers.js';

describe('Washington unemployment insurance (us.wa.sui.er)', () => {
  it('2025: base $72,800 — monthly $10,000 after $70,000 already taxed at an assigned 1.2% → $2,800.00 taxable, $33.60', () => {
    const r = runState('us.wa.sui.er', {
      frequency: 'monthly', wages: 10000, payDate: '2025-11-28',
      settings: { suta_rates: { WA: 0.012 } }, ytd: { 'us.wa.sui.er.wages': 70000, 'us.wa.sui.er': 840 },
    });
    expect(cents(r.taxableWages)).toBe('2800.00');
    expect(cents(r.amount)).toBe('33.60');
  });

  it('2026: base $78,200 — one annual-size payment of $100,000 at 1.5% → $78,200.00 taxable, $1,173.00', () => {
    const r = runState('us.wa.sui.er', { frequency: 'monthly', wages: 100000, payDate: '2026-01-30', settings: { suta_rates: { WA: 0.015 } } });
    expect(cents(r.taxableWages)).toBe('78200.00');
    expect(cents(r.amount)).toBe('1173.00');
  });

  it('the pay date picks the year: $75,000 already taxed is past the 2025 base but not the 2026 one', () => {
    const spec = { frequency: 'monthly' as const, wages: 5000, settings: { suta_rates: { WA: 0.01 } }, ytd: { 'us.wa.sui.er.wages': 75000, 'us.wa.sui.er': 750 } };
    expect(cents(runState('us.wa.sui.er', { ...spec, payDate: '2025-12-31' }).amount)).toBe('0.00');
    expect(cents(runState('us.wa.sui.er', { ...spec, payDate: '2026-12-31' }).taxableWages)).toBe('3200.00');
  });

  it('no single new-employer rate: without suta_rates.WA the missing rate is reported, not guessed', () => {
    expect(() => runState('us.wa.sui.er', { frequency: 'monthly', wages: 5000, payDate: '2026-03-31' })).toThrow(InputError);
    expect(() => runState('us.wa.sui.er', { frequency: 'monthly', wages: 5000, payDate: '2026-03-31' })).toThrow(/suta_rates\.WA/);
  });

  it('applies to WA work-state employees only, with no withholding component (no state income tax)', () => {
    for (const date of ['2025-06-30', '2026-06-30'] as const) {
      expect(stateTax('us.wa.sui.er', date).workStates).toEqual(['WA']);
      expect(boundAt(bundledBook(), 'us.wa', date).taxes.map((t) => t.id)).toEqual(['us.wa.sui.er']);
    }
  });

  it('end to end: a WA employee gets us.wa.sui.er, Section 125 out of the UI wages, 401(k) in', () => {
    const c = company({
      employees: [{ employee_id: 'W1', pay_type: 'salaried', pay_rate: '104000', pay_frequency: 'biweekly', work_state: 'WA' }],
      calendar: [{ pay_frequency: 'biweekly', period_start: '2026-01-04', period_end: '2026-01-17', pay_date: '2026-01-23' }],
      deductions: [
        { employee_id: 'W1', kind: '401k', amount: new Decimal(300) },
        { employee_id: 'W1', kind: 'sec125', amount: new Decimal(100) },
      ],
      settings: { suta_rates: { WA: 0.0125 } },
    });
    const row = computeCompany(c, bundledBook()).rows[0]!;
    // 104,000 / 26 = 4,000.00 gross; less 100.00 Section 125 = 3,900.00; × 1.25% = 48.75
    expect(cents(row.values.get('us.wa.sui.er.wages')!)).toBe('3900.00');
    expect(cents(row.values.get('us.wa.sui.er')!)).toBe('48.75');
  });
});

describe('Nevada unemployment insurance (us.nv.sui.er)', () => {
  it('2025: no suta_rates.NV → the 2.95% new-employer rate on the $41,800 base ($1,233.10), and the trace says so', () => {
    const r = runState('us.nv.sui.er', { frequency: 'monthly', wages: 50000, payDate: '2025-01-31' });
    expect(cents(r.taxableWages)).toBe('41800.00');
    expect(cents(r.amount)).toBe('1233.10');
    expect(r.lines.some((l) => l.label.includes('new-employer rate'))).toBe(true);
  });

  it("2025: the employer's own rate crossing the base (weekly $2,000 after $40,500 at 1.75% → $1,300.00, $22.75)", () => {
    const r = runState('us.nv.sui.er', {
      frequency: 'weekly', wages: 2000, payDate: '2025-10-31',
      settings: { suta_rates: { NV: 0.0175 } }, ytd: { 'us.nv.sui.er.wages': 40500, 'us.nv.sui.er': 708.75 },
    });
    expect(cents(r.taxableWages)).toBe('1300.00');
    expect(cents(r.amount)).toBe('22.75');
  });

  it("2026: the base comes from payrecon.yaml suta_wage_bases (the rule file has none), crossing it; the trace names the setting", () => {
    const r = runState('us.nv.sui.er', {
      frequency: 'biweekly', wages: 3000, payDate: '2026-12-18',
      settings: { suta_rates: { NV: 0.02 }, suta_wage_bases: { NV: { '2026': 45000 } } }, ytd: { 'us.nv.sui.er.wages': 43500, 'us.nv.sui.er': 870 },
    });
    expect(cents(r.taxableWages)).toBe('1500.00'); // 45,000 − 43,500
    expect(cents(r.amount)).toBe('30.00');
    const base = r.lines.find((l) => l.label.startsWith('NV taxable wage base'))!;
    expect(base.label).toContain('payrecon.yaml suta_wage_bases.NV.2026');
    expect(base.value).toBe('45000.00');
    expect(base.ref).toBe('payrecon.yaml');
  });

  it('2026 without suta_wage_bases.NV.2026: an input error that says what to add, not a missing figure', () => {
    const run = () => runState('us.nv.sui.er', { frequency: 'monthly', wages: 5000, payDate: '2026-03-31', settings: { suta_wage_bases: { NV: { '2025': 41800 } } } });
    expect(run).toThrow(InputError);
    expect(run).toThrow(/no NV unemployment taxable wage base for 2026 in the rule files: add suta_wage_bases\.NV\.2026/);
    expect(boundAt(bundledBook(), 'us.nv', '2026-06-30').taxes.map((t) => t.id)).toEqual(['us.nv.sui.er']);
  });

  it("a settings base for a year the rule file covers must agree with it: 2025's $41,800 confirmed, $42,000 refused", () => {
    const spec = { frequency: 'monthly' as const, wages: 50000, payDate: '2025-01-31' };
    expect(cents(runState('us.nv.sui.er', { ...spec, settings: { suta_wage_bases: { NV: { '2025': 41800 } } } }).taxableWages)).toBe('41800.00');
    expect(() => runState('us.nv.sui.er', { ...spec, settings: { suta_wage_bases: { NV: { '2025': 42000 } } } })).toThrow(
      /suta_wage_bases\.NV\.2025 is 42000 but the NV rule file for 2025 gives 41800\.00/,
    );
  });

  it('end to end: a 2026 NV employee gets us.nv.sui.er on the settings base, year to date across payslips', () => {
    const c = company({
      employees: [{ employee_id: 'N1', pay_type: 'salaried', pay_rate: '520000', pay_frequency: 'biweekly', work_state: 'NV' }],
      calendar: [
        { pay_frequency: 'biweekly', period_start: '2026-01-04', period_end: '2026-01-17', pay_date: '2026-01-23' },
        { pay_frequency: 'biweekly', period_start: '2026-01-18', period_end: '2026-01-31', pay_date: '2026-02-06' },
        { pay_frequency: 'biweekly', period_start: '2026-02-01', period_end: '2026-02-14', pay_date: '2026-02-20' },
      ],
      settings: { suta_rates: { NV: 0.01 }, suta_wage_bases: { NV: { '2026': 45000 } } },
    });
    const rows = computeCompany(c, bundledBook()).rows;
    // 520,000 / 26 = 20,000.00 a period: 20,000 + 20,000 + 5,000 reach the 45,000 base
    expect(rows.map((r) => cents(r.values.get('us.nv.sui.er.wages')!))).toEqual(['20000.00', '20000.00', '5000.00']);
    expect(rows.map((r) => cents(r.values.get('us.nv.sui.er')!))).toEqual(['200.00', '200.00', '50.00']);
  });
});

describe('Illinois unemployment insurance 2026 (us.il.sui.er)', () => {
  it('base $14,250 at an assigned 3.95%: monthly $20,000 → $14,250.00 taxable, $562.88 (562.875 half-up)', () => {
    const r = runState('us.il.sui.er', { frequency: 'monthly', wages: 20000, payDate: '2026-01-30', settings: { suta_rates: { IL: 0.0395 } } });
    expect(cents(r.taxableWages)).toBe('14250.00');
    expect(cents(r.amount)).toBe('562.88');
  });

  it('2025 keeps its own base ($13,916): the same payslip in 2025 → $549.68', () => {
    const r = runState('us.il.sui.er', { frequency: 'monthly', wages: 20000, payDate: '2025-01-31', settings: { suta_rates: { IL: 0.0395 } } });
    expect(cents(r.taxableWages)).toBe('13916.00');
    expect(cents(r.amount)).toBe('549.68');
  });

  it('no new-employer rate in the file: suta_rates.IL is required', () => {
    expect(() => runState('us.il.sui.er', { frequency: 'monthly', wages: 5000, payDate: '2026-03-31' })).toThrow(/suta_rates\.IL/);
  });
});
