import { describe, expect, it } from 'vitest';
import { Reconciler, reconcile, exitStatusFor, unknownItems } from '../../src/reconcile/index.js';
import { Decimal } from '../../src/money/index.js';
import { opts, row, withValues } from './helpers.js';
import { indexEmployees } from '../../src/reconcile/employeeIndex.js';
import type { EmployeeFacts } from '../../src/reconcile/index.js';

const slip = (id: string, date: string, v: Record<string, string> = {}) =>
  row(id, date, { regular_pay: '1000.00', overtime_pay: '0.00', gross: '1000.00', 'us.fit': '80.00', 'us.ss.ee': '62.00', 'ded.401k': '0.00', net_pay: '858.00', ...v }, { period_start: '2026-01-01', period_end: '2026-01-07' });

describe('matching', () => {
  it('pairs identical rows with no findings and counts every comparison', () => {
    const exp = [slip('E1', '2026-01-09'), slip('E2', '2026-01-09')];
    const r = reconcile(opts(exp), exp.map((e) => withValues(e, {})));
    expect(r.findings).toEqual([]);
    expect(r.accounting.register).toMatchObject({ read: 2, matched: 2 });
    expect(r.comparisons).toMatchObject({ compared: 14, exact: 14, mismatched: 0 });
  });

  it('reports missing, unexpected, duplicate and unknown-employee rows, never pairing them', () => {
    const exp = [slip('E1', '2026-01-09'), slip('E2', '2026-01-09'), slip('E1', '2026-01-16')];
    const reg = [withValues(exp[0]!, {}), withValues(exp[0]!, {}), withValues(exp[1]!, {}, { pay_date: '2026-01-10' }), withValues(exp[1]!, {}, { employee_id: 'X9' })];
    const r = reconcile(opts(exp), reg);
    const codes = r.findings.map((f) => `${f.code} ${f.employee_id} ${f.pay_date}`).sort();
    expect(codes).toEqual([
      'DUPLICATE_IN_REGISTER E1 2026-01-09',
      'MISSING_IN_REGISTER E1 2026-01-16',
      'MISSING_IN_REGISTER E2 2026-01-09',
      'UNEXPECTED_IN_REGISTER E2 2026-01-10',
      'UNKNOWN_EMPLOYEE X9 2026-01-09',
    ]);
    expect(r.accounting).toEqual({
      register: { read: 4, matched: 1, unexpected: 1, unknownEmployee: 1, paidAfterTermination: 0, duplicate: 1, rejected: 0 },
      expected: { rows: 3, matched: 1, missing: 2, rejectedInRegister: 0 },
    });
    expect(r.findings.find((f) => f.code === 'MISSING_IN_REGISTER' && f.employee_id === 'E2')).toMatchObject({ expected: '858.00', severity: 'error' });
    // The employees given as facts by id (as the workers give them, once per block of employees): the same result.
    const o = opts(exp);
    const byId = indexEmployees(o.employees as Iterable<EmployeeFacts>);
    expect(reconcile({ ...o, employees: byId }, reg)).toEqual(r);
    expect(reconcile({ ...o, employees: new Map() }, reg).findings.filter((f) => f.code === 'UNKNOWN_EMPLOYEE')).toHaveLength(2); // (no one known: a map is not read as a list)
  });

  it('pay for a period starting after termination is reported; a final paycheck dated after it is not', () => {
    const exp = [slip('E1', '2026-01-16', {}), slip('E1', '2026-01-09')];
    exp[0]!.period_start = '2026-01-08';
    const employees = [{ employee_id: 'E1', termination_date: '2026-01-12' }];
    const late = withValues(exp[0]!, {}, { pay_date: '2026-01-23', period_start: '2026-01-15', period_end: '2026-01-21' });
    const r = reconcile(opts(exp, { employees }), [withValues(exp[1]!, {}), withValues(exp[0]!, {}), late]);
    expect(r.findings.map((f) => f.code)).toEqual(['PAID_AFTER_TERMINATION']);
    expect(r.findings[0]).toMatchObject({ employee_id: 'E1', pay_date: '2026-01-23', actual: '858.00' });
    expect(r.findings[0]!.message).toContain('terminated on 2026-01-12');
    // Without a period in the register, the pay calendar supplies it.
    const noPeriod = withValues(exp[0]!, {}, { pay_date: '2026-01-23' });
    const r2 = reconcile(opts(exp, { employees, periodOf: () => ({ start: '2026-01-15', end: '2026-01-21' }) }), [noPeriod]);
    expect(r2.findings.filter((f) => f.code === 'PAID_AFTER_TERMINATION')).toHaveLength(1);
    // A period that started before termination but has no expected payslip is merely unexpected.
    const r3 = reconcile(opts(exp, { employees, periodOf: () => ({ start: '2026-01-10', end: '2026-01-16' }) }), [noPeriod]);
    expect(r3.findings.filter((f) => f.code !== 'MISSING_IN_REGISTER').map((f) => f.code)).toEqual(['UNEXPECTED_IN_REGISTER']);
  });

  it('a rejected row is counted and reported with file, line and column, and its payslip is not also reported missing', () => {
    const exp = [slip('E1', '2026-01-09')];
    const rec = new Reconciler(opts(exp));
    rec.reject({ file: 'register.csv', line: 7, employee_id: 'E1', pay_date: '2026-01-09', problems: [{ file: 'register.csv', line: 7, column: 'Gross Pay', message: 'expected an amount written like 1,234.56 (found "12O")' }] });
    const r = rec.finish();
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ code: 'REJECTED_ROW', severity: 'error', employee_id: 'E1' });
    expect(r.findings[0]!.message).toContain('register.csv, line 7, column "Gross Pay": expected an amount');
    expect(r.accounting.register).toMatchObject({ read: 1, rejected: 1 });
    expect(r.accounting.expected).toMatchObject({ rows: 1, matched: 0, missing: 0, rejectedInRegister: 1 });
  });

  it('refuses an expected register with two payslips for one key (a bug upstream, not a finding)', () => {
    expect(() => new Reconciler(opts([slip('E1', '2026-01-09'), slip('E1', '2026-01-09')]))).toThrow(/two payslips/);
  });
});

