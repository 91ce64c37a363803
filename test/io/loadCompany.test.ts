/**
 * Bad input (issue 2, item 8): every case of fixtures/bad-input gives a clear
 * message naming file, line and column and what was expected; all problems of
 * a file come together; the CLI exits 2 without a stack trace. Also: the
 * accepted CSV dialects (BOM, CRLF, quoted fields) read the same as plain.
 */
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeCompany } from '../../src/calc/computeCompany.js';
import { loadCompany } from '../../src/io/loadCompany.js';
import { InputError, type InputProblem } from '../../src/io/problems.js';
import { ROOT, ensureBuilt, runCliAsync, tempDir, type CliResult } from '../helpers/cli.js';
import { ruleBook } from '../helpers/rules.js';

const BAD = join(ROOT, 'fixtures', 'bad-input');
const RULES = ['--rules', 'rules/us/federal-2026.yaml'];

/** [file, line, column, message pattern]; line/column undefined where the problem has none. */
type Want = [string, number | undefined, string | undefined, RegExp];

const CASES: Record<string, Want[]> = {
  'missing-file': [['employees.csv', undefined, undefined, /file not found/]],
  'empty-file': [['pay_calendar.csv', 1, undefined, /empty.*expected a header row/]],
  'missing-column': [
    ['employees.csv', 1, 'pay_rate', /required column "pay_rate" is missing/],
    ['time.csv', 1, 'hours', /required column "hours" is missing/],
  ],
  'wrong-type': [
    ['employees.csv', 2, 'pay_rate', /expected .*(rate|salary).*found "twenty"/],
    ['employees.csv', 3, 'hire_date', /expected a date written YYYY-MM-DD.*found "11\/02\/2026"/],
    ['employees.csv', 3, 'fed_step2', /expected true or false.*found "yes"/],
  ],
  'bad-hours': [
    ['time.csv', 3, 'hours', /at least 0.*found "-2"/],
    ['time.csv', 5, 'hours', /at most 24.*found "25"/],
    ['time.csv', 6, 'hours', /expected hours.*found "eight"/],
  ],
  'unknown-frequency': [
    ['employees.csv', 3, 'pay_frequency', /expected one of weekly, biweekly, semimonthly, monthly.*found "fortnightly"/],
    ['pay_calendar.csv', 3, 'pay_frequency', /expected one of weekly, biweekly, semimonthly, monthly.*found "fortnightly"/],
  ],
  'pay-date-not-in-calendar': [['earnings.csv', 3, 'pay_date', /2026-11-20.*pay_calendar\.csv/]],
  'unknown-employee': [
    ['time.csv', 4, 'employee_id', /"X99" is not in employees\.csv/],
    ['time.csv', 7, 'employee_id', /"X99" is not in employees\.csv/],
  ],
};

async function problemsOf(dir: string): Promise<InputProblem[]> {
  try {
    await loadCompany(dir);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).problems;
  }
  throw new Error(`${dir} loaded without a problem`);
}

const matches = (p: InputProblem, [file, line, column, msg]: Want) =>
  p.file.endsWith(`/${file}`) && p.line === line && p.column === column && msg.test(p.message);

