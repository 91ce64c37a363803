/**
 * End to end: a state unemployment wage base the rule files do not hold (Nevada
 * 2026) comes from payrecon.yaml `suta_wage_bases`; without it the run stops
 * with exit 2 and a message naming the setting to add, never a missing column.
 */
import { appendFileSync, cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, ensureBuilt, runCliAsync, tempDir } from '../helpers/cli.js';

/** fixtures/small with S02 (salaried, $2,000.00 on 2026-11-13; its $100.00 401(k) deferral stays in UI wages) working in Nevada. */
function nevadaCompany(): string {
  const dir = tempDir('nv-company');
  cpSync(join(ROOT, 'fixtures', 'small'), dir, { recursive: true });
  const file = join(dir, 'employees.csv');
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, text.replace(/^(S02,(?:[^,\n]*,){7})TX,/m, '$1NV,'));
  expect(readFileSync(file, 'utf8')).not.toBe(text);
  return dir;
}

describe('payrecon compute: Nevada 2026 unemployment wage base from payrecon.yaml', () => {
  beforeAll(() => ensureBuilt());

  it('without suta_wage_bases.NV.2026: exit 2, the setting named, no stack trace, no output', async () => {
    const dir = nevadaCompany();
    const out = tempDir('nv-out');
    const r = await runCliAsync(['compute', dir, '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('payrecon.yaml, column suta_wage_bases.NV.2026: no NV unemployment taxable wage base for 2026 in the rule files');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(out, 'expected.csv'))).toBe(false);
  });

  it("with it (and the employer's rate): us.nv.sui.er on the UI wages, the trace citing the setting", async () => {
    const dir = nevadaCompany();
    appendFileSync(join(dir, 'payrecon.yaml'), 'suta_rates: { NV: 0.0125 }\nsuta_wage_bases:\n  NV:\n    2026: 45000\n');
    const out = tempDir('nv-out');
    const r = await runCliAsync(['compute', dir, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const [header, ...rows] = parse(readFileSync(join(out, 'expected.csv'), 'utf8')) as string[][];
    const s02 = rows.find((x) => x[0] === 'S02')!;
    const col = (name: string) => s02[header!.indexOf(name)];
    expect(col('us.nv.sui.er.wages')).toBe('2000.00');
    expect(col('us.nv.sui.er')).toBe('25.00'); // 2,000.00 × 1.25%
    const explain = await runCliAsync(['explain', dir, '--employee', 'S02', '--pay-date', '2026-11-13']);
    expect(explain.status).toBe(0);
    expect(explain.stdout).toContain('payrecon.yaml suta_wage_bases.NV.2026');
  });

  it('a bad key is an input error with its place: a year must be four digits', async () => {
    const dir = nevadaCompany();
    appendFileSync(join(dir, 'payrecon.yaml'), 'suta_wage_bases: { NV: { next: 45000 } }\n');
    const r = await runCliAsync(['compute', dir, '--out', tempDir('nv-out')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/payrecon\.yaml, line \d+, column suta_wage_bases\.NV\.next: Invalid key/);
  });
});
