import type { CivilDate } from '../dates/index.js';
import type { Employee } from '../model/index.js';
import type { RuleBook } from '../rules/index.js';

/** Per rule book: (work state, resident state, date) → jurisdictions, asked once per payslip. */
const memo = new WeakMap<RuleBook, Map<string, readonly string[]>>();

/**
 * The jurisdictions whose rules apply to an employee on a date: federal (`us`)
 * always, and the work state's (`us.ca`) when a rule file covers it.
 */
export function jurisdictionsFor(book: RuleBook, employee: Employee, date: CivilDate): readonly string[] {
  let byKey = memo.get(book);
  if (!byKey) memo.set(book, (byKey = new Map()));
  const key = `${employee.work_state ?? ''}|${employee.resident_state ?? ''}|${date}`;
  let out = byKey.get(key);
  if (!out) byKey.set(key, (out = find(book, employee, date)));
  return out;
}

function find(book: RuleBook, employee: Employee, date: CivilDate): string[] {
  const out = ['us'];
  const work = employee.work_state?.toLowerCase();
  if (work && book.fileFor(`us.${work}`, date)) out.push(`us.${work}`);
  const resident = employee.resident_state?.toLowerCase();
  if (resident && resident !== work && book.fileFor(`us.${resident}.resident`, date)) out.push(`us.${resident}.resident`);
  return out;
}
