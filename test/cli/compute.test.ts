/**
 * End to end: `payrecon compute` (the built CLI) on fixtures/small, whose
 * every figure is computed by hand in fixtures/small/README.md.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, ensureBuilt, runCliAsync, tempDir, type CliResult } from '../helpers/cli.js';

const CONTRACT_KEYS_AND_PAY = ['employee_id', 'pay_date', 'period_start', 'period_end', 'regular_hours', 'overtime_hours', 'leave_hours', 'regular_pay', 'overtime_pay', 'leave_pay', 'gross'];
const TAXES = ['us.fit', 'us.ss.ee', 'us.medicare.ee', 'us.medicare_addl.ee', 'us.ss.er', 'us.medicare.er', 'us.futa.er'];
const CONTRACT = [...CONTRACT_KEYS_AND_PAY, 'bonus', 'ded.401k', 'ded.roth401k', 'ded.sec125', 'ded.hsa', 'ded.post_tax', ...TAXES, 'net_pay', ...TAXES.map((t) => `${t}.wages`)];
/** Columns issue 7 adds for California double time; not part of the issue 2 contract. */
const EXTENSIONS = ['doubletime_hours', 'doubletime_pay'];

// Hand-computed (fixtures/small/README.md), in CONTRACT order; sorted by pay date, then employee.
const EXPECTED = `
S01,2026-11-13,2026-11-01,2026-11-07,40.00,5.00,0.00,733.33,137.50,0.00,870.83,0.00,0.00,0.00,0.00,0.00,0.00,62.58,53.99,12.63,0.00,53.99,12.63,5.22,741.63,870.83,870.83,870.83,0.00,870.83,870.83,870.83
S02,2026-11-13,2026-10-25,2026-11-07,,,,2000.00,0.00,0.00,2000.00,0.00,100.00,0.00,0.00,0.00,0.00,66.15,124.00,29.00,0.00,124.00,29.00,12.00,1680.85,1900.00,2000.00,2000.00,0.00,2000.00,2000.00,2000.00
S04,2026-11-13,2026-11-01,2026-11-07,32.00,0.00,8.00,576.00,0.00,144.00,1220.00,500.00,0.00,0.00,50.00,0.00,0.00,66.48,72.54,16.97,0.00,72.54,16.97,7.02,1014.01,1170.00,1170.00,1170.00,0.00,1170.00,1170.00,1170.00
S05,2026-11-13,2026-11-01,2026-11-07,40.00,0.00,0.00,600.00,0.00,0.00,600.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,37.20,8.70,0.00,37.20,8.70,3.60,554.10,600.00,600.00,600.00,0.00,600.00,600.00,600.00
S03,2026-11-30,2026-11-01,2026-11-30,,,,20000.00,0.00,0.00,20000.00,0.00,0.00,0.00,0.00,0.00,0.00,5463.91,93.00,290.00,27.00,93.00,290.00,0.00,14126.09,20000.00,1500.00,20000.00,3000.00,1500.00,20000.00,0.00
`
  .trim()
  .split('\n')
  .map((l) => l.split(','));

const HOURS = new Set(['regular_hours', 'overtime_hours', 'leave_hours', 'doubletime_hours']);
const KEYS = new Set(['employee_id', 'pay_date', 'period_start', 'period_end']);

/** The federal rule file the hand computations use (state rule files are other tests' business). */
const RULES = ['--rules', 'rules/us/federal-2026.yaml'];

async function compute(env: Record<string, string>) {
  const out = tempDir('compute');
  const r = await runCliAsync(['compute', 'fixtures/small', '--out', out, ...RULES], env);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const text = readFileSync(join(out, 'expected.csv'), 'utf8');
  const [header, ...rows] = parse(text) as string[][];
  return { r, text, header: header!, rows };
}

const TIME_ZONES = ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati'];

