import { describe, expect, it } from 'vitest';
import {
  allDepositsTimelyDate,
  monthlyDueDate,
  returnDueDate,
  semiweeklyDueDate,
  applyDayRule,
  rolledDueDate,
  quarterEnd,
} from '../../src/remit/index.js';
import { dc, rules } from './helpers.js';

const r = rules.at('2026-01-01');

// Reference notes section 3.3, semiweekly table: payday, period end, deposit due.
const SEMIWEEKLY_2026: [string, string, string][] = [
  ['2026-01-02', '2026-01-02', '2026-01-07'],
  ['2026-01-16', '2026-01-16', '2026-01-22'],
  ['2026-02-13', '2026-02-13', '2026-02-19'],
  ['2026-04-10', '2026-04-10', '2026-04-15'],
  ['2026-04-14', '2026-04-14', '2026-04-20'],
  ['2026-05-22', '2026-05-22', '2026-05-28'],
  ['2026-06-19', '2026-06-19', '2026-06-24'],
  ['2026-07-02', '2026-07-03', '2026-07-08'],
  ['2026-11-24', '2026-11-24', '2026-11-30'],
  ['2026-12-24', '2026-12-25', '2026-12-30'],
  ['2026-12-31', '2027-01-01', '2027-01-06'],
];

// Section 3.3, monthly table: liability month → actual due date (all twelve months).
const MONTHLY_2026: [string, string][] = [
  ['2026-01', '2026-02-17'],
  ['2026-02', '2026-03-16'],
  ['2026-03', '2026-04-15'],
  ['2026-04', '2026-05-15'],
  ['2026-05', '2026-06-15'],
  ['2026-06', '2026-07-15'],
  ['2026-07', '2026-08-17'],
  ['2026-08', '2026-09-15'],
  ['2026-09', '2026-10-15'],
  ['2026-10', '2026-11-16'],
  ['2026-11', '2026-12-15'],
  ['2026-12', '2027-01-15'],
];

describe('2026 semiweekly due dates (reference 3.3)', () => {
  it.each(SEMIWEEKLY_2026)('payday %s: period ends %s, deposit due %s', (payday, end, due) => {
    const d = semiweeklyDueDate(dc, payday, r.semiweekly);
    expect(d.periodEnd).toBe(end);
    expect(d.due).toBe(due);
  });
  it('explains a holiday among the three business days (MLK Day)', () => {
    expect(semiweeklyDueDate(dc, '2026-01-16', r.semiweekly).why).toMatch(/2026-01-19 \(Mon\) Birthday of Martin Luther King, Jr\./);
  });
});

describe('2026 monthly due dates (reference 3.3)', () => {
  it.each(MONTHLY_2026)('liabilities of %s are due %s', (month, due) => {
    expect(monthlyDueDate(dc, `${month}-10`, r.monthly).due).toBe(due);
  });
  it('January: Sunday Feb 15 and Washington’s Birthday Monday Feb 16 push it to Tuesday Feb 17', () => {
    const d = monthlyDueDate(dc, '2026-01-30', r.monthly);
    expect(d.nominal).toBe('2026-02-15');
    expect(d.why).toMatch(/Washington's Birthday/);
  });
});

describe('Form 941 and 940 due dates (reference 3.5)', () => {
  const f941 = r.forms['941'];
  const f940 = r.forms['940'];
  it.each([
    ['2025-12-31', '2026-02-02', '2026-02-10'],
    ['2026-03-31', '2026-04-30', '2026-05-11'],
    ['2026-06-30', '2026-07-31', '2026-08-10'],
    ['2026-09-30', '2026-11-02', '2026-11-10'],
    ['2026-12-31', '2027-02-01', '2027-02-10'],
  ])('quarter ending %s: Form 941 due %s, %s when all deposits were timely', (qEnd, due, timely) => {
    expect(returnDueDate(dc, qEnd, f941, '941').due).toBe(due);
    expect(allDepositsTimelyDate(dc, qEnd, f941, '941')?.due).toBe(timely);
  });
  it('Form 940 for 2025 is due Monday February 2, 2026, for 2026 Monday February 1, 2027', () => {
    expect(returnDueDate(dc, '2025-12-31', f940, '940').due).toBe('2026-02-02');
    expect(returnDueDate(dc, '2026-12-31', f940, '940').due).toBe('2027-02-01');
  });
  it.each([
    ['2026-02-10', '2026-04-30'],
    ['2026-05-10', '2026-07-31'],
    ['2026-08-10', '2026-11-02'],
    ['2026-11-10', '2027-02-01'],
  ])('FUTA deposit for the quarter holding %s is due %s', (d, due) => {
    expect(rolledDueDate(dc, applyDayRule(quarterEnd(d), r.futa.due), 'futa').due).toBe(due);
  });
});
