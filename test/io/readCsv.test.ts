import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsv } from '../../src/io/readCsv.js';

const dir = mkdtempSync(join(tmpdir(), 'payrecon-readcsv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readCsv', () => {
  it.runIf(existsSync('/proc/self/fd'))('closes the file when csv-parse fails part-way (found in review: a descriptor left open per failed read)', async () => {
    const file = join(dir, 'bad.csv');
    // Plain rows (the scanner reads them), then a quote that is never closed: csv-parse takes over and fails.
    writeFileSync(file, 'a,b\n' + '1,2\n'.repeat(50_000) + '3,"4\n5,6\n');
    const schema = z.object({ a: z.string(), b: z.string() });
    const open = () => readdirSync('/proc/self/fd').length;
    const before = open();
    for (let i = 0; i < 10; i++) {
      const r = await readCsv(file, { schema, required: ['a', 'b'], onRow: () => undefined });
      expect(r.problems.some((p) => p.message.startsWith('cannot read as CSV'))).toBe(true);
    }
    await new Promise((resolve) => setTimeout(resolve, 50)); // (a destroyed stream closes its descriptor on the next turn)
    expect(open()).toBeLessThanOrEqual(before + 1);
  });
});
