import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalLayout, loadProfile, type RegisterLayout } from '../../../src/io/register/index.js';
import { RegisterRecords, cellsAt } from '../../../src/io/register/registerRecords.js';
import { centsOf } from '../../../src/money/index.js';

const FIX = join(import.meta.dirname, '../../../fixtures/profiles');

/** What a conversion gives, in comparable form (amounts as decimal.js's valueOf, which shows the sign of zero). */
function plain(x: ReturnType<RegisterRecords['convert']>): unknown {
  if ('reject' in x) return { reject: x.reject };
  const { values, ...rest } = x.row;
  return { row: rest, values: [...values].map(([k, v]) => [k, v.valueOf()]) };
}

function cellText(kind: 'date' | 'amount' | 'id', layout: RegisterLayout) {
  const us = layout.dateFormat === 'MM/dd/yyyy';
  const date = fc.oneof(
    { weight: 12, arbitrary: fc.tuple(fc.integer({ min: 2025, max: 2026 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 })).map(([y, m, d]) =>
      us ? `${String(m).padStart(2, '0')}/${String(d).padStart(2, '0')}/${y}` : `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
    ) },
    { weight: 1, arbitrary: fc.constantFrom('', ' ', '2026-13-01', '01/05/2026', 'x') },
  );
  const amount = fc.oneof(
    { weight: 30, arbitrary: fc.tuple(fc.integer({ min: -99_999_999, max: 99_999_999 }), fc.boolean()).map(([c, group]) => {
      const neg = c < 0;
      const a = Math.abs(c);
      let whole = String(Math.floor(a / 100));
      if (group && layout.number.thousands) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, layout.number.thousands);
      return `${neg ? '-' : ''}${whole}${layout.number.decimal}${String(a % 100).padStart(2, '0')}`;
    }) },
    { weight: 3, arbitrary: fc.constantFrom('', '0.00', '-0.00', '(12.50)', '12.50-', '+3', '1,23.00', '12O.00', '.5', '5.', ' 7.25 ', '1\u00a0234.00', '１２', '1e3', '12345678901234567.5') },
    { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  );
  const id = fc.oneof({ weight: 8, arbitrary: fc.constantFrom('E001', 'E002', ' E003 ', 'Ëmile', 'a"b') }, { weight: 1, arbitrary: fc.oneof(fc.constant(''), fc.string({ maxLength: 5 })) });
  return kind === 'date' ? date : kind === 'amount' ? amount : id;
}

/** A CSV field: quoted when it has to be (or at random), doubled quotes inside. */
const field = (t: string, quote: boolean) => (quote || /[",]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t);

/** A layout's header, its RegisterRecords, and records for it: cells near the edges of what it takes, quoted at random, now and then a field short or over. */
function setup(name: string, layout: RegisterLayout) {
  const header =
    name === 'canonical'
      ? ['employee_id', 'pay_date', 'period_start', 'period_end', 'gross', 'us.fit', 'net_pay']
      : ['File #', 'Check Date', 'Period Begin', 'Period End', 'Reg Hours', 'Gross Pay', 'Federal Income Tax', 'Medicare', '401(k)', 'Net Pay', 'O/T Hours', 'Regular Earnings', 'O/T Earnings', 'Social Security', 'State Income Tax', 'SDI', 'Taxable Fed', 'Taxable OASDI', 'Taxable Medicare'];
  const kinds = header.map((h, i) => (i === 0 ? 'id' : i < 4 ? 'date' : 'amount') as 'id' | 'date' | 'amount');
  const recs = new RegisterRecords(layout, header, 'register.csv');
  const record = fc
    .tuple(
      fc.tuple(...kinds.map((k) => cellText(k, layout))),
      fc.array(fc.boolean(), { minLength: header.length, maxLength: header.length }),
      fc.oneof({ weight: 10, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.constantFrom(-1, 1) }),
    )
    .map(([cells, quotes, extra]) => {
      const cs = extra < 0 ? cells.slice(0, -1) : extra > 0 ? [...cells, '9'] : cells;
      return cs.map((c, i) => field(c, quotes[i] ?? false)).join(',');
    });
  return { header, recs, record };
}

describe('RegisterRecords.convertBytes', () => {
  for (const [name, layout] of [['canonical', canonicalLayout()], ['US provider profile', loadProfile(join(FIX, 'us-provider.yaml'))]] as const) {
    it(`gives exactly what convert(cellsAt(…)) gives, for any record (${name})`, () => {
      const { recs, record } = setup(name, layout);
      let rows = 0;
      fc.assert(
        fc.property(record, fc.integer({ min: 0, max: 5 }), (line, pad) => {
          const buf = Buffer.from(`${'x'.repeat(pad)}${line}\n`);
          const s = pad, e = pad + Buffer.byteLength(line);
          const got = recs.convertBytes(buf, s, e, 7, 0x2c);
          if ('row' in got) rows++;
          expect(plain(got)).toEqual(plain(recs.convert(cellsAt(buf, s, e, 0x2c), 7)));
        }),
        { numRuns: 4000, seed: 21 },
      );
      expect(rows).toBeGreaterThan(200); // usable rows, not only rejections, went through the fast path
    });

    it(`centsRow takes only records convertBytes reads as a row, with the same key and values in cents (${name})`, () => {
      const { header, recs, record } = setup(name, layout);
      const keys = recs.bound.columns.map((c) => c.key);
      let taken = 0;
      fc.assert(
        fc.property(record, fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 3 }), (line, pad, at) => {
          const buf = Buffer.from(`${'x'.repeat(pad)}${line}\n`);
          const s = pad, e = pad + Buffer.byteLength(line);
          const out = new Float64Array(at + keys.length).fill(7);
          const k = recs.centsRow(buf, s, e, 0x2c, out, at);
          if (!k) return;
          taken++;
          const got = recs.convertBytes(buf, s, e, 3, 0x2c);
          if (!('row' in got)) throw new Error(`centsRow took a record convertBytes rejects: ${line}`);
          expect(k).toEqual({ employee_id: got.row.employee_id, pay_date: got.row.pay_date });
          keys.forEach((key, j) => {
            const v = got.row.values.get(key);
            if (v === undefined) expect(out[at + j]).toBeNaN();
            else expect(out[at + j]).toBe(centsOf(v));
          });
        }),
        { numRuns: 6000, seed: 22 },
      );
      expect(taken).toBeGreaterThan(100);
      // Amounts that are not whole cents, or not in the plain shape, are left to convertBytes.
      const plainRow = (amount: string) => Buffer.from(['E1', name === 'canonical' ? '2026-01-09' : '01/09/2026', '', '', ...header.slice(4).map(() => amount)].join(','));
      const b = plainRow('12.345');
      expect(recs.centsRow(b, 0, b.length, 0x2c, new Float64Array(keys.length), 0)).toBeUndefined();
      const c = plainRow('(12.34)');
      expect(recs.centsRow(c, 0, c.length, 0x2c, new Float64Array(keys.length), 0)).toBeUndefined();
      const d = plainRow('12.30');
      expect(recs.centsRow(d, 0, d.length, 0x2c, new Float64Array(keys.length), 0)).toEqual({ employee_id: 'E1', pay_date: '2026-01-09' });
    });
  }
});
