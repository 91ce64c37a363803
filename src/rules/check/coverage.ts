import { addDays } from '../../dates/index.js';
import type { LoadedRuleFile } from '../load.js';
import type { CheckProblem } from './problems.js';

/**
 * Dated values of one parameter: each starts on or before it ends, no two
 * overlap, and together they cover the file's `coverage` without a gap.
 * (That every value has a source and explicit `from`/`to` the schema enforces.)
 */
export function checkCoverage(file: LoadedRuleFile): CheckProblem[] {
  const out: CheckProblem[] = [];
  const { from: covFrom, to: covTo } = file.rules.coverage;
  const at = (line: number, message: string): CheckProblem => ({ file: file.path, line, severity: 'error', check: 'coverage', message });

  if (covFrom > covTo) out.push(at(file.lineOf(['coverage', 'to']), `coverage ends (${covTo}) before it starts (${covFrom})`));

  for (const [name, param] of Object.entries(file.rules.parameters)) {
    const line = (i: number, key: 'from' | 'to') => file.lineOf(['parameters', name, 'values', i, key]);
    const values = param.values.map((v, i) => ({ v, i }));
    for (const { v, i } of values) {
      if (v.from > v.to) out.push(at(line(i, 'to'), `${name}: value ends (${v.to}) before it starts (${v.from})`));
    }
    const sorted = values.filter(({ v }) => v.from <= v.to).sort((a, b) => (a.v.from < b.v.from ? -1 : a.v.from > b.v.from ? 1 : a.i - b.i));
    if (sorted.length === 0) continue;

    const first = sorted[0]!;
    if (first.v.from > covFrom) {
      out.push(at(line(first.i, 'from'), `${name}: no value from ${covFrom} to ${addDays(first.v.from, -1)} (a gap at the start of the file's coverage)`));
    }
    let reach = first; // the value reaching furthest so far
    for (const cur of sorted.slice(1)) {
      if (cur.v.from <= reach.v.to) {
        out.push(
          at(
            line(cur.i, 'from'),
            `${name}: value ${cur.v.from}..${cur.v.to} overlaps the value ${reach.v.from}..${reach.v.to} at line ${line(reach.i, 'from')}`,
          ),
        );
      } else if (cur.v.from > addDays(reach.v.to, 1)) {
        const gapFrom = addDays(reach.v.to, 1), gapTo = addDays(cur.v.from, -1);
        if (gapFrom <= covTo && gapTo >= covFrom) {
          out.push(at(line(cur.i, 'from'), `${name}: no value from ${gapFrom} to ${gapTo} (a gap inside the file's coverage ${covFrom}..${covTo})`));
        }
      }
      if (cur.v.to > reach.v.to) reach = cur;
    }
    if (reach.v.to < covTo) {
      out.push(at(line(reach.i, 'to'), `${name}: no value from ${addDays(reach.v.to, 1)} to ${covTo} (a gap at the end of the file's coverage)`));
    }
  }
  return out;
}
