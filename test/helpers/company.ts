import { addDays, daysInMonth, makeDate, type CivilDate } from '../../src/dates/index.js';
import { settingsSchema, type Company, type Deduction, type Earning, type Employee, type PayFrequency, type PayPeriod, type Settings, type TimeEntry, type YtdBalance, timeSheetOf } from '../../src/model/index.js';
import { Decimal } from '../../src/money/index.js';
import { employee } from './taxInput.js';

/** An in-memory company (what loadCompany returns) for calc tests. */
export function company(parts: {
  employees: Array<Record<string, string>>;
  calendar: PayPeriod[];
  time?: TimeEntry[];
  earnings?: Array<{ employee_id: string; pay_date: CivilDate; code: string; amount: number | string }>;
  deductions?: Deduction[];
  ytd?: Array<{ employee_id: string; as_of: CivilDate; item: string; amount: number | string }>;
  settings?: Partial<Settings>;
}): Company {
  const group = <T extends { employee_id: string }>(xs: T[]) => {
    const m = new Map<string, T[]>();
    for (const x of xs) m.set(x.employee_id, [...(m.get(x.employee_id) ?? []), x]);
    return m;
  };
  const employees = new Map<string, Employee[]>();
  parts.employees.forEach((fields, i) => {
    const e = { ...employee(fields), line: i + 2 };
    employees.set(e.employee_id, [...(employees.get(e.employee_id) ?? []), e]);
  });
  const time = new Map([...group(parts.time ?? [])].map(([id, entries]) => [id, timeSheetOf(entries)]));
  const earnings = group((parts.earnings ?? []).map((e): Earning => ({ ...e, code: e.code.toLowerCase(), amount: new Decimal(e.amount) })));
  const ytd = group((parts.ytd ?? []).map((y, i): YtdBalance & { line: number } => ({ ...y, amount: new Decimal(y.amount), line: i + 2 })));
  const calendar = [...parts.calendar].sort((a, b) => a.pay_date.localeCompare(b.pay_date) || a.pay_frequency.localeCompare(b.pay_frequency));
  return {
    dir: '(memory)',
    settings: settingsSchema.parse(parts.settings ?? {}),
    employees,
    calendar,
    time,
    earnings,
    deductions: group(parts.deductions ?? []),
    ytd,
    rowsRead: {},
  };
}

/**
 * A full calendar year of pay periods for one frequency: weekly and biweekly
 * Sunday-to-Saturday periods paid the following Friday (52 / 26 pay dates in
 * `year` when the first Friday is early enough), semimonthly 1st-15th and
 * 16th-end paid on the last day, monthly paid on the last day.
 */
export function yearCalendar(frequency: PayFrequency, year: number): PayPeriod[] {
  const out: PayPeriod[] = [];
  if (frequency === 'weekly' || frequency === 'biweekly') {
    const step = frequency === 'weekly' ? 7 : 14;
    // first Friday of the year
    let pay = makeDate(year, 1, 1);
    while (new Date(`${pay}T00:00:00Z`).getUTCDay() !== 5) pay = addDays(pay, 1);
    for (; pay.startsWith(String(year)); pay = addDays(pay, step)) {
      const end = addDays(pay, -6);
      out.push({ pay_frequency: frequency, period_start: addDays(end, -(step - 1)), period_end: end, pay_date: pay });
    }
  } else {
    for (let m = 1; m <= 12; m++) {
      const last = makeDate(year, m, daysInMonth(year, m));
      if (frequency === 'semimonthly') {
        out.push({ pay_frequency: frequency, period_start: makeDate(year, m, 1), period_end: makeDate(year, m, 15), pay_date: makeDate(year, m, 15) });
        out.push({ pay_frequency: frequency, period_start: makeDate(year, m, 16), period_end: last, pay_date: last });
      } else {
        out.push({ pay_frequency: frequency, period_start: makeDate(year, m, 1), period_end: last, pay_date: last });
      }
    }
  }
  return out;
}

export function entry(employee_id: string, date: CivilDate, hours: number | string, opts: { code?: 'reg' | 'pto' | 'hol' | 'sick'; rate?: number | string } = {}): TimeEntry {
  return { employee_id, date, hours: new Decimal(hours), code: opts.code, rate: opts.rate === undefined ? undefined : new Decimal(opts.rate) };
}
