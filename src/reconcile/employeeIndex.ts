import type { EmployeeFacts } from './types.js';

/** Employees by id; when employees.csv holds several versions of one, the latest (by effective_from) wins. */
export function indexEmployees(employees: Iterable<EmployeeFacts>): Map<string, EmployeeFacts> {
  const out = new Map<string, EmployeeFacts>();
  for (const e of employees) {
    const prev = out.get(e.employee_id);
    if (!prev || (e.effective_from ?? '') >= (prev.effective_from ?? '')) out.set(e.employee_id, e);
  }
  return out;
}

export function who(id: string, e: EmployeeFacts | undefined): string {
  return e?.name ? `employee ${id} (${e.name})` : `employee ${id}`;
}
