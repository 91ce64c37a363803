import { describe, expect, it } from 'vitest';
import { holidaysInYear, calendarDefSchema } from '../../src/calc/calendar/index.js';
import { formDefSchema } from '../../src/remit/index.js';
import { audit, caCal, dep, nyCal, rowsOf, srow, stateBook } from './stateHelpers.js';

// Dates of 2026: Jan 19 (Mon) Martin Luther King Jr. Day; Feb 12 (Thu) Lincoln's Birthday (CA and NY,
// not DC); Feb 16 (Mon) Washington's Birthday; Mar 31 (Tue) Cesar Chavez Day (CA only); Nov 3 (Tue)
// Election Day (NY only). Every deposit below is paid on its due date unless the test says otherwise.

describe('California PIT and SDI (accumulated_tiers, EDD deposit table)', () => {
  it('accumulated PIT under $350 for the quarter: one deposit due with the quarterly DE 9', () => {
    const rows = ['2026-01-16', '2026-02-13', '2026-03-13'].map((d) => srow(d, { 'us.ca.pit': 100, 'us.ca.sdi.ee': 20 }));
    const res = audit(rows, [dep('CA-EDD', 'DE 88', '2026Q1', '360.00', '2026-04-30')]);
    expect(rowsOf(res, 'CA-EDD')).toEqual([['DE9', 'quarterly', '2026-01-16;2026-02-13;2026-03-13', '360.00', '2026-04-30', 'on_time']]);
    expect(res.remittances[0]!.due_rule).toMatch(/stayed under \$350 to the end of 2026Q1/);
    expect(res.findings).toEqual([]);
  });

  it('the fourth quarter under $350 is due January 31, moved to the next business day (Sunday 2027-01-31 → Monday)', () => {
    const res = audit([srow('2026-12-11', { 'us.ca.pit': 100 })], [dep('CA-EDD', 'PIT', '2026Q4', '100.00', '2027-02-01')]);
    expect(rowsOf(res, 'CA-EDD')).toEqual([['DE9', 'quarterly', '2026-12-11', '100.00', '2027-02-01', 'on_time']]);
  });

  it('$350 to $500: the 15th of the following month, rolled over a weekend and a California holiday', () => {
    const res = audit(
      [srow('2026-01-16', { 'us.ca.pit': 400, 'us.ca.sdi.ee': 50 }), srow('2026-03-06', { 'us.ca.pit': 400 })],
      [dep('CA-EDD', 'DE88', '2026Q1', '450.00', '2026-02-17'), dep('CA-EDD', 'DE88', '2026Q1', '400.00', '2026-04-15')],
    );
    expect(rowsOf(res, 'CA-EDD')).toEqual([
      ['DE9', 'monthly', '2026-01-16', '450.00', '2026-02-17', 'on_time'], // Feb 15 is a Sunday, Feb 16 Washington's Birthday
      ['DE9', 'monthly', '2026-03-06', '400.00', '2026-04-15', 'on_time'],
    ]);
    expect(res.remittances.find((r) => r.liability_dates === '2026-01-16')!.due_rule).toMatch(/\$400\.00 is \$350 or more.*2026-02-16 \(Mon\) Washington's Birthday/);
  });

  it('PIT accumulates across paydays until it reaches $350, then everything accumulated is due', () => {
    const res = audit([srow('2026-01-09', { 'us.ca.pit': 200 }), srow('2026-01-23', { 'us.ca.pit': 200 })], []);
    const r = res.assessments.map((a) => [a.obligation.kind, a.obligation.liabilityDates.join(';'), a.obligation.amount.toFixed(2), a.obligation.due.due]);
    // deposits.csv has no CA-EDD row: the agency is listed as not audited (nothing to compare)
    expect(r).toEqual([]);
    const audited = audit([srow('2026-01-09', { 'us.ca.pit': 200 }), srow('2026-01-23', { 'us.ca.pit': 200 })], [dep('CA-EDD', 'DE88', '2026Q1', '400.00', '2026-02-17')]);
    expect(rowsOf(audited, 'CA-EDD')).toEqual([['DE9', 'monthly', '2026-01-09;2026-01-23', '400.00', '2026-02-17', 'on_time']]);
  });

  it('over $500 with a semiweekly federal schedule: the following Wednesday (Wed-Fri payday) or Friday (Sat-Tue payday)', () => {
    const res = audit(
      [srow('2026-01-09', { 'us.ca.pit': 600, 'us.ca.sdi.ee': 60 }), srow('2026-01-20', { 'us.ca.pit': 600, 'us.ca.sdi.ee': 60 })],
      [dep('CA-EDD', 'DE88', '2026Q1', '660.00', '2026-01-14'), dep('CA-EDD', 'DE88', '2026Q1', '660.00', '2026-01-23')],
    );
    expect(rowsOf(res, 'CA-EDD')).toEqual([
      ['DE9', 'semiweekly', '2026-01-09', '660.00', '2026-01-14', 'on_time'], // Fri payday → Wed
      ['DE9', 'semiweekly', '2026-01-20', '660.00', '2026-01-23', 'on_time'], // Tue payday → Fri
    ]);
    expect(res.remittances[0]!.deposit_period).toBe('2026-01-07..2026-01-09');
  });

  it('the semiweekly date counts California business days: Cesar Chavez Day makes it Thursday when the federal date is Wednesday', () => {
    const res = audit([srow('2026-03-27', { 'us.fit': 3000, 'us.ca.pit': 600 })], [dep('IRS', '941', '2026Q1', '3000.00', '2026-04-01'), dep('CA-EDD', 'DE88', '2026Q1', '600.00', '2026-04-01')]);
    expect(rowsOf(res, 'IRS')).toEqual([['941', 'semiweekly', '2026-03-27', '3000.00', '2026-04-01', 'on_time']]);
    expect(rowsOf(res, 'CA-EDD')).toEqual([['DE9', 'semiweekly', '2026-03-27', '600.00', '2026-04-02', 'on_time']]);
    expect(caCal.holidayOn('2026-03-31')?.name).toBe('Cesar Chavez Day');
  });

  it('PIT under $350 on one payday joins the next: over $500 together, both are due on the semiweekly date of the later one', () => {
    const res = audit([srow('2026-01-09', { 'us.ca.pit': 300 }), srow('2026-01-16', { 'us.ca.pit': 300 })], [dep('CA-EDD', 'DE88', '2026Q1', '600.00', '2026-01-22')]);
    // period Jan 14-16; Mon Jan 19 is MLK Day: Tue 20, Wed 21, Thu 22
    expect(rowsOf(res, 'CA-EDD')).toEqual([['DE9', 'semiweekly', '2026-01-09;2026-01-16', '600.00', '2026-01-22', 'on_time']]);
  });

  it('a monthly-tier accumulation that goes over $500 on a later payday is due on that payday\'s semiweekly date', () => {
    const res = audit([srow('2026-01-02', { 'us.ca.pit': 400 }), srow('2026-01-09', { 'us.ca.pit': 200 })], [dep('CA-EDD', 'DE88', '2026Q1', '600.00', '2026-01-14')]);
    expect(rowsOf(res, 'CA-EDD')).toEqual([['DE9', 'semiweekly', '2026-01-02;2026-01-09', '600.00', '2026-01-14', 'on_time']]);
  });

  it('over $500 with a monthly federal schedule: still the 15th of the following month', () => {
    const res = audit([srow('2026-01-09', { 'us.fit': 1000, 'us.ca.pit': 600 })], [dep('CA-EDD', 'DE88', '2026Q1', '600.00', '2026-02-17')], { deposit_schedule: 'monthly' });
    expect(rowsOf(res, 'CA-EDD')).toEqual([['DE9', 'monthly', '2026-01-09', '600.00', '2026-02-17', 'on_time']]);
  });

  it('over $500 on a federal next-day payday ($100,000 rule): the next business day', () => {
    const res = audit([srow('2026-01-09', { 'us.fit': 100000, 'us.ca.pit': 600 })], [dep('CA-EDD', 'DE88', '2026Q1', '600.00', '2026-01-12')]);
    expect(rowsOf(res, 'IRS')[0]).toEqual(['941', 'next_day', '2026-01-09', '100000.00', '2026-01-12', 'missing']);
    expect(rowsOf(res, 'CA-EDD')).toEqual([['DE9', 'next_day', '2026-01-09', '600.00', '2026-01-12', 'on_time']]);
  });

  it('late: a flat 15% of the late amount plus interest (not estimated), the rule cited; never deposited: 15% too', () => {
    const res = audit([srow('2026-01-09', { 'us.ca.pit': 600 }), srow('2026-01-23', { 'us.ca.pit': 600 })], [dep('CA-EDD', 'DE88', '2026Q1', '600.00', '2026-01-15', { liability_date: '2026-01-09' })]);
    const [late, missing] = res.findings;
    expect([late!.code, late!.details!['days_late'], late!.details!['estimated_penalty'], late!.item]).toEqual(['DEPOSIT_LATE', 1, '90.00', 'deposit.DE9']);
    expect(late!.message).toMatch(/CA-EDD PIT and SDI \(DE 88\) deposit of 600\.00 .* 1 day late; estimated penalty 90\.00 \(15%\) plus interest \(not estimated\)/);
    expect(late!.rule).toMatch(/ca-edd-deposits\.yaml:\d+ schedule\.ca_pit .*\| rules\/us\/ca-edd-deposits\.yaml:\d+ penalty .*\| rules\/us\/ca-holidays\.yaml/);
    expect([missing!.code, missing!.details!['estimated_penalty']]).toEqual(['DEPOSIT_MISSING', '90.00']);
    expect(res.summary.notes).toContain('CA-EDD: interest on late payments is charged on top of the penalty and is not estimated');
  });
});

describe('California UI and ETT (with_return)', () => {
  it('each quarter\'s UI is due with the DE 9; UI deposits are matched by their form (UI, ETT)', () => {
    const rows = [srow('2026-01-16', { 'us.ca.sui.er': 200 }), srow('2026-02-13', { 'us.ca.sui.er': 38 }), srow('2026-04-10', { 'us.ca.sui.er': 100 })];
    const res = audit(rows, [dep('CA-EDD', 'UI', '2026Q1', '238.00', '2026-04-30'), dep('edd', 'ett', '2026-06', '100.00', '2026-08-01')]);
    expect(rowsOf(res, 'CA-EDD')).toEqual([
      ['DE9-UI', 'quarterly', '2026-01-16;2026-02-13', '238.00', '2026-04-30', 'on_time'],
      ['DE9-UI', 'quarterly', '2026-04-10', '100.00', '2026-07-31', 'late'],
    ]);
  });
});

describe('New York withholding (after_payroll, NYS-1 / NYS-45)', () => {
  it('5-day filer (the default): 5 New York business days after the payroll reaching $700, across a weekend and across Lincoln\'s Birthday and Washington\'s Birthday', () => {
    const res = audit([srow('2026-01-08', { 'us.ny.pit': 800 }), srow('2026-02-06', { 'us.ny.pit': 800 })], [dep('NY-DTF', 'NYS-1', '2026Q1', '800.00', '2026-01-15'), dep('NY-DTF', 'NYS-1', '2026Q1', '800.00', '2026-02-17')]);
    expect(rowsOf(res, 'NY-DTF')).toEqual([
      ['NYS-45', 'after_payroll', '2026-01-08', '800.00', '2026-01-15', 'on_time'], // Thu → Fri, Mon, Tue, Wed, Thu
      ['NYS-45', 'after_payroll', '2026-02-06', '800.00', '2026-02-17', 'on_time'], // Fri → Mon 9, Tue 10, Wed 11, Fri 13, Tue 17
    ]);
    expect(res.summary.notes).toContain('NY-DTF: 5-day filer assumed (payrecon.yaml has no ny_filer; 5-day is the rule for a new employer)');
  });

  it('3-day filer (ny_filer: 3-day): across a weekend, across two New York holidays, and across Election Day', () => {
    const rows = [srow('2026-02-06', { 'us.ny.pit': 800 }), srow('2026-02-10', { 'us.ny.pit': 800 }), srow('2026-10-30', { 'us.ny.pit': 800 })];
    const deposits = [dep('NY-DTF', 'NYS-1', '2026Q1', '800.00', '2026-02-11'), dep('NY-DTF', 'NYS-1', '2026Q1', '800.00', '2026-02-17'), dep('NY-DTF', 'NYS-1', '2026Q4', '800.00', '2026-11-05')];
    const res = audit(rows, deposits, { deposit_schedule: 'semiweekly', ny_filer: '3-day' });
    expect(rowsOf(res, 'NY-DTF')).toEqual([
      ['NYS-45', 'after_payroll', '2026-02-06', '800.00', '2026-02-11', 'on_time'], // Fri → Mon, Tue, Wed
      ['NYS-45', 'after_payroll', '2026-02-10', '800.00', '2026-02-17', 'on_time'], // Tue → Wed 11, Fri 13, Tue 17
      ['NYS-45', 'after_payroll', '2026-10-30', '800.00', '2026-11-05', 'on_time'], // Fri → Mon 2, Wed 4, Thu 5 (Tue 3 Election Day)
    ]);
    expect(res.summary.notes).toContain('NY-DTF: 3-day filer (ny_filer in payrecon.yaml)');
    expect(nyCal.holidayOn('2026-11-03')?.name).toBe('Election Day');
  });

  it('under $700 for the quarter: due with the NYS-45 (April 30; January 31, 2027 is a Sunday → February 1)', () => {
    const rows = [srow('2026-01-15', { 'us.ny.pit': 300 }), srow('2026-02-13', { 'us.ny.pit': 300 }), srow('2026-12-11', { 'us.ny.pit': 300 })];
    const res = audit(rows, [dep('NY-DTF', 'NYS-45', '2026Q1', '600.00', '2026-04-30'), dep('NY-DTF', 'NYS-45', '2026Q4', '300.00', '2027-02-01')]);
    expect(rowsOf(res, 'NY-DTF')).toEqual([
      ['NYS-45', 'quarterly', '2026-01-15;2026-02-13', '600.00', '2026-04-30', 'on_time'],
      ['NYS-45', 'quarterly', '2026-12-11', '300.00', '2027-02-01', 'on_time'],
    ]);
  });

  it('withholding accumulates across payrolls to $700; several payrolls in one Sunday-Saturday week count from the last', () => {
    const rows = [
      srow('2026-01-09', { 'us.ny.pit': 400 }),
      srow('2026-01-23', { 'us.ny.pit': 400 }), // reaches $700: due 5 business days after Fri Jan 23
      srow('2026-03-02', { 'us.ny.pit': 800 }), // Mon: reaches $700...
      srow('2026-03-05', { 'us.ny.pit': 100 }), // ...Thu of the same week joins it: 5 business days after Thu Mar 5
      srow('2026-03-09', { 'us.ny.pit': 100 }), // next week: starts anew, under $700 at the quarter end
    ];
    const res = audit(rows, [dep('NY-DTF', 'NYS-1', '2026Q1', '800.00', '2026-01-30'), dep('NY-DTF', 'NYS-1', '2026Q1', '900.00', '2026-03-12'), dep('NY-DTF', 'NYS-45', '2026Q1', '100.00', '2026-04-30')]);
    expect(rowsOf(res, 'NY-DTF')).toEqual([
      ['NYS-45', 'after_payroll', '2026-01-09;2026-01-23', '800.00', '2026-01-30', 'on_time'],
      ['NYS-45', 'after_payroll', '2026-03-02;2026-03-05', '900.00', '2026-03-12', 'on_time'],
      ['NYS-45', 'quarterly', '2026-03-09', '100.00', '2026-04-30', 'on_time'],
    ]);
  });

  it('a late NYS-1 deposit: days late reported, no penalty estimate (not sourced), the penalty parameter cited', () => {
    const res = audit([srow('2026-01-08', { 'us.ny.pit': 800 })], [dep('NY-DTF', 'NYS-1', '2026Q1', '800.00', '2026-01-20')]);
    const f = res.findings[0]!;
    expect([f.code, f.item, f.details!['days_late'], f.details!['estimated_penalty'], f.details!['penalty_rate']]).toEqual(['DEPOSIT_LATE', 'deposit.NYS-45', 5, null, null]);
    expect(f.message).toMatch(/800\.00 paid 2026-01-20, 5 days late; no penalty estimate/);
    expect(f.rule).toMatch(/ny-dtf-deposits\.yaml:\d+ schedule\.nys1 .*\| rules\/us\/ny-dtf-deposits\.yaml:\d+ penalty /);
    expect(res.remittances[0]).toMatchObject({ status: 'late', days_late: '5', penalty_rate: '', estimated_penalty: '' });
    expect(res.summary.agencies.find((a) => a.agency === 'NY-DTF')).toMatchObject({ audited: true, penaltyTotal: '0.00', penaltyNotEstimated: expect.stringMatching(/not in the rule data/) });
    expect(res.summary.notes.some((n) => n.startsWith('NY-DTF: no penalty estimate'))).toBe(true);
  });
});

describe('which deposits are audited', () => {
  it('a state whose agency has no row in deposits.csv is not audited (an IRS-only deposits file), and the notes say so', () => {
    const res = audit([srow('2026-01-09', { 'us.fit': 3000, 'us.ca.pit': 600, 'us.ny.pit': 800 })], [dep('IRS', '941', '2026Q1', '3000.00', '2026-01-14')]);
    expect(res.remittances.map((r) => r.agency)).toEqual(['IRS']);
    expect(res.summary.notes).toContain('deposits.csv has no CA-EDD rows, so the CA-EDD liabilities (DE9 600.00) were not audited');
    expect(res.summary.agencies.map((a) => [a.agency, a.audited])).toEqual([['IRS', true], ['CA-EDD', false], ['NY-DTF', false]]);
  });

  it('an unknown form of a known agency is listed as not audited; a deposit beyond the liabilities is a DEPOSIT_EXCESS', () => {
    const res = audit([srow('2026-01-09', { 'us.ca.pit': 600 })], [dep('CA-EDD', 'DE 3', '2026Q1', '5.00', '2026-01-14'), dep('CA-EDD', 'PIT/SDI', '2026Q1', '650.00', '2026-01-14')]);
    expect(res.summary.notes).toContain('1 deposit to CA-EDD DE 3 not audited: no deposit rules for that agency and form');
    const ex = res.findings.find((f) => f.code === 'DEPOSIT_EXCESS')!;
    expect([ex.item, ex.actual]).toEqual(['deposit.DE9', '50.00']);
    expect(ex.message).toMatch(/^CA-EDD PIT and SDI \(DE 88\) deposit of 650\.00/);
    expect(ex.rule).toMatch(/ca-edd-deposits\.yaml:\d+ form_de9/);
  });

  it('--as-of: a state liability due after the audit date is not due; an unpaid one is aged to it', () => {
    const rows = [srow('2026-01-09', { 'us.ca.pit': 600 }), srow('2026-01-23', { 'us.ca.pit': 600 })];
    const res = audit(rows, [dep('CA-EDD', 'DE88', '2026Q1', '600.00', '2026-01-14')], undefined, { asOf: '2026-01-26' });
    expect(res.remittances.map((r) => [r.due_date, r.status])).toEqual([['2026-01-14', 'on_time'], ['2026-01-28', 'not_due']]);
    const later = audit(rows, [dep('CA-EDD', 'DE88', '2026Q1', '600.00', '2026-01-14')], undefined, { asOf: '2026-02-02' });
    expect(later.remittances[1]).toMatchObject({ status: 'missing', days_late: '5', estimated_penalty: '90.00' });
  });
});

describe('state rule shapes and calendars', () => {
  it('a form whose deposit rules need a schedule must name it', () => {
    const base = { agency: 'X', items: ['us.x.pit'], return_period: 'quarter', return_due: { months_after: 1, day: 'last' }, safe_harbor: false };
    expect(formDefSchema.safeParse({ ...base, deposit_rules: 'after_payroll' }).success).toBe(false);
    expect(formDefSchema.safeParse({ ...base, deposit_rules: 'after_payroll', schedule: 'schedule.x' }).success).toBe(true);
    expect(formDefSchema.safeParse({ ...base, deposit_rules: 'with_return' }).success).toBe(true);
  });

  it('weekday_after: New York Election Day is the Tuesday after the first Monday in November', () => {
    const def = calendarDefSchema.parse({ holidays: [{ name: 'Election Day', rule: { type: 'weekday_after', month: 11, weekday: 'tuesday', after: { weekday: 'monday', n: 1 } } }] });
    // 2026: Nov 1 is a Sunday, so Tue Nov 3; 2022: Nov 1 is a Tuesday, the first Monday is Nov 7, so Nov 8 (never Nov 1)
    expect([2022, 2024, 2025, 2026, 2027].map((y) => holidaysInYear(def, y)[0]!.date)).toEqual(['2022-11-08', '2024-11-05', '2025-11-04', '2026-11-03', '2027-11-02']);
    expect(caCal.holidayOn('2026-11-27')?.name).toBe('Day after Thanksgiving');
  });

  it('New York moves only a Sunday holiday (July 4, 2026 is a Saturday: Friday July 3 stays a business day); California moves a Saturday Veterans Day to Friday', () => {
    expect(nyCal.isBusinessDay('2026-07-03')).toBe(true);
    expect(nyCal.holidayOn('2027-07-05')?.name).toBe('Independence Day'); // Sunday July 4, 2027
    expect(caCal.holidayOn('2026-07-03')).toBeUndefined();
    // November 11, 2028 is a Saturday (past the file's coverage: the rules themselves are evaluated)
    const caDef = calendarDefSchema.parse(stateBook.param('us.ca.holidays', 'legal_holidays', '2026-01-01').value);
    expect(holidaysInYear(caDef, 2028).find((h) => h.name === 'Veterans Day')).toEqual({ date: '2028-11-10', name: 'Veterans Day', nominal: '2028-11-11' });
  });
});
