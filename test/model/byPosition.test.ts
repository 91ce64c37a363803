import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByPosition } from '../../src/model/index.js';

describe('ByPosition', () => {
  it('gives what find gives for every key, asking find only when a position held another key', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 5 }), { maxLength: 30 }), (rows) => {
        let asked = 0;
        const p = new ByPosition((k) => (asked++, `found ${k}`));
        let misses = 0;
        const last: string[] = [];
        for (const row of rows) {
          row.forEach((k, i) => {
            if (last[i] !== k) misses++;
            last[i] = k;
            expect(p.get(k, i)).toBe(`found ${k}`);
          });
        }
        expect(asked).toBe(misses);
        p.clear();
        if (rows[0]?.[0] !== undefined) {
          p.get(rows[0][0], 0);
          expect(asked).toBe(misses + 1);
        }
      }),
      { numRuns: 500, seed: 3 },
    );
  });
});
