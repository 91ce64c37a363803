import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/money/index.js';
import type { Deposit } from '../../src/model/index.js';
import { auditRemittances, penaltyRate, safeHarborLimit } from '../../src/remit/index.js';
import { book, row, rules } from './helpers.js';

const r = rules.at('2026-01-01');
const dep = (amount: string, paid: string, extra: Partial<Deposit> = {}): Deposit => ({
  agency: 'IRS',
  form: '941',
  tax_period: '2026Q1',
  amount: new Decimal(amount),
  paid_date: paid,
  reference: undefined,
  liability_date: undefined,
  ...extra,
});
// Semiweekly payday Friday January 16, 2026: due Thursday January 22 (MLK Day on Monday January 19).
const audit = (deposits: Deposit[], extra: Partial<Parameters<typeof auditRemittances>[0]> = {}) =>
  auditRemittances({ rows: [row('2026-01-16', '10000.00')], deposits, settings: { deposit_schedule: 'semiweekly' }, book, ...extra });

describe('failure-to-deposit penalty tiers (reference 3.4)', () => {
  it('rates by calendar days late: 0, 1-5 → 2%, 6-15 → 5%, 16+ → 10%', () => {
    expect([0, 1, 5, 6, 15, 16, 400].map((d) => penaltyRate(r.penaltyTiers, d).toString())).toEqual(['0', '0.02', '0.02', '0.05', '0.05', '0.1', '0.1']);
  });
  it.each([
    ['2026-01-22', 0, 'on_time', '0.00'],
    ['2026-01-27', 5, 'late', '200.00'],
    ['2026-01-28', 6, 'late', '500.00'],
    ['2026-02-06', 15, 'late', '500.00'],
    ['2026-02-07', 16, 'late', '1000.00'],
  ])('due Thu 2026-01-22, deposited %s: %i days late, %s, penalty %s on $10,000', (paid, days, status, penalty) => {
    const a = audit([dep('10000.00', paid)]).assessments[0]!;
    expect(a.obligation.due.due).toBe('2026-01-22');
    expect(a.status).toBe(status);
    expect(a.daysLate ?? 0).toBe(days);
    expect(a.penalty.toFixed(2)).toBe(penalty);
  });
  it('15% only when a notice date is given and the amount is still unpaid more than 10 days after it', () => {
    const notice = [{ form: '941', period: '2026Q1', date: '2026-03-02' }];
    expect(audit([dep('10000.00', '2026-03-12')], { notices: notice }).assessments[0]!.penalty.toFixed(2)).toBe('1000.00');
    expect(audit([dep('10000.00', '2026-03-13')], { notices: notice }).assessments[0]!.penalty.toFixed(2)).toBe('1500.00');
    expect(audit([], { notices: notice }).assessments[0]!.penalty.toFixed(2)).toBe('1500.00');
  });
});

describe('accuracy of deposits safe harbor', () => {
  it('the limit is the greater of $100 or 2% of the amount due', () => {
    expect(safeHarborLimit(r.safeHarbor, new Decimal('4000')).toFixed(2)).toBe('100.00');
    expect(safeHarborLimit(r.safeHarbor, new Decimal('10000')).toFixed(2)).toBe('200.00');
  });
  it('a $200 shortfall on $10,000 made up by the makeup date (Wed Feb 18, 2026) is not penalised: info finding only', () => {
    const res = audit([dep('9800.00', '2026-01-22'), dep('200.00', '2026-02-18')]);
    const a = res.assessments[0]!;
    expect(a.safeHarbor?.makeupDate).toBe('2026-02-18');
    expect(a.status).toBe('short_safe_harbor');
    expect(a.penalty.toFixed(2)).toBe('0.00');
    expect(res.findings.map((f) => [f.severity, f.code])).toEqual([['info', 'DEPOSIT_SHORT']]);
    expect(res.summary.onTimeRateByDollars).toBe(1);
  });
  it('the same shortfall made up a day after the makeup date is penalised (27 days late: 10% of $200)', () => {
    const a = audit([dep('9800.00', '2026-01-22'), dep('200.00', '2026-02-19')]).assessments[0]!;
    expect(a.status).toBe('short');
    expect(a.penalty.toFixed(2)).toBe('20.00');
  });
  it('a $200.01 shortfall is beyond the safe harbor even when made up in time (2% of $200.01)', () => {
    const res = audit([dep('9799.99', '2026-01-22'), dep('200.01', '2026-01-23')]);
    expect(res.assessments[0]!.status).toBe('short');
    expect(res.assessments[0]!.penalty.toFixed(2)).toBe('4.00');
    expect(res.findings.map((f) => [f.severity, f.code, f.expected, f.actual, f.difference])).toEqual([['error', 'DEPOSIT_SHORT', '10000.00', '9799.99', '-200.01']]);
  });
});

describe('missing, excess, not yet due', () => {
  it('no deposit at all: DEPOSIT_MISSING at 10%, or by days elapsed when an audit date is given', () => {
    expect(audit([]).findings.map((f) => [f.code, f.details?.['estimated_penalty']])).toEqual([['DEPOSIT_MISSING', '1000.00']]);
    const a = audit([], { asOf: '2026-01-25' }).assessments[0]!;
    expect([a.status, a.daysLate, a.penalty.toFixed(2)]).toEqual(['missing', 3, '200.00']);
    expect(audit([], { asOf: '2026-01-22' }).assessments[0]!.status).toBe('not_due');
  });
  it('more than the quarter owes: DEPOSIT_EXCESS for the rest', () => {
    const res = audit([dep('10250.00', '2026-01-21')]);
    expect(res.findings.map((f) => [f.severity, f.code, f.actual])).toEqual([['warning', 'DEPOSIT_EXCESS', '250.00']]);
    expect(res.summary.deposits.excess).toBe('250.00');
  });
  it('a tax_period it cannot read is an input error with the line', () => {
    expect(() => audit([{ ...dep('1', '2026-01-21', { tax_period: 'first quarter' }), line: 7 } as Deposit & { line: number }])).toThrow(/tax_period/);
  });
  it('deposits to agencies without rules, or for periods the register does not cover, are counted but not audited', () => {
    const res = audit([dep('10000.00', '2026-01-22'), dep('50', '2026-01-22', { agency: 'CA EDD', form: 'DE 88' }), dep('70', '2025-10-15', { tax_period: '2025Q4' })]);
    expect(res.findings).toEqual([]);
    expect(res.summary.deposits).toEqual({ read: 3, audited: 1, notAudited: 2, excess: '0.00' });
  });
});