describe('matchedExactly (the workers\' common case, compared in cents by the caller)', () => {
  it('counts a row exactly as row() does for a register row equal to its payslip, and a later row with its key is a duplicate', () => {
    const exp = [slip('E1', '2026-01-09'), slip('E2', '2026-01-09')];
    const keys = ['gross', 'us.fit', 'net_pay', 'ded.401k'];
    const cents = Float64Array.from([100000, 8000, 85800, NaN]);
    const viaRow = new Reconciler(opts(exp));
    viaRow.row({ ...withValues(exp[0]!, {}), values: new Map([['gross', new Decimal('1000')], ['us.fit', new Decimal('80')], ['net_pay', new Decimal('858')]]), origin: { file: 'r.csv', line: 5 } });
    const fast = new Reconciler(opts(exp));
    const idx = fast.unseenIndex('E1', '2026-01-09');
    expect(idx).toBe(0);
    expect(fast.unseenIndex('E9', '2026-01-09')).toBe(-1);
    fast.matchedExactly(idx, 5, 3, keys, cents, 0);
    expect(fast.unseenIndex('E1', '2026-01-09')).toBe(-1); // seen now
    for (const r of [viaRow, fast]) r.row({ ...withValues(exp[0]!, {}), origin: { file: 'r.csv', line: 9 } });
    const a = viaRow.finish(), b = fast.finish();
    expect(b.accounting).toEqual(a.accounting);
    expect(b.comparisons).toEqual(a.comparisons);
    expect(b.comparisons).toMatchObject({ compared: 3, exact: 3 });
    expect(b.findings).toEqual(a.findings);
    expect(b.findings.map((f) => f.code)).toEqual(['DUPLICATE_IN_REGISTER', 'MISSING_IN_REGISTER']);
    expect(b.findings[0]!.message).toContain('first at line 5');
    const totals = (r: typeof a) => r.totals.map((t) => [t.item, t.register.toFixed(2), t.expected.toFixed(2)]);
    expect(totals(b)).toEqual(totals(a));
  });
});

