import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { ROOT, ensureBuilt, runCli } from '../helpers/cli.js';

// The worker threads run the compiled code, so these tests drive dist/ (built by ensureBuilt).
// Federal rules only: the state rule files are work in progress elsewhere and not what is tested here.
const RULES = ['federal-2025.yaml', 'federal-2026.yaml', 'irs-deposits.yaml', 'dc-holidays.yaml'].map((f) => join(ROOT, 'rules', 'us', f));
const GEN = join(ROOT, 'dist', 'src', 'bench', 'generate-cli.js');

type Runner = typeof import('../../src/parallel/runner.js');
let tmp: string;
let runner: Runner;

function gen(out: string, seed: number, workers: number): void {
  const args = [GEN, '--employees', '40', '--periods', '6', '--seed', String(seed), '--out', out, '--error-rate', '0.05', '--workers', String(workers)];
  for (const r of RULES) args.push('--rules', r);
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`gen failed: ${r.stderr}`);
}

const files = (dir: string) => readdirSync(dir).filter((f) => !f.startsWith('.') && f !== 'out').sort();

interface Seeded {
  code: string;
  employee_id: string;
  pay_date: string;
  item?: string;
}
const key = (f: { code: string; employee_id?: string; pay_date?: string; item?: string }) => `${f.code}|${f.employee_id ?? ''}|${f.pay_date ?? ''}|${f.item ?? ''}`;
const seeded = (dir: string): string[] => (JSON.parse(readFileSync(join(dir, 'seeded-errors.json'), 'utf8')) as { errors: Seeded[] }).errors.map(key).sort();

beforeAll(async () => {
  ensureBuilt();
  runner = (await import(join(ROOT, 'dist', 'src', 'parallel', 'runner.js'))) as Runner;
  tmp = mkdtempSync(join(tmpdir(), 'payrecon-bench-'));
  gen(join(tmp, 'a'), 11, 2);
  gen(join(tmp, 'b'), 11, 1);
  gen(join(tmp, 'c'), 12, 2);
}, 300_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('synthetic company generator', () => {
  it('writes byte-identical files for the same seed (whatever the number of threads)', () => {
    const a = join(tmp, 'a'), b = join(tmp, 'b');
    expect(files(a)).toEqual(['deductions.csv', 'deposits.csv', 'earnings.csv', 'employees.csv', 'pay_calendar.csv', 'payrecon.yaml', 'register-profile.yaml', 'register.csv', 'seeded-errors.json', 'time.csv', 'ytd.csv']);
    for (const f of files(a)) expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);
  });

  it('writes different data for another seed', () => {
    expect(readFileSync(join(tmp, 'c', 'time.csv')).equals(readFileSync(join(tmp, 'a', 'time.csv')))).toBe(false);
  });

  it('has the mix the benchmark asks for', () => {
    const emp = parse(readFileSync(join(tmp, 'a', 'employees.csv')), { columns: true }) as Array<Record<string, string>>;
    expect(new Set(emp.map((e) => e.pay_type))).toEqual(new Set(['hourly', 'salaried']));
    expect(new Set(emp.map((e) => e.fed_w4))).toEqual(new Set(['2020', 'legacy']));
    const cal = parse(readFileSync(join(tmp, 'a', 'pay_calendar.csv')), { columns: true }) as Array<Record<string, string>>;
    expect(new Set(cal.map((p) => p.pay_frequency))).toEqual(new Set(['weekly', 'biweekly', 'semimonthly', 'monthly']));
    expect(cal.filter((p) => p.pay_frequency === 'biweekly')).toHaveLength(6);
    expect(seeded(join(tmp, 'a')).length).toBeGreaterThan(3);
  });
});

describe('reconciliation of a generated company', () => {
  it('reports exactly the seeded findings (parallel pipeline, register and deposits)', async () => {
    const dir = join(tmp, 'a');
    const res = await runner.runPipeline({ dir, out: join(dir, 'out'), workers: 2, reconcile: true, rules: RULES, failOn: 'never' });
    expect(res.findings.map(key).sort()).toEqual(seeded(dir));
    const acc = res.summary!.accounting.register;
    expect(acc.read).toBe(acc.matched + acc.unexpected + acc.unknownEmployee + acc.paidAfterTermination + acc.duplicate + acc.rejected);
  });

  it('reports exactly the seeded register findings with `payrecon reconcile`', () => {
    const dir = join(tmp, 'c');
    const out = join(tmp, 'c-cli');
    const r = runCli(['reconcile', dir, '--out', out, '--fail-on', 'never', ...RULES.flatMap((x) => ['--rules', x])]);
    expect(r.status, r.stderr).toBe(0);
    const got = (parse(readFileSync(join(out, 'findings.csv')), { columns: true }) as Array<Record<string, string>>).map((f) => key(f as never));
    const audited = got.some((k) => k.startsWith('DEPOSIT_'));
    // Until the CLI wires the deposit audit in, its findings are the register's only.
    const want = seeded(dir).filter((k) => audited || !k.startsWith('DEPOSIT_'));
    expect(got.sort()).toEqual(want);
  });
});

