import type { CivilDate } from '../dates/index.js';
import type { Company } from '../model/index.js';
import type { Decimal } from '../money/index.js';
import { employeeVersionOn } from './pay/employeeVersion.js';

export interface UnpaidTime {
  employee_id: string;
  date: CivilDate;
  hours: Decimal;
  reason: string;
}

/** Time entries no payslip pays: outside every pay period of the employee's frequency, or outside employment. */
export function findUnpaidTime(company: Company): UnpaidTime[] {
  const out: UnpaidTime[] = [];
  const byFreq = new Map<string, { start: CivilDate; end: CivilDate; pay: CivilDate }[]>();
  for (const p of company.calendar) {
    const l = byFreq.get(p.pay_frequency) ?? [];
    l.push({ start: p.period_start, end: p.period_end, pay: p.pay_date });
    byFreq.set(p.pay_frequency, l);
  }
  for (const [id, sheet] of company.time) {
    const versions = company.employees.get(id);
    if (!versions) continue;
    for (const e of sheet.all()) {
      const v = employeeVersionOn(versions, e.date);
      const period = (byFreq.get(v.pay_frequency) ?? []).find((p) => p.start <= e.date && e.date <= p.end);
      if (!period) out.push({ employee_id: id, date: e.date, hours: e.hours, reason: `no ${v.pay_frequency} pay period in pay_calendar.csv contains this date` });
      else if (e.date < v.hire_date) out.push({ employee_id: id, date: e.date, hours: e.hours, reason: `before the hire date ${v.hire_date}` });
      else if (v.termination_date && e.date > v.termination_date) out.push({ employee_id: id, date: e.date, hours: e.hours, reason: `after the termination date ${v.termination_date}` });
    }
  }
  return out;
}

export interface UnusedYtd {
  employee_id: string;
  line: number;
  item: string;
  as_of: CivilDate;
}

/**
 * Opening balances no payslip will read: a balance counts for the employee's
 * pay dates after `as_of` in the same calendar year, so one dated in a year
 * with no later pay date of the employee's frequency is reported, not dropped.
 */
export function findUnusedYtd(company: Company): UnusedYtd[] {
  const out: UnusedYtd[] = [];
  for (const [id, rows] of company.ytd) {
    const versions = company.employees.get(id);
    if (!versions) continue;
    for (const r of rows) {
      const year = r.as_of.slice(0, 4);
      const used = company.calendar.some((p) => p.pay_date > r.as_of && p.pay_date.slice(0, 4) === year && employeeVersionOn(versions, p.pay_date).pay_frequency === p.pay_frequency);
      if (!used) out.push({ employee_id: id, line: r.line, item: r.item, as_of: r.as_of });
    }
  }
  return out;
}
