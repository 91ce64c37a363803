import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { TimeIndex, readTimeSheets } from '../../src/io/loadTime.js';
import type { TimeSheet } from '../../src/model/index.js';

const dir = mkdtempSync(join(tmpdir(), 'payrecon-loadtime-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const IDS = ['E1', 'E2', 'E3', 'E4', 'E5', 'E6'];
const show = (m: Map<string, TimeSheet>) =>
  [...m].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([id, s]) => [id, s.all().map((e) => `${e.date} ${e.hours.toString()} ${e.code ?? '-'} ${e.rate?.toString() ?? '-'}`)]);

const row = fc.record({
  id: fc.constantFrom(...IDS),
  day: fc.integer({ min: 1, max: 28 }),
  hours: fc.constantFrom('8', '7.5', '0.25', '12'),
  code: fc.constantFrom('', 'REG', 'pto', 'Sick'),
  rate: fc.constantFrom('', '20', '31.125'),
  quoted: fc.boolean(),
});

describe('TimeIndex', () => {
  it('reads the sheets of any set of employees as readTimeSheets reads them, whatever the order of the rows, line ends and quoting', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 60 }), fc.boolean(), fc.boolean(), fc.subarray(IDS), fc.subarray(IDS), async (rows, grouped, crlf, mine, block) => {
        const list = grouped ? [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) : rows;
        const nl = crlf ? '\r\n' : '\n';
        const cell = (t: string, q: boolean) => (q ? `"${t}"` : t);
        const text = ['employee_id,date,hours,code,rate', ...list.map((r) => [cell(r.id, r.quoted), `2026-02-${String(r.day).padStart(2, '0')}`, r.hours, r.code, r.rate].join(','))].join(nl) + (rows.length % 2 ? nl : '');
        const file = join(dir, `time-${n++}.csv`);
        writeFileSync(file, text);
        const keep = (id: string) => mine.includes(id);
        const index = TimeIndex.build(file, keep, () => true);
        expect(index).toBeDefined();
        const whole = await readTimeSheets(file, { keep });
        expect(index!.rows).toBe(whole.rows);
        const want = new Map([...whole.time].filter(([id]) => block.includes(id)));
        const got = await index!.sheets(block.filter(keep));
        expect(got.problems).toEqual([]);
        expect(show(got.time)).toEqual(show(want));
      }),
      { numRuns: 300, seed: 17 },
    );
  });

  it('is not made where the whole reader must decide: an unknown employee, a missing column, a record the byte scanner does not read', () => {
    const file = join(dir, 'odd.csv');
    writeFileSync(file, 'employee_id,date,hours\nE1,2026-02-02,8\nX9,2026-02-02,8\n');
    expect(TimeIndex.build(file, () => true, (id) => id !== 'X9')).toBeUndefined();
    expect(TimeIndex.build(file, (id) => id === 'E1', (id) => id !== 'X9')).toBeDefined(); // (X9's row is another worker's)
    writeFileSync(file, 'employee_id,date\nE1,2026-02-02\n');
    expect(TimeIndex.build(file, () => true, () => true)).toBeUndefined();
    writeFileSync(file, 'employee_id,date,hours\nE1,2026-02-02,"8\n"\n');
    expect(TimeIndex.build(file, () => true, () => true)).toBeUndefined();
    expect(TimeIndex.build(join(dir, 'none.csv'), () => true, () => true)).toBeUndefined();
  });

  it('reports a bad row of a block with its file line, as the whole reader does', async () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'employee_id,date,hours\nE1,2026-02-02,8\nE2,2026-02-30,8\nE2,2026-02-03,25\n');
    const index = TimeIndex.build(file, () => true, () => true)!;
    const whole = await readTimeSheets(file, {});
    const got = await index.sheets(['E2']);
    expect(got.problems.map((p) => [p.line, p.column])).toEqual([
      [3, 'date'],
      [4, 'hours'],
    ]);
    expect(got.problems).toEqual(whole.problems);
  });
});
