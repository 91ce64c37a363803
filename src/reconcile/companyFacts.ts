import { boundAt } from '../calc/boundRules.js';
import { describeOvertimeRule, describeTaxRule } from '../calc/describeRule.js';
import type { CivilDate } from '../dates/index.js';
import type { Company, Employee } from '../model/index.js';
import type { EmployeeFacts, ExpectedRow } from './types.js';
import type { RuleBook } from '../rules/index.js';

/** What the reconciliation needs from the company and the rule book, shared by `payrecon reconcile` and the worker threads. */

const factsOfVersions = new WeakMap<readonly Employee[], EmployeeFacts[]>();

/** What reconciliation needs of each employee; versions in effective_from order, so the latest wins. Made once per employee. */
export function employeeFacts(company: Company, ids?: Iterable<string>): EmployeeFacts[] {
  const out: EmployeeFacts[] = [];
  const list = ids ? [...ids].map((id) => company.employees.get(id)).filter((v) => v !== undefined) : company.employees.values();
  for (const versions of list) {
    let facts = factsOfVersions.get(versions);
    if (!facts) factsOfVersions.set(versions, (facts = versionFacts(versions)));
    for (const f of facts) out.push(f);
  }
  return out;
}

function versionFacts(versions: readonly Employee[]): EmployeeFacts[] {
  return versions.map((v) => ({
    employee_id: v.employee_id,
    ...(v.name ? { name: v.name } : {}),
    ...(v.termination_date ? { termination_date: v.termination_date } : {}),
    effective_from: v.effective_from ?? v.hire_date,
    ...(v.fed_w4 ? { fed_w4: v.fed_w4 } : {}),
    ...(v.fed_step2 !== undefined ? { fed_step2: v.fed_step2 } : {}),
  }));
}

/** The pay period of an employee's pay date, from pay_calendar.csv and the employee's latest pay frequency. */
export function periodLookup(company: Company) {
  const byKey = new Map<string, { start: CivilDate; end: CivilDate }>();
  for (const p of company.calendar) byKey.set(`${p.pay_frequency}|${p.pay_date}`, { start: p.period_start, end: p.period_end });
  return (id: string, payDate: CivilDate) => {
    const freq = company.employees.get(id)?.at(-1)?.pay_frequency;
    return freq ? byKey.get(`${freq}|${payDate}`) : undefined;
  };
}

/**
 * The rule behind each expected item, resolved once per pay date: tax
 * components (and their `.wages`) from the bound rule files, overtime pay from
 * the overtime rule. Items computed from input data alone have no rule.
 */
export function ruleLookup(book: RuleBook) {
  const byDate = new Map<string, Map<string, string>>();
  return (row: ExpectedRow, item: string): string | undefined => {
    let m = byDate.get(row.pay_date);
    if (!m) {
      m = new Map();
      for (const j of book.jurisdictions()) {
        if (!book.fileFor(j, row.pay_date)) continue;
        const b = boundAt(book, j, row.pay_date);
        for (const t of b.taxes) m.set(t.id, describeTaxRule(t));
        if (b.overtime) {
          const text = describeOvertimeRule(b.overtime);
          for (const k of ['overtime_pay', 'overtime_hours', 'doubletime_pay', 'doubletime_hours']) if (!m.has(k)) m.set(k, text);
        }
      }
      byDate.set(row.pay_date, m);
    }
    return m.get(item.endsWith('.wages') ? item.slice(0, -'.wages'.length) : item);
  };
}