describe('fixtures/bad-input covers every case of the issue', () => {
  it('one folder per case, no more, no less', () => {
    expect(readdirSync(BAD, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()).toEqual(Object.keys(CASES).sort());
  });
});

describe.each(Object.entries(CASES))('loadCompany: %s', (name, wants) => {
  it('reports each problem with its file, line, column and what was expected', async () => {
    const problems = await problemsOf(join(BAD, name));
    for (const w of wants) expect(problems.some((p) => matches(p, w)), `${JSON.stringify(w.map(String))} in\n${problems.map((p) => JSON.stringify(p)).join('\n')}`).toBe(true);
  });

  it('reports all problems of the defective file together, and nothing about the files without defects', async () => {
    const problems = await problemsOf(join(BAD, name));
    const files = new Set(wants.map((w) => w[0]));
    // the defective files: exactly the expected problems
    const inDefective = problems.filter((p) => [...files].some((f) => p.file.endsWith(`/${f}`)));
    expect(inDefective).toHaveLength(wants.length);
    // other files only carry consequences of the defect (rows that reference what could not be read)
    for (const p of problems.filter((q) => !inDefective.includes(q))) expect(p.message).toMatch(/not in employees\.csv|has no \w+ periods/);
  });
});

describe('payrecon compute on bad input: exit 2, every problem on stderr, no stack trace', () => {
  const results = new Map<string, CliResult>();
  let unreadable: CliResult;
  let unreadableDir: string;
  beforeAll(async () => {
    ensureBuilt();
    // a file that exists but cannot be read as CSV: a folder named employees.csv
    unreadableDir = tempDir('unreadable');
    cpSync(join(ROOT, 'fixtures', 'small'), unreadableDir, { recursive: true });
    rmSync(join(unreadableDir, 'employees.csv'));
    mkdirSync(join(unreadableDir, 'employees.csv'));
    const names = Object.keys(CASES);
    const all = await Promise.all([
      ...names.map((n) => runCliAsync(['compute', join('fixtures', 'bad-input', n), '--out', tempDir(`bad-${n}`), ...RULES])),
      runCliAsync(['compute', unreadableDir, '--out', tempDir('bad-unreadable'), ...RULES]),
    ]);
    names.forEach((n, i) => results.set(n, all[i]!));
    unreadable = all.at(-1)!;
  });

  it.each(Object.keys(CASES))('%s', (name) => {
    const r = results.get(name)!;
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.stderr).not.toMatch(/internal error|Error:/);
    expect(r.stderr).toMatch(/the input cannot be used \(\d+ problems?\)/);
    for (const [file, line, column, msg] of CASES[name]!) {
      const where = [`fixtures/bad-input/${name}/${file}`, line !== undefined ? `line ${line}` : undefined, column ? `column ${column}` : undefined].filter(Boolean).join(', ');
      const hit = r.stderr.split('\n').find((l) => l.includes(`${where}:`) && msg.test(l));
      expect(hit, `${where} ${msg} in\n${r.stderr}`).toBeDefined();
    }
  });

  it('an unreadable employees.csv (a folder): exit 2 naming the file, no stack trace', () => {
    expect(unreadable.status).toBe(2);
    expect(unreadable.stderr).toContain(join(unreadableDir, 'employees.csv'));
    expect(unreadable.stderr).toMatch(/cannot read/);
    expect(unreadable.stderr).not.toMatch(/^\s+at /m);
  });
});

describe('accepted CSV dialects', () => {
  it('fixtures/small with a BOM, CRLF line ends and every field quoted computes the same payslips', async () => {
    const dir = tempDir('dialect');
    cpSync(join(ROOT, 'fixtures', 'small'), dir, { recursive: true });
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.csv'))) {
      const lines = readFileSync(join(dir, f), 'utf8').trimEnd().split('\n');
      const quoted = lines.map((l) => l.split(',').map((c) => `"${c}"`).join(','));
      writeFileSync(join(dir, f), '\uFEFF' + quoted.join('\r\n') + '\r\n');
    }
    const plain = computeCompany(await loadCompany(join(ROOT, 'fixtures', 'small')), ruleBook());
    const dialect = computeCompany(await loadCompany(dir), ruleBook());
    const flat = (rows: typeof plain.rows) => rows.map((r) => [r.employee_id, r.pay_date, [...r.values].map(([k, v]) => `${k}=${v.toFixed(2)}`)]);
    expect(dialect.rows).toHaveLength(5);
    expect(flat(dialect.rows)).toEqual(flat(plain.rows));
  });
});

describe('a repeated column', () => {
  it('reads its last cell, with or without a worker share (keep filter and row agree)', async () => {
    const dir = tempDir('repeated-column');
    cpSync(join(ROOT, 'fixtures', 'small'), dir, { recursive: true });
    const lines = readFileSync(join(dir, 'time.csv'), 'utf8').trim().split('\n');
    // A leading employee_id column that names someone else: the last employee_id column is the row's.
    writeFileSync(join(dir, 'time.csv'), [`employee_id,${lines[0]}`, ...lines.slice(1).map((l) => `S02,${l}`)].join('\n') + '\n');
    const whole = await loadCompany(dir);
    expect([...whole.time.keys()].sort()).toEqual(['S01', 'S04', 'S05']);
    const share = await loadCompany(dir, { keep: (id) => id === 'S01' || id === 'S04' });
    expect([...share.time.keys()].sort()).toEqual(['S01', 'S04']);
    expect(share.time.get('S01')!.length).toBe(whole.time.get('S01')!.length);
  });
});
