import { computeCompany } from '../calc/computeCompany.js';
import { addMonths } from '../dates/index.js';
import type { Company, Employee } from '../model/index.js';
import { RuleBook, type LoadedRuleFile } from '../rules/index.js';
import type { Alternative, ExpectedRow } from './types.js';

/** A rule file moved forward one year: last year's figures, as if they were in force on this year's dates. */
function shiftedYear(f: LoadedRuleFile): LoadedRuleFile {
  const y = (d: string) => addMonths(d, 12);
  const rules = structuredClone(f.rules);
  rules.coverage = { from: y(rules.coverage.from), to: y(rules.coverage.to) };
  for (const p of Object.values(rules.parameters)) for (const v of p.values) Object.assign(v, { from: y(v.from), to: y(v.to) });
  return { ...f, rules };
}

/** The rule book with every file replaced by its predecessor of the year before, where there is one. */
function priorYearBook(book: RuleBook): RuleBook | undefined {
  let replaced = 0;
  const files = book.files.map((f) => {
    const prev = book.files.find((g) => g !== f && g.rules.jurisdiction === f.rules.jurisdiction && g.rules.coverage.to < f.rules.coverage.from && addMonths(g.rules.coverage.from, 12) === f.rules.coverage.from);
    if (!prev) return f;
    replaced++;
    return shiftedYear(prev);
  });
  return replaced ? new RuleBook(files) : undefined;
}

/**
 * What-if figures for federal income tax, for the hints on a mismatch: the
 * employee's payslips re-computed with last year's federal tables, and (for a
 * 2020+ W-4 with Step 2 ticked) with the Step 2 checkbox ignored. When the
 * partner's figure matches one, the finding says which. Computed only for
 * employees with a mismatch, at most `maxEmployees` of them (each costs one
 * re-computation of the employee's year).
 */
export function fitWhatIfs(company: Company, book: RuleBook, maxEmployees = 500): (row: ExpectedRow, item: string) => Alternative[] {
  const cache = new Map<string, Map<string, Alternative[]>>();
  let prior: RuleBook | undefined | null = null;
  const fitsOf = (c: Company, b: RuleBook, id: string): Map<string, ExpectedRow> => {
    const m = new Map<string, ExpectedRow>();
    for (const r of computeCompany(c, b, { employee: id }).rows) m.set(r.pay_date, r);
    return m;
  };
  return (row, item) => {
    if (item !== 'us.fit') return [];
    let byDate = cache.get(row.employee_id);
    if (!byDate) {
      byDate = new Map();
      if (cache.size >= maxEmployees) return [];
      cache.set(row.employee_id, byDate);
      const add = (rows: Map<string, ExpectedRow>, hint: string) => {
        for (const [date, r] of rows) {
          const v = r.values.get('us.fit');
          if (v === undefined) continue;
          const list = byDate!.get(date) ?? [];
          list.push({ value: v, hint });
          byDate!.set(date, list);
        }
      };
      try {
        if (prior === null) prior = priorYearBook(book);
        if (prior) add(fitsOf(company, prior, row.employee_id), 'prior-year federal withholding tables were used?');
      } catch {
        // A prior-year file that cannot stand in for this year gives no hint.
      }
      const versions = company.employees.get(row.employee_id);
      if (versions?.some((v) => v.fed_w4 === '2020' && v.fed_step2 === true)) {
        try {
          const employees = new Map(company.employees);
          employees.set(row.employee_id, versions.map((v): Employee => ({ ...v, fed_step2: false })));
          add(fitsOf({ ...company, employees }, book, row.employee_id), 'the W-4 Step 2 checkbox (multiple jobs) was ignored?');
        } catch {
          // no hint
        }
      }
    }
    return byDate.get(row.pay_date) ?? [];
  };
}
