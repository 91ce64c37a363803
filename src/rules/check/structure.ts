import type { LoadedRuleFile } from '../load.js';
import type { CheckProblem } from './problems.js';
import { isPlainObject } from './numbers.js';

/**
 * References inside a file that need no calculation method to check:
 * component ids unique and prefixed by the jurisdiction, every parameter a
 * component names exists, its `wages` key exists in every `wage_bases` value,
 * and every example names a component of the file, on a date the file covers.
 */
export function checkStructure(file: LoadedRuleFile): CheckProblem[] {
  const out: CheckProblem[] = [];
  const r = file.rules;
  const err = (path: (string | number)[], message: string) =>
    out.push({ file: file.path, line: file.lineOf(path), severity: 'error', check: 'references', message });

  const seen = new Map<string, number>();
  r.components.forEach((c, ci) => {
    const line = file.lineOf(['components', ci, 'id']);
    const first = seen.get(c.id);
    if (first !== undefined) err(['components', ci, 'id'], `component ${c.id} is defined twice (first at line ${first})`);
    else seen.set(c.id, line);
    if (!c.id.startsWith(`${r.jurisdiction}.`)) err(['components', ci, 'id'], `component id ${c.id} does not start with the file's jurisdiction "${r.jurisdiction}."`);

    for (const [k, ref] of Object.entries(c.params)) {
      if (typeof ref === 'string' && !(ref in r.parameters)) {
        err(['components', ci, 'params', k], `component ${c.id}: parameter ${k} refers to "${ref}", which is not a parameter of this file`);
      }
    }
    if (c.wages !== undefined) {
      const wb = r.parameters['wage_bases'];
      if (!wb) err(['components', ci, 'wages'], `component ${c.id}: wages "${c.wages}" needs a wage_bases parameter, and this file has none`);
      else
        wb.values.forEach((v, vi) => {
          if (!isPlainObject(v.value) || !(c.wages! in v.value)) {
            err(['components', ci, 'wages'], `component ${c.id}: wage_bases has no entry "${c.wages}" in its value ${v.from}..${v.to} (line ${file.lineOf(['parameters', 'wage_bases', 'values', vi, 'value'])})`);
          }
        });
    }
  });

  r.examples.forEach((ex, ei) => {
    if (!r.components.some((c) => c.id === ex.component)) err(['examples', ei, 'component'], `example "${ex.name}": no component ${ex.component} in this file`);
    if (ex.date < r.coverage.from || ex.date > r.coverage.to) err(['examples', ei, 'date'], `example "${ex.name}": date ${ex.date} is outside the file's coverage ${r.coverage.from}..${r.coverage.to}`);
    for (const k of Object.keys(ex.tolerance ?? {})) {
      if (!(k in ex.output)) err(['examples', ei, 'tolerance', k], `example "${ex.name}": tolerance for ${k}, which is not one of its outputs`);
    }
  });
  return out;
}
