import type { CivilDate } from '../../dates/index.js';
import type { LoadedRuleFile } from '../load.js';
import type { Component } from '../schema.js';

/**
 * The dates on which a component's inputs change inside the file's coverage:
 * the coverage start, and each distinct `from` of the values of every
 * parameter it uses (its params, and `wage_bases` when it names wages).
 * Checking the component on each of them checks every combination in force.
 */
export function effectiveDates(file: LoadedRuleFile, c: Component): CivilDate[] {
  const { from: covFrom, to: covTo } = file.rules.coverage;
  const names = new Set<string>();
  for (const ref of Object.values(c.params)) if (typeof ref === 'string') names.add(ref);
  if (c.wages !== undefined) names.add('wage_bases');
  const dates = new Set<CivilDate>([covFrom]);
  for (const n of names) {
    for (const v of file.rules.parameters[n]?.values ?? []) {
      if (v.from > covFrom && v.from <= covTo) dates.add(v.from);
    }
  }
  return [...dates].sort();
}
