/**
 * The byte scanner (src/io/csvScan.ts) against csv-parse, which it stands in
 * for: every record it delivers is csv-parse's record (fields and line), and
 * the records it skips (another worker's rows) are counted as csv-parse counts
 * them, so a hand-over to csv-parse (Fallback) resumes at the right record.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { Fallback, fieldText, recordFields, scanCsv } from '../../src/io/csvScan.js';

const dir = mkdtempSync(join(tmpdir(), 'payrecon-scan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Cells of every awkward kind: plain, empty, blank, quoted with commas, doubled quotes and line breaks, stray quotes and carriage returns. */
const cell = fc.oneof(
  { arbitrary: fc.constantFrom('E1', 'E2', 'E3', 'E10', '2026-01-09', '8.00', '', ' ', 'x y'), weight: 8 },
  { arbitrary: fc.constantFrom('"a,b"', '"say ""hi"""', '""', '"E2"', '"1,234.56"', '" "'), weight: 2 },
  { arbitrary: fc.constantFrom('"line\nbreak"', 'ab"c', '"a"b', 'a\rb'), weight: 1 },
);
const record = fc.array(cell, { minLength: 1, maxLength: 5 }).map((cells) => cells.join(','));
const file = fc.record({
  lines: fc.array(fc.oneof({ arbitrary: record, weight: 9 }, { arbitrary: fc.constant(''), weight: 1 }), { minLength: 1, maxLength: 40 }),
  crlf: fc.boolean(),
  bom: fc.boolean(),
  field: fc.integer({ min: 0, max: 2 }),
  chunk: fc.constantFrom(16, 64, 1 << 16),
});

describe('scanCsv', () => {
  it('delivers exactly the records csv-parse reads, skipping the ones the caller passes over, with the same count', () => {
    let n = 0;
    fc.assert(
      fc.property(file, ({ lines, crlf, bom, field, chunk }) => {
        const text = (bom ? '\ufeff' : '') + lines.join(crlf ? '\r\n' : '\n') + (crlf ? '\r\n' : '\n');
        const path = join(dir, `f${n++}.csv`);
        writeFileSync(path, text);
        const skipped = (cells: readonly string[]) => ['E2', 'E3', 'a,b'].includes((cells[field] ?? '').trim());
        let want: Array<{ record: string[]; info: { lines: number } }>;
        try {
          want = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, info: true, trim: false });
        } catch {
          return; // not CSV csv-parse reads: nothing to compare with
        }
        for (const skipping of [false, true]) {
          const got: Array<[number, string[]]> = [];
          let records: number;
          try {
            records = scanCsv(path, (r) => got.push([r.line, recordFields(r)]), {
              chunkSize: chunk,
              ...(skipping ? { skip: { field, test: (r) => skipped([...Array(field + 1).keys()].map((i) => fieldText(r, i))) } } : {}),
            }).records;
          } catch (e) {
            if (!(e instanceof Fallback)) throw e;
            records = e.records; // csv-parse goes on from here
          }
          // Every record up to `records` is csv-parse's, in order: delivered unless skipped (and a skipped one is one the caller skips).
          const upTo = want.slice(0, records);
          const delivered = upTo.filter((w) => !(skipping && w.record.length > field + 1 && skipped(w.record)) || got.some(([l]) => l === w.info.lines));
          expect(got.length).toBeLessThanOrEqual(records);
          expect(got).toEqual(delivered.map((w) => [w.info.lines, w.record]));
          for (const w of upTo) if (!got.some(([l]) => l === w.info.lines)) expect(skipping && skipped(w.record)).toBe(true);
        }
      }),
      { numRuns: 1500, seed: 51 },
    );
  });

  it('passes over the plain lines of the rows it skips, quoted fields included (a line break inside quotes or a stray carriage return: split as usual)', () => {
    const scan = (name: string, text: string) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      const seen: number[] = [];
      const kept: boolean[] = [];
      let tested = 0;
      let records = -1;
      try {
        scanCsv(path, (x) => (seen.push(x.line), kept.push(x.kept)), { skip: { field: 0, test: (x) => (tested++, fieldText(x, 0) === 'E2') } });
      } catch (e) {
        if (!(e instanceof Fallback)) throw e;
        records = e.records;
      }
      return { seen, kept, tested, records };
    };
    // E2 on lines 3, 4 and 5 is skipped (its quoted fields whole on the line); line 6 (text after a closing
    // quote) is not asked about: split as usual, it hands over to csv-parse there.
    expect(scan('plain1.csv', 'id,a,b\nE1,1,2\nE2,3,4\nE2,"5,5",6\nE2,"say ""hi""",""\nE2,"5"x,6\nE1,7,8\n')).toEqual({ seen: [1, 2], kept: [true, true], tested: 5, records: 5 });
    // A line break inside quotes: split as usual (not asked about), handed over there.
    expect(scan('plain2.csv', 'id,a,b\nE2,"5",6\nE1,7,8\nE2,"multi\nline",9\n')).toEqual({ seen: [1, 3], kept: [true, true], tested: 3, records: 3 });
    // A quote inside an unquoted field, even one that looks closed: split as usual, handed over there.
    expect(scan('plain4.csv', 'id,a,b\nE2,"5",6\nE2,a"b",6\nE1,7,8\n')).toEqual({ seen: [1], kept: [true], tested: 2, records: 2 });
    // A stray carriage return: split as usual, handed over there.
    expect(scan('plain3.csv', 'id,a,b\nE2,"5",6\nE1,7,8\nE2,9\r,x\n')).toEqual({ seen: [1, 3], kept: [true, true], tested: 3, records: 3 });
  });

  it('a lone carriage return as the last byte of the file hands over to csv-parse (found in review: a stale byte after it was read as a line feed)', () => {
    for (const [text, chunk] of [['0\r\n\t\r', 1 << 16], ['id,k\r\nE1,x\r\nE2,y\r', 16], ['\r\n\r', 1 << 16], ['a\r', 1 << 16]] as const) {
      const path = join(dir, `cr${text.length}-${chunk}.csv`);
      writeFileSync(path, text);
      const want = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, info: true, trim: false }) as Array<{ record: string[]; info: { lines: number } }>;
      const got: Array<[number, string[]]> = [];
      let records: number;
      try {
        records = scanCsv(path, (r) => got.push([r.line, recordFields(r)]), { chunkSize: chunk }).records;
      } catch (e) {
        if (!(e instanceof Fallback)) throw e;
        records = e.records;
      }
      // what the scanner delivered is csv-parse's, and the record with the lone CR is left to csv-parse
      expect(got).toEqual(want.slice(0, records).map((w) => [w.info.lines, w.record]));
      expect(records).toBeLessThan(want.length);
    }
  });
});
