import type { CivilDate } from '../../dates/index.js';
import { firstOnOrAfter, type TimeEntry } from '../../model/index.js';

/** Entries (sorted by date) whose date lies in [from, to], by binary search. */
export function entriesBetween(sorted: readonly TimeEntry[], from: CivilDate, to: CivilDate): TimeEntry[] {
  const out: TimeEntry[] = [];
  for (let i = firstOnOrAfter(sorted.length, (j) => sorted[j]!.date, from); i < sorted.length && sorted[i]!.date <= to; i++) out.push(sorted[i]!);
  return out;
}
