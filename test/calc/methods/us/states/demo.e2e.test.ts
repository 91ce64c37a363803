/**
 * `payrecon compute fixtures/demo` gives each employee the columns of their
 * work state: CA PIT/SDI/UI, NY PIT/UI, PA PIT, IL PIT, TX UI; and none of
 * another state's. Runs the compiled CLI (npm test compiles first).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..', '..', '..');
const CLI = join(ROOT, 'dist', 'src', 'cli', 'main.js');

function compute(): Array<Record<string, string>> {
  const out = mkdtempSync(join(tmpdir(), 'payrecon-states-'));
  const r = spawnSync(process.execPath, [CLI, 'compute', join(ROOT, 'fixtures', 'demo'), '--out', out], { cwd: ROOT, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  const [head, ...lines] = readFileSync(join(out, 'expected.csv'), 'utf8').trim().split(/\r?\n/);
  const cols = head!.split(',');
  // No demo cell in these columns contains a comma (names are not in expected.csv).
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i]!, v])));
}

const STATE_COLUMNS: Record<string, string[]> = {
  CA: ['us.ca.pit', 'us.ca.sdi.ee', 'us.ca.sui.er'],
  NY: ['us.ny.pit', 'us.ny.sui.er'],
  PA: ['us.pa.pit'],
  IL: ['us.il.pit'],
  TX: ['us.tx.sui.er'],
};
const WORK_STATE: Record<string, string> = {};
for (const line of readFileSync(join(ROOT, 'fixtures', 'demo', 'employees.csv'), 'utf8').trim().split(/\r?\n/).slice(1)) {
  const m = /^(E\d+),.*?,(hourly|salaried),[\d.]+,\w+,([A-Z]{2}),/.exec(line);
  if (m) WORK_STATE[m[1]!] = m[3]!;
}

describe('payrecon compute fixtures/demo: state columns', () => {
  const rows = compute();

  it('has the state columns, with their .wages, after the federal ones', () => {
    const cols = Object.keys(rows[0]!);
    for (const c of Object.values(STATE_COLUMNS).flat()) {
      expect(cols).toContain(c);
      expect(cols).toContain(`${c}.wages`);
    }
    expect(cols.indexOf('us.ca.pit')).toBeGreaterThan(cols.indexOf('us.futa.er'));
    expect(cols.indexOf('us.ny.pit')).toBeLessThan(cols.indexOf('net_pay'));
  });

  it('gives CA, NY, PA, IL and TX employees their own state columns and no other state\'s', () => {
    const seen = new Set<string>();
    for (const r of rows) {
      const st = WORK_STATE[r.employee_id!];
      expect(st, r.employee_id).toBeDefined();
      seen.add(st!);
      for (const [s, cols] of Object.entries(STATE_COLUMNS)) {
        for (const c of cols) {
          if (s === st) expect(r[`${c}.wages`], `${r.employee_id} ${r.pay_date} ${c}.wages`).not.toBe('');
          else expect(r[c], `${r.employee_id} ${r.pay_date} ${c}`).toBe('');
        }
      }
    }
    expect([...seen].sort()).toEqual(['CA', 'IL', 'NY', 'PA', 'TX']);
  });

  it('withholds state income tax from CA, NY, PA and IL employees over the two months, and none in TX', () => {
    const total = (st: string, col: string) => rows.filter((r) => WORK_STATE[r.employee_id!] === st).reduce((s, r) => s + Number(r[col] || 0), 0);
    for (const [st, col] of [['CA', 'us.ca.pit'], ['NY', 'us.ny.pit'], ['PA', 'us.pa.pit'], ['IL', 'us.il.pit']] as const) expect(total(st, col), st).toBeGreaterThan(0);
    expect(Object.keys(rows[0]!).some((c) => c === 'us.tx.pit')).toBe(false);
  });

  it('E001 (CA, $24.50/h) in the week of the seventh consecutive day: 20 h overtime, 2 h double time', () => {
    const r = rows.find((x) => x.employee_id === 'E001' && x.pay_date === '2026-01-23')!;
    expect(r.overtime_hours).toBe('20.00');
    expect(r.doubletime_hours).toBe('2.00');
    expect(r.doubletime_pay).toBe('98.00');
  });
});
