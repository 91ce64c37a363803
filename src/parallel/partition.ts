/** Employee ids compared as computePayslips orders them. */
export const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Split sorted employee ids into `parts` contiguous ranges of equal size. A
 * range is owned by one worker; any id, known or not, falls in exactly one
 * range, so per-date output concatenated in range order is in id order.
 */
export function boundaries(sortedIds: readonly string[], parts: number): string[] {
  const b: string[] = [];
  for (let k = 1; k < parts; k++) {
    const i = Math.floor((sortedIds.length * k) / parts);
    if (i > 0 && i < sortedIds.length) b.push(sortedIds[i]!);
  }
  return [...new Set(b)];
}

/** Which range an id falls in: the number of boundaries at or below it. */
export function ownerOf(bounds: readonly string[], id: string): number {
  let lo = 0, hi = bounds.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (bounds[mid]! <= id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Position of `id` in sorted ids (where it is, or would be). */
export function lowerBound(sorted: readonly string[], id: string): number {
  let lo = 0, hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
