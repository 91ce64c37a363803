import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/money/index.js';
import type { Deposit } from '../../src/model/index.js';
import { auditRemittances, chooseSchedule, liabilitiesByPayDate, makeupDate, planForm941, type ScheduleChoice } from '../../src/remit/index.js';
import { book, dc, row, rules } from './helpers.js';

const monthly: ScheduleChoice = { schedule: 'monthly', basis: 'deposit_schedule', reason: 'test' };
const semiweekly: ScheduleChoice = { schedule: 'semiweekly', basis: 'deposit_schedule', reason: 'test' };
const plan = (rows: ReturnType<typeof row>[], choice: ScheduleChoice) =>
  planForm941(
    liabilitiesByPayDate(rows, (d) => rules.at(d).forms['941'].items),
    choice,
    rules,
    dc,
  );
const brief = (p: ReturnType<typeof plan>) => p.obligations.map((o) => [o.kind, o.liabilityDates.join(','), o.amount.toFixed(2), o.due.due]);

function deposit(amount: string, paid: string, period: string, extra: Partial<Deposit> = {}): Deposit {
  return { agency: 'IRS', form: '941', tax_period: period, amount: new Decimal(amount), paid_date: paid, reference: undefined, liability_date: undefined, ...extra };
}

describe('Publication 15 (2025) section 11 examples', () => {
  it('$95,000 on Tuesday and $10,000 on Wednesday: no next-day deposit; due Friday and the following Wednesday', () => {
    const p = plan([row('2025-06-03', 95000), row('2025-06-04', 10000)], semiweekly);
    expect(brief(p)).toEqual([
      ['semiweekly', '2025-06-03', '95000.00', '2025-06-06'],
      ['semiweekly', '2025-06-04', '10000.00', '2025-06-11'],
    ]);
  });

  it('Fir Co.: $110,000 on Monday is due Tuesday; the $30,000 of Tuesday starts anew and is due Friday', () => {
    const p = plan([row('2025-06-09', 110000), row('2025-06-10', 30000)], semiweekly);
    expect(brief(p)).toEqual([
      ['next_day', '2025-06-09', '110000.00', '2025-06-10'],
      ['semiweekly', '2025-06-10', '30000.00', '2025-06-13'],
    ]);
  });

  it('Elm, Inc.: a new (monthly) employer reaching $100,000 on Friday May 9 deposits by Monday May 12 and is semiweekly from May 10 through 2026', () => {
    const choice = chooseSchedule({}, rules.at('2025-05-07').lookbackThreshold);
    expect(choice.schedule).toBe('monthly');
    const p = plan([row('2025-05-07', 40000), row('2025-05-09', 60000), row('2025-05-16', 20000), row('2026-03-06', 1000), row('2026-03-13', 3000)], choice);
    expect(brief(p)).toEqual([
      ['next_day', '2025-05-07,2025-05-09', '100000.00', '2025-05-12'],
      ['semiweekly', '2025-05-16', '20000.00', '2025-05-21'],
      ['semiweekly', '2026-03-06', '1000.00', '2026-03-11'],
      ['semiweekly', '2026-03-13', '3000.00', '2026-03-18'],
    ]);
    expect(p.switches).toEqual([{ from: '2025-05-10', until: '2026-12-31', trigger: '2025-05-09' }]);
  });

  it('a semiweekly period spanning two quarters (Sat March 29 and Tue April 1, 2025) needs two deposits, both due Friday April 4', () => {
    const p = plan([row('2025-03-29', 8000), row('2025-04-01', 9000)], semiweekly);
    expect(p.obligations.map((o) => [o.returnPeriod, o.amount.toFixed(2), o.due.due])).toEqual([
      ['2025Q1', '8000.00', '2025-04-04'],
      ['2025Q2', '9000.00', '2025-04-04'],
    ]);
  });

  it('Cedar, Inc.: $2,000 deposited on the later due date pays the most recent liability ($1,500) first; $500 of the earlier $1,000 stays undeposited', () => {
    // The example's $1,000 and $1,500 monthly liabilities, placed in one quarter (April and May 2025: due May 15 and June 16).
    const res = auditRemittances({
      rows: [row('2025-04-25', 1000), row('2025-05-30', 1500)],
      deposits: [deposit('2000', '2025-06-16', '2025Q2')],
      settings: { deposit_schedule: 'monthly' },
      book,
    });
    const [april, may] = res.assessments;
    expect(may!.obligation.due.due).toBe('2025-06-16');
    expect(may!.paidOnTime.toFixed(2)).toBe('1500.00');
    expect(may!.status).toBe('on_time');
    expect(april!.obligation.due.due).toBe('2025-05-15');
    expect(april!.paid.toFixed(2)).toBe('500.00');
    expect(april!.unpaid.toFixed(2)).toBe('500.00');
    expect(april!.status).toBe('late');
    // $500 paid 32 days late (10%) and $500 never deposited (10%): $100.
    expect(april!.penalty.toFixed(2)).toBe('100.00');
    expect(res.findings.map((f) => f.code)).toEqual(['DEPOSIT_LATE']);
  });

  it('a deposit designated to a pay date (liability_date) pays that liability first', () => {
    const res = auditRemittances({
      rows: [row('2025-04-25', 1000), row('2025-05-30', 1500)],
      deposits: [deposit('1000', '2025-06-16', '2025Q2', { liability_date: '2025-04-25' }), deposit('1500', '2025-06-16', '2025Q2')],
      settings: { deposit_schedule: 'monthly' },
      book,
    });
    expect(res.assessments.map((a) => [a.paid.toFixed(2), a.status])).toEqual([
      ['1000.00', 'late'],
      ['1500.00', 'on_time'],
    ]);
  });

  it('shortfall makeup dates: a July 2025 shortfall by Friday August 15; the October 1, 2025 shortfall by the return due date October 31', () => {
    const sh = rules.at('2025-07-01').safeHarbor;
    expect(makeupDate(dc, '2025-07-16', 'semiweekly', '2025-10-31', sh)).toBe('2025-08-15');
    const p = plan([row('2025-09-26', 5000)], semiweekly);
    expect(p.obligations[0]!.due.due).toBe('2025-10-01');
    expect(p.obligations[0]!.returnDue).toBe('2025-10-31');
    expect(makeupDate(dc, '2025-10-01', 'semiweekly', p.obligations[0]!.returnDue, sh)).toBe('2025-10-31');
    expect(makeupDate(dc, '2025-10-01', 'semiweekly', '2026-01-31', sh)).toBe('2025-11-19');
    expect(makeupDate(dc, '2025-10-01', 'monthly', '2025-10-31', sh)).toBe('2025-10-31');
  });

  it('lookback: more than $50,000 is semiweekly, exactly $50,000 monthly; a stated deposit_schedule wins and the conflict is reported', () => {
    const t = rules.at('2026-01-01').lookbackThreshold;
    expect(chooseSchedule({ lookback_total: 50000.01 }, t).schedule).toBe('semiweekly');
    expect(chooseSchedule({ lookback_total: 50000 }, t).schedule).toBe('monthly');
    const c = chooseSchedule({ lookback_total: 51000, deposit_schedule: 'monthly' }, t);
    expect(c.schedule).toBe('monthly');
    expect(c.conflict).toMatch(/semiweekly/);
  });

  it('$2,500 de minimis: a quarter under $2,500 may be paid with the return; not when a $100,000 day occurred', () => {
    const small = plan([row('2026-01-09', 800), row('2026-02-13', 800), row('2026-03-13', 800)], monthly);
    expect(brief(small)).toEqual([['de_minimis', '2026-01-09,2026-02-13,2026-03-13', '2400.00', '2026-04-30']]);
    const atLimit = plan([row('2026-01-09', 1250), row('2026-02-13', 1250)], monthly);
    expect(atLimit.obligations.map((o) => o.kind)).toEqual(['monthly', 'monthly']);
    // The prior quarter under $2,500 allows the next quarter to be paid with its return too.
    const prior = plan([row('2026-03-13', 2000), row('2026-04-10', 9000)], monthly);
    expect(brief(prior)).toEqual([
      ['de_minimis', '2026-03-13', '2000.00', '2026-04-30'],
      ['de_minimis', '2026-04-10', '9000.00', '2026-07-31'],
    ]);
  });
});
