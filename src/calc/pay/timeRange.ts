import type { CivilDate } from '../../dates/index.js';
import type { TimeEntry } from '../../model/index.js';

/** Entries (sorted by date) whose date lies in [from, to], by binary search. */
export function entriesBetween(sorted: readonly TimeEntry[], from: CivilDate, to: CivilDate): TimeEntry[] {
  let lo = 0, hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.date < from) lo = mid + 1;
    else hi = mid;
  }
  const out: TimeEntry[] = [];
  for (let i = lo; i < sorted.length && sorted[i]!.date <= to; i++) out.push(sorted[i]!);
  return out;
}