describe('payrecon compute fixtures/small', () => {
  let runs: Awaited<ReturnType<typeof compute>>[];
  let run: Awaited<ReturnType<typeof compute>>;
  beforeAll(async () => {
    ensureBuilt();
    // the same company under three time zones (UTC, UTC−8, UTC+14), run side by side
    runs = await Promise.all(TIME_ZONES.map((TZ) => compute({ TZ })));
    run = runs[0]!;
  });

  it('has the contract columns in contract order, and nothing else but the double-time extension', () => {
    expect(run.header.filter((c) => CONTRACT.includes(c))).toEqual(CONTRACT);
    expect(run.header.filter((c) => !CONTRACT.includes(c))).toEqual(EXTENSIONS.filter((c) => run.header.includes(c)));
    expect(run.header.slice(0, 10)).toEqual(CONTRACT.slice(0, 10));
    expect(run.header.slice(-(2 * TAXES.length + 1))).toEqual([...TAXES, 'net_pay', ...TAXES.map((t) => `${t}.wages`)]);
  });

  it('writes the hand-computed rows exactly, sorted by pay date then employee', () => {
    const got = run.rows.map((row) => CONTRACT.map((c) => row[run.header.indexOf(c)]!));
    expect(got).toEqual(EXPECTED);
  });

  it('money has two decimals in every cell; keys are ISO dates', () => {
    for (const row of run.rows) {
      run.header.forEach((c, i) => {
        const cell = row[i]!;
        if (c === 'employee_id') return;
        if (KEYS.has(c)) expect(cell).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        else if (HOURS.has(c)) expect(cell).toMatch(/^(\d+\.\d{2,4})?$/);
        else expect(cell, c).toMatch(/^-?\d+\.\d\d$/);
      });
    }
  });

  it('double-time columns, where present, are zero for FLSA-only employees', () => {
    for (const c of EXTENSIONS) {
      const i = run.header.indexOf(c);
      if (i >= 0) for (const row of run.rows) expect(['', '0.00']).toContain(row[i]);
    }
  });

  it('prints the payslip count and totals that add up the hand-checked rows', () => {
    const out = run.r.stdout;
    expect(out).toContain('5 payslips written to');
    const totals: Record<string, string> = { gross: '24690.83', 'us.fit': '5659.12', 'us.ss.ee': '380.73', 'us.medicare.ee': '357.30', 'us.medicare_addl.ee': '27.00', 'us.futa.er': '27.84', net_pay: '18116.68' };
    for (const [item, v] of Object.entries(totals)) expect(out).toMatch(new RegExp(`^\\s+${item.replace(/\./g, '\\.')}\\s+${v}$`, 'm'));
    expect(out).toMatch(/time\.csv\s+15\s+15 used/);
  });

  it(`produces a byte-identical expected.csv under TZ=${TIME_ZONES.join(', ')}`, () => {
    for (const [i, r] of runs.entries()) expect(r.text, TIME_ZONES[i]).toBe(run.text);
  });
});

describe('payrecon compute usage errors: exit 2, a message, no stack trace', () => {
  let noOut: CliResult, unknown: CliResult, missing: CliResult, ytdTypo: CliResult;
  beforeAll(async () => {
    ensureBuilt();
    // ytd.csv line 4 misspells us.ss.ee.wages: silently ignored, it would tax Cara's SS from zero
    const typo = tempDir('ytd-typo');
    cpSync(join(ROOT, 'fixtures', 'small'), typo, { recursive: true });
    const ytd = readFileSync(join(typo, 'ytd.csv'), 'utf8').split('\n');
    expect(ytd[3]).toBe('S03,2026-10-31,us.ss.ee.wages,183000.00');
    ytd[3] = 'S03,2026-10-31,us.ss.ee.wage,183000.00';
    writeFileSync(join(typo, 'ytd.csv'), ytd.join('\n'));
    [ytdTypo, noOut, unknown, missing] = await Promise.all([
      runCliAsync(['compute', typo, '--out', tempDir('t'), ...RULES]),
      runCliAsync(['compute', 'fixtures/small', ...RULES]),
      runCliAsync(['compute', 'fixtures/small', '--out', tempDir('u'), ...RULES, '--frobnicate']),
      runCliAsync(['compute', 'fixtures/no-such-company', '--out', tempDir('n'), ...RULES]),
    ]);
  });

  it('an opening YTD item that is not an expected.csv column (a typo) is refused with its line', () => {
    expect(ytdTypo.status).toBe(2);
    expect(ytdTypo.stderr).toMatch(/ytd\.csv, line 4, column item: .*"us\.ss\.ee\.wage"/);
    expect(ytdTypo.stderr).not.toMatch(/^\s+at /m);
  });

  it('without --out', () => {
    expect(noOut.status).toBe(2);
    expect(noOut.stderr).toContain('--out <dir> is required');
    expect(noOut.stderr).not.toMatch(/^\s+at /m);
  });

  it('an unknown option', () => {
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('frobnicate');
    expect(unknown.stderr).not.toMatch(/^\s+at /m);
  });

  it('a company folder that does not exist, named in the message', () => {
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('fixtures/no-such-company');
    expect(missing.stderr).not.toMatch(/^\s+at /m);
  });
});