describe('comparison and tolerance', () => {
  it('counts rounding noise within tolerance, reports beyond it, honours per-item absolute and relative overrides', () => {
    const exp = [slip('E1', '2026-01-09', { 'us.fit': '80.00', gross: '1000.00', regular_pay: '1000.00', net_pay: '858.00' })];
    const reg = withValues(exp[0]!, { 'us.fit': '80.01', 'us.ss.ee': '62.02' });
    let r = reconcile(opts(exp), [reg]);
    expect(r.comparisons).toMatchObject({ withinTolerance: 1, mismatched: 1 });
    expect(r.findings.map((f) => `${f.code} ${f.item} ${f.expected} ${f.actual} ${f.difference}`)).toEqual(['AMOUNT_MISMATCH us.ss.ee 62.00 62.02 0.02']);
    r = reconcile(opts(exp, { tolerance: { default: 0.01, items: { 'us.ss.ee': 0.05 } } }), [reg]);
    expect(r.findings).toEqual([]);
    // Relative: 0.1% of 1000.00 = 1.00.
    const g = withValues(exp[0]!, { gross: '1000.90', regular_pay: '1000.00' });
    expect(reconcile(opts(exp, { tolerance: { default: 0.01, items: { gross: { rel: 0.001 } } } }), [g]).findings.filter((f) => f.item === 'gross')).toEqual([]);
    expect(reconcile(opts(exp, { tolerance: { default: 0.01, items: { gross: { rel: 0.0001 } } } }), [g]).findings.filter((f) => f.item === 'gross')).toHaveLength(1);
  });

  it('compares a column holding several items against the sum of the expected items', () => {
    const exp = [row('E1', '2026-01-09', { 'us.medicare.ee': '290.00', 'us.medicare_addl.ee': '45.00' })];
    const ok = reconcile(opts(exp), [row('E1', '2026-01-09', { 'us.medicare.ee+us.medicare_addl.ee': '335.00' })]);
    expect(ok.findings).toEqual([]);
    const bad = reconcile(opts(exp), [row('E1', '2026-01-09', { 'us.medicare.ee+us.medicare_addl.ee': '290.00' })]);
    expect(bad.findings).toEqual([expect.objectContaining({ code: 'AMOUNT_MISMATCH', item: 'us.medicare.ee+us.medicare_addl.ee', expected: '335.00', actual: '290.00', difference: '-45.00' })]);
    expect(bad.findings[0]!.message).toContain('Medicare (employee) + Additional Medicare (employee): partner withheld 290.00, expected 335.00');
  });

  it('taxable wages differences are WAGES_MISMATCH warnings; amounts are AMOUNT_MISMATCH errors', () => {
    const exp = [row('E1', '2026-01-09', { 'us.fit': '80.00', 'us.fit.wages': '1000.00' })];
    const r = reconcile(opts(exp), [row('E1', '2026-01-09', { 'us.fit': '70.00', 'us.fit.wages': '900.00' })]);
    expect(r.findings.map((f) => `${f.severity} ${f.code} ${f.item}`).sort()).toEqual(['error AMOUNT_MISMATCH us.fit', 'warning WAGES_MISMATCH us.fit.wages']);
    expect(exitStatusFor(r.findings, 'error')).toBe(1);
    expect(exitStatusFor(r.findings.filter((f) => f.severity === 'warning'), 'error')).toBe(0);
    expect(exitStatusFor(r.findings.filter((f) => f.severity === 'warning'), 'warning')).toBe(1);
    expect(exitStatusFor(r.findings, 'never')).toBe(0);
  });

  it('gross and net differences explained by the item differences are counted, not reported twice', () => {
    const exp = [slip('E1', '2026-01-09', { overtime_pay: '150.00', gross: '1150.00', net_pay: '1008.00' })];
    const reg = withValues(exp[0]!, { overtime_pay: '100.00', gross: '1100.00', net_pay: '958.00' });
    const r = reconcile(opts(exp), [reg]);
    expect(r.findings.map((f) => f.item)).toEqual(['overtime_pay']);
    expect(r.comparisons.explained).toBe(2);
    // A net pay that does not follow from the register's own figures is reported.
    const r2 = reconcile(opts(exp), [withValues(reg, { net_pay: '900.00' })]);
    expect(r2.findings.map((f) => f.item).sort()).toEqual(['net_pay', 'overtime_pay']);
  });

  it('carries the rule behind the expected figure, for summed columns too', () => {
    const rules = new Map([['us.ss.ee', 'rules/us/federal-2026.yaml:42 ss.rate (SSA)'], ['us.medicare.ee', 'M'], ['us.medicare_addl.ee', 'A']]);
    const exp = [row('E1', '2026-01-09', { 'us.ss.ee': '62.00', 'us.medicare.ee': '14.50', 'us.medicare_addl.ee': '0.00' }, { rules })];
    const r = reconcile(opts(exp), [row('E1', '2026-01-09', { 'us.ss.ee': '60.00', 'us.medicare.ee+us.medicare_addl.ee': '10.00' })]);
    expect(r.findings.map((f) => f.rule).sort()).toEqual(['M; A', 'rules/us/federal-2026.yaml:42 ss.rate (SSA)']);
    const r2 = reconcile(opts(exp, { ruleFor: (_row, item) => `lookup ${item}` }), [row('E1', '2026-01-09', { 'us.ss.ee': '60.00' })]);
    expect(r2.findings[0]!.rule).toBe('lookup us.ss.ee');
  });

  it('totals per item cover every expected payslip and every register row read', () => {
    const exp = [slip('E1', '2026-01-09'), slip('E2', '2026-01-09')];
    const r = reconcile(opts(exp), [withValues(exp[0]!, {}), withValues(exp[0]!, {}), withValues(exp[0]!, {}, { employee_id: 'E3' })]);
    const gross = r.totals.find((t) => t.item === 'gross')!;
    expect([gross.expected.toFixed(2), gross.register.toFixed(2), gross.difference.toFixed(2)]).toEqual(['2000.00', '3000.00', '1000.00']);
  });

  it('finds items a register feeds that payrecon does not compute', () => {
    expect(unknownItems(['gross', 'us.fitt', 'us.medicare.ee+us.medicare_add.ee'], ['gross', 'us.fit', 'us.medicare.ee'])).toEqual(['us.fitt', 'us.medicare_add.ee']);
  });
});

