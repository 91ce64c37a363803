/**
 * A look-up by key that remembers, for each position in a row, the key last
 * seen there and what it found. Rows of one source (a register layout, the
 * payslips of one computation) list their keys in the same order, so most
 * look-ups are one comparison of the same string instead of a hash look-up.
 */
export class ByPosition<T> {
  private readonly keys: string[] = [];
  private readonly found: T[] = [];

  /** `find` is called only when position `pos` last held another key. */
  constructor(private readonly find: (key: string) => T) {}

  get(key: string, pos: number): T {
    if (this.keys[pos] === key) return this.found[pos]!;
    const v = this.find(key);
    this.keys[pos] = key;
    this.found[pos] = v;
    return v;
  }

  /** Forget every position (what `find` gives has changed). */
  clear(): void {
    this.keys.length = 0;
    this.found.length = 0;
  }
}
