/**
 * The place of `key` in a table of distinct values kept with its index
 * (key → place): found, or `value` added at the end when the key is new.
 */
export function placeIn<T>(table: T[], index: Map<string, number>, key: string, value: T): number {
  let i = index.get(key);
  if (i === undefined) {
    i = table.length;
    table.push(value);
    index.set(key, i);
  }
  return i;
}