describe('parallel runner', () => {
  it('gives byte-identical outputs with 1, 2 and 3 threads, and the expected register of `payrecon compute`', async () => {
    const dir = join(tmp, 'c');
    const out = join(tmp, 'par');
    const outputs: Record<string, Buffer>[] = [];
    for (const [workers, loadBlock] of [[1, undefined], [2, undefined], [3, undefined], [2, 14]] as const) {
      await runner.runPipeline({ dir, out, workers, reconcile: true, rules: RULES, failOn: 'never', block: 7, ...(loadBlock ? { loadBlock } : {}) });
      outputs.push(Object.fromEntries(['expected.csv', 'findings.csv', 'findings.json', 'remittances.csv'].map((f) => [f, readFileSync(join(out, f))])));
    }
    for (const f of Object.keys(outputs[0]!)) {
      expect(outputs[1]![f]!.equals(outputs[0]![f]!), `${f}: 2 threads`).toBe(true);
      expect(outputs[2]![f]!.equals(outputs[0]![f]!), `${f}: 3 threads`).toBe(true);
      expect(outputs[3]![f]!.equals(outputs[0]![f]!), `${f}: 2 threads, load blocks of 14 employees`).toBe(true);
    }
    const cli = runCli(['compute', dir, '--out', join(tmp, 'compute'), ...RULES.flatMap((x) => ['--rules', x])]);
    expect(cli.status, cli.stderr).toBe(0);
    expect(readFileSync(join(tmp, 'compute', 'expected.csv')).equals(outputs[0]!['expected.csv']!)).toBe(true);
  });

  it('runs a share again without the heap limit when its worker runs out of it, with the same outputs', async () => {
    const dir = join(tmp, 'c');
    const files = ['expected.csv', 'findings.csv', 'findings.json', 'remittances.csv'];
    const normal = await runner.runPipeline({ dir, out: join(tmp, 'heap-a'), workers: 2, reconcile: true, rules: RULES, failOn: 'never' });
    expect(normal.heapRetries).toBe(0);
    const starved = await runner.runPipeline({ dir, out: join(tmp, 'heap-b'), workers: 2, reconcile: true, rules: RULES, failOn: 'never', workerHeapMb: 2 });
    expect(starved.heapRetries).toBe(2);
    for (const f of files) expect(readFileSync(join(tmp, 'heap-b', f)).equals(readFileSync(join(tmp, 'heap-a', f))), f).toBe(true);
  });

  it('reads register rows exactly as readRegister does, rejected rows included', async () => {
    const reg = (await import(join(ROOT, 'dist', 'src', 'io', 'register', 'index.js'))) as typeof import('../../src/io/register/index.js');
    const par = (await import(join(ROOT, 'dist', 'src', 'parallel', 'index.js'))) as typeof import('../../src/parallel/index.js');
    const dir = join(tmp, 'a');
    const text = readFileSync(join(dir, 'register.csv'), 'utf8').split('\n');
    // Damage a few rows: a bad amount, a missing id, a bad date, a short row, a blank row.
    const cells = text[3]!.split(',');
    text.splice(4, 0, text[3]!.replace(/,0\.00,/, ',zero,'), `,${cells.slice(1).join(',')}`, text[3]!.replace(/\d\d\/\d\d\/2026/, '2026-13-45'), 'E000001,Someone', ',,,,');
    const file = join(tmp, 'damaged.csv');
    writeFileSync(file, text.join('\n'));
    const layout = reg.loadProfile(join(dir, 'register-profile.yaml'), 'profile');
    const viaReader: unknown[] = [];
    await reg.readRegister(file, layout, { row: (r) => viaReader.push({ row: r }), reject: (r) => viaReader.push({ reject: r }) }, 'register.csv');
    const viaScan: unknown[] = [];
    let recs: InstanceType<typeof par.RegisterRecords> | undefined;
    par.scanCsv(file, (r) => {
      const fields = par.recordFields(r);
      if (!recs) recs = new par.RegisterRecords(layout, fields, 'register.csv');
      else viaScan.push(recs.convert(fields, r.line));
    }, { skipBlankRecords: true });
    expect(viaScan.length).toBeGreaterThan(10);
    expect(JSON.stringify(viaScan)).toBe(JSON.stringify(viaReader));
  });
});

describe('fast CSV scanner', () => {
  const cell = fc.oneof(fc.constantFrom('', ' ', 'a', '1,234.56', 'x"y', '"q"', 'é', '  ', 'E001'), fc.string({ maxLength: 4 }));
  it('reads what csv-parse reads (records and lines), or hands over', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { maxLength: 6 }), fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean(), (rows, crlf, quoteAll, skipBlank, unquoted) => {
        const q = (s: string) => (quoteAll || /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
        const raw = unquoted ? rows.map((r) => r.join(',')) : rows.map((r) => r.map(q).join(','));
        const text = raw.join(crlf ? '\r\n' : '\n');
        const file = join(tmp, 'scan.csv');
        writeFileSync(file, text);
        let want: Array<[string[], number]> | undefined;
        try {
          want = (parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, info: true, skip_records_with_empty_values: skipBlank }) as Array<{ record: string[]; info: { lines: number } }>).map((x) => [x.record, x.info.lines]);
        } catch {
          want = undefined;
        }
        const got: Array<[string[], number]> = [];
        try {
          const par = scanner!;
          par.scanCsv(file, (r) => got.push([par.recordFields(r), r.line]), { skipBlankRecords: skipBlank, chunkSize: 8 });
        } catch (e) {
          if ((e as Error).name === 'Error' && /fast CSV path/.test((e as Error).message)) return; // handed over to csv-parse
          throw e;
        }
        expect(want).toBeDefined();
        expect(got).toEqual(want);
      }),
      { numRuns: 300 },
    );
  });
});

let scanner: typeof import('../../src/io/csvScan.js') | undefined;
beforeAll(async () => {
  scanner = (await import(join(ROOT, 'dist', 'src', 'io', 'csvScan.js'))) as typeof import('../../src/io/csvScan.js');
});
