import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalLayout, readRegister } from '../../src/io/register/index.js';
import type { RegisterRow } from '../../src/model/index.js';
import { Decimal } from '../../src/money/index.js';
import { Reconciler, type ExpectedRow, type RejectedRow } from '../../src/reconcile/index.js';
import { writeExpectedCsv } from '../../src/report/expectedCsv.js';
import { formatSummary } from '../../src/report/summary.js';
import { TOL } from './helpers.js';

const KEYS = ['employee_id', 'pay_date', 'period_start', 'period_end'];
const ITEMS = ['regular_hours', 'overtime_hours', 'regular_pay', 'overtime_pay', 'gross', 'bonus', 'ded.401k', 'us.fit', 'us.ss.ee', 'us.medicare.ee', 'us.medicare_addl.ee', 'us.ss.er', 'net_pay', 'us.fit.wages', 'us.ss.ee.wages'];
const COLUMNS = [...KEYS, ...ITEMS];
const DATES = ['2026-01-09', '2026-01-16', '2026-01-23', '2026-02-13', '2026-12-31'];

const cents = fc.integer({ min: -5_000_000_00, max: 5_000_000_00 }).map((c) => new Decimal(c).div(100));
const hours = fc.integer({ min: 0, max: 200_0000 }).map((h) => new Decimal(h).div(10000));
const id = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_,"-]{0,6}$/);

const values = fc.record(
  Object.fromEntries(ITEMS.map((k) => [k, fc.option(k.endsWith('_hours') ? hours : cents, { nil: undefined, freq: 5 })])) as Record<string, fc.Arbitrary<Decimal | undefined>>,
).map((o) => new Map(Object.entries(o).filter((e): e is [string, Decimal] => e[1] !== undefined)));

const expectedRows = fc
  .uniqueArray(fc.record({ employee_id: id, pay_date: fc.constantFrom(...DATES), period: fc.boolean(), values }), {
    selector: (r) => `${r.employee_id}|${r.pay_date}`,
    maxLength: 25,
  })
  .map((rs) =>
    rs.map((r): ExpectedRow => ({ employee_id: r.employee_id, pay_date: r.pay_date, ...(r.period ? { period_start: '2026-01-01', period_end: '2026-01-07' } : {}), values: r.values })),
  );

describe('round trip', () => {
  it('expected.csv read back as the canonical register gives zero findings, for any expected register', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'payrecon-rt-'));
    let n = 0;
    await fc.assert(
      fc.asyncProperty(expectedRows, async (expected) => {
        const file = join(dir, `r${n++}.csv`);
        await writeExpectedCsv(file, COLUMNS, expected);
        const rec = new Reconciler({ expected, employees: expected.map((e) => ({ employee_id: e.employee_id })), tolerance: TOL });
        const res = await readRegister(file, canonicalLayout(), { row: (r) => rec.row(r), reject: (r) => rec.reject(r) });
        const out = rec.finish();
        expect(out.findings).toEqual([]);
        expect(res.rows).toBe(expected.length);
        expect(out.accounting.register.matched).toBe(expected.length);
        for (const t of out.totals) expect(t.difference.isZero()).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

type Op =
  | { kind: 'copy'; i: number; delta: number }
  | { kind: 'other-date'; i: number }
  | { kind: 'unknown'; i: number }
  | { kind: 'repeat'; j: number }
  | { kind: 'reject'; i: number; keyed: boolean }
  | { kind: 'late'; i: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('copy' as const), i: fc.nat(), delta: fc.integer({ min: -3, max: 3 }) }),
  fc.record({ kind: fc.constant('other-date' as const), i: fc.nat() }),
  fc.record({ kind: fc.constant('unknown' as const), i: fc.nat() }),
  fc.record({ kind: fc.constant('repeat' as const), j: fc.nat() }),
  fc.record({ kind: fc.constant('reject' as const), i: fc.nat(), keyed: fc.boolean() }),
  fc.record({ kind: fc.constant('late' as const), i: fc.nat() }),
);

describe('accounting', () => {
  it('every register row is accounted for exactly once, and the summary adds up, for any register', () => {
    fc.assert(
      fc.property(expectedRows.filter((e) => e.length > 0), fc.array(op, { maxLength: 40 }), fc.boolean(), (expected, ops, terminate) => {
        const employees = [...new Set(expected.map((e) => e.employee_id))].map((employee_id, k) => ({
          employee_id,
          ...(terminate && k === 0 ? { termination_date: '2026-01-20' } : {}),
        }));
        const rec = new Reconciler({ expected, employees, tolerance: TOL });
        const sent: RegisterRow[] = [];
        let fed = 0;
        for (const o of ops) {
          fed++;
          if (o.kind === 'reject') {
            const e = expected[o.i % expected.length]!;
            const rej: RejectedRow = { file: 'r.csv', line: fed + 1, problems: [{ file: 'r.csv', line: fed + 1, column: 'gross', message: 'bad' }], ...(o.keyed ? { employee_id: e.employee_id, pay_date: e.pay_date } : {}) };
            rec.reject(rej);
            continue;
          }
          let r: RegisterRow;
          if (o.kind === 'repeat' && sent.length) r = sent[o.j % sent.length]!;
          else {
            const e = expected[(o.kind === 'repeat' ? o.j : o.i) % expected.length]!;
            const v = new Map(e.values);
            if (o.kind === 'copy' && o.delta) v.set('gross', (v.get('gross') ?? new Decimal(0)).plus(new Decimal(o.delta).div(100)));
            r = { employee_id: e.employee_id, pay_date: e.pay_date, values: v };
            if (o.kind === 'other-date') r.pay_date = '2027-06-30';
            if (o.kind === 'unknown') r.employee_id = `${e.employee_id}#unknown`;
            if (o.kind === 'late') Object.assign(r, { pay_date: '2026-03-06', period_start: '2026-02-22' });
          }
          sent.push(r);
          rec.row(r);
        }
        const out = rec.finish();
        const reg = out.accounting.register;
        const exp = out.accounting.expected;
        expect(reg.read).toBe(ops.length);
        expect(reg.matched + reg.unexpected + reg.unknownEmployee + reg.paidAfterTermination + reg.duplicate + reg.rejected).toBe(reg.read);
        expect(exp.matched + exp.missing + exp.rejectedInRegister).toBe(expected.length);
        expect(exp.matched).toBe(reg.matched);
        const count = (code: string) => out.findings.filter((f) => f.code === code).length;
        expect(count('DUPLICATE_IN_REGISTER')).toBe(reg.duplicate);
        expect(count('UNEXPECTED_IN_REGISTER')).toBe(reg.unexpected);
        expect(count('UNKNOWN_EMPLOYEE')).toBe(reg.unknownEmployee);
        expect(count('PAID_AFTER_TERMINATION')).toBe(reg.paidAfterTermination);
        expect(count('REJECTED_ROW')).toBe(reg.rejected);
        expect(count('MISSING_IN_REGISTER')).toBe(exp.missing);
        const c = out.comparisons;
        expect(c.exact + c.withinTolerance + c.explained + c.mismatched).toBe(c.compared);
        const text = formatSummary({ company: 'c', registerFile: 'r.csv', layout: 'canonical', ...out, findings: out.findings }, false);
        expect(text).not.toContain('!!');
        expect(text).toMatch(new RegExp(`Register rows read +${reg.read.toLocaleString('en-US')}\\n`));
      }),
      { numRuns: 300 },
    );
  });
});
