import type { CivilDate } from '../dates/index.js';
import type { Employee } from '../model/index.js';
import type { RuleBook } from '../rules/index.js';

/** Per rule book: date → (work state, resident state) → jurisdictions, asked once per payslip. */
const memo = new WeakMap<RuleBook, Map<CivilDate, Map<string, readonly string[]>>>();
/** Per employee version: its states as one key, made once (not a string per payslip). */
const statesKey = new WeakMap<Employee, string>();

/**
 * The jurisdictions whose rules apply to an employee on a date: federal (`us`)
 * always, and the work state's (`us.ca`) when a rule file covers it.
 */
export function jurisdictionsFor(book: RuleBook, employee: Employee, date: CivilDate): readonly string[] {
  let byDate = memo.get(book);
  if (!byDate) memo.set(book, (byDate = new Map()));
  let byKey = byDate.get(date);
  if (!byKey) byDate.set(date, (byKey = new Map()));
  let key = statesKey.get(employee);
  if (key === undefined) statesKey.set(employee, (key = `${employee.work_state ?? ''}|${employee.resident_state ?? ''}`));
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
