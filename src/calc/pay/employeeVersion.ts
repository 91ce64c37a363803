import type { CivilDate } from '../../dates/index.js';
import type { Employee } from '../../model/index.js';

/**
 * The version of an employee's master data in force on a date: the last row
 * whose effective_from (or hire date) is on or before it; the first row when
 * none is. `versions` are sorted by effective date.
 */
export function employeeVersionOn(versions: readonly Employee[], date: CivilDate): Employee {
  let pick = versions[0]!;
  if (versions.length === 1) return pick; // (most employees: one row, in force on every date)
  for (const v of versions) if ((v.effective_from ?? v.hire_date) <= date) pick = v;
  return pick;
}
