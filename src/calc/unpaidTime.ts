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
  for (const [id, entries] of company.time) {
    const versions = company.employees.get(id);
    if (!versions) continue;
    for (const e of entries) {
      const v = employeeVersionOn(versions, e.date);
      const period = (byFreq.get(v.pay_frequency) ?? []).find((p) => p.start <= e.date && e.date <= p.end);
      if (!period) out.push({ employee_id: id, date: e.date, hours: e.hours, reason: `no ${v.pay_frequency} pay period in pay_calendar.csv contains this date` });
      else if (e.date < v.hire_date) out.push({ employee_id: id, date: e.date, hours: e.hours, reason: `before the hire date ${v.hire_date}` });
      else if (v.termination_date && e.date > v.termination_date) out.push({ employee_id: id, date: e.date, hours: e.hours, reason: `after the termination date ${v.termination_date}` });
    }
  }
  return out;
}