describe('plain-language hints', () => {
  const msg = (exp: ReturnType<typeof row>, reg: ReturnType<typeof row>, over = {}) => reconcile(opts([exp], over), [reg]).findings.map((f) => f.message);

  it('Social Security withheld above the wage base', () => {
    const exp = row('E1', '2026-03-13', { 'us.ss.ee': '558.00', 'us.ss.ee.wages': '9000.00', 'us.medicare.ee.wages': '10000.00' });
    expect(msg(exp, row('E1', '2026-03-13', { 'us.ss.ee': '620.00' }))).toEqual(['Social Security (employee): partner withheld 620.00, expected 558.00 — the Social Security wage base was not applied?']);
  });

  it('overtime paid at straight time', () => {
    const exp = row('E1', '2026-03-13', { overtime_pay: '147.00' });
    expect(msg(exp, row('E1', '2026-03-13', { overtime_pay: '98.00' }))[0]).toContain('overtime paid at straight time');
    expect(msg(exp, row('E1', '2026-03-13', { overtime_pay: '120.00' }))[0]).not.toContain('—');
  });

  it('401(k) taken out of FICA wages, on the wages and on the tax', () => {
    const exp = row('E1', '2026-03-13', { 'ded.401k': '100.00', 'us.ss.ee': '124.00', 'us.ss.ee.wages': '2000.00' });
    const m = msg(exp, row('E1', '2026-03-13', { 'us.ss.ee': '117.80', 'us.ss.ee.wages': '1900.00' }));
    expect(m).toHaveLength(2);
    for (const x of m) expect(x).toContain('401(k) deferral was taken out of FICA wages');
  });

  it('W-4 Step 2 ignored, sign reversed, and what-if alternatives from the calculation', () => {
    const exp = row('E1', '2026-03-13', { 'us.fit': '250.00' });
    expect(msg(exp, row('E1', '2026-03-13', { 'us.fit': '180.00' }), { employees: [{ employee_id: 'E1', fed_w4: '2020', fed_step2: true }] })[0]).toContain('W-4 Step 2 checkbox');
    expect(msg(exp, row('E1', '2026-03-13', { 'us.fit': '-250.00' }))[0]).toContain('sign is reversed');
    const alternatives = () => [{ value: new Decimal('231.40'), hint: 'prior-year federal tables were used?' }];
    expect(msg(exp, row('E1', '2026-03-13', { 'us.fit': '231.40' }), { alternatives })[0]).toContain('prior-year federal tables were used?');
  });
});

describe('item labels', () => {
  it('names items the way a payroll clerk would', async () => {
    const { itemLabel } = await import('../../src/reconcile/index.js');
    expect(itemLabel('us.ss.ee.wages')).toBe('Social Security (employee) taxable wages');
    expect(itemLabel('us.ca.pit')).toBe('CA income tax');
    expect(itemLabel('us.ca.sdi.ee')).toBe('CA disability insurance (employee)');
    expect(itemLabel('ca.sui.er')).toBe('CA unemployment insurance (employer)');
    expect(itemLabel('bonus')).toBe('Bonus');
  });
});
