import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvRecords } from '../../../src/io/register/csvRecords.js';
import { csvLine } from '../../../src/io/writeCsv.js';

function split(chunks: string[], delimiter = ','): Array<[number, string[]]> {
  const out: Array<[number, string[]]> = [];
  const p = new CsvRecords(delimiter, (r, l) => out.push([l, r]));
  for (const c of chunks) p.push(c);
  p.end();
  return out;
}

describe('CsvRecords', () => {
  it('reads quotes, escaped quotes, line breaks in fields, CRLF, a BOM and skips empty lines, with start lines', () => {
    expect(split(['\uFEFFa,b\r\n1,"x, ""y"""\n\n"multi\r\nline",\r\nlast,""'])).toEqual([
      [1, ['a', 'b']],
      [2, ['1', 'x, "y"']],
      [4, ['multi\r\nline', '']],
      [6, ['last', '']],
    ]);
    expect(split(['a;b\n1;2'], ';')).toEqual([[1, ['a', 'b']], [2, ['1', '2']]]);
  });

  it('gives the same records however the text is cut into chunks, and round-trips our own CSV writer', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '1', ',', '"', '\n', '\r', ' ', 'é'), maxLength: 6 });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), fc.array(fc.nat(), { maxLength: 4 }), (rows, cuts) => {
        const text = rows.map((r) => csvLine(r, false)).join('');
        const whole = split([text]);
        expect(whole.map(([, r]) => r)).toEqual(rows);
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const chunks: string[] = [];
        let prev = 0;
        for (const p of points) chunks.push(text.slice(prev, p)), (prev = p);
        chunks.push(text.slice(prev));
        expect(split(chunks)).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });
});
