import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import command from '../../src/cli/reconcile.js';

interface Seed { id: string; employee_id: string; pay_date: string; code: string; items: string[]; wages?: string[] }
interface JsonFinding { severity: string; code: string; employee_id: string; pay_date: string; item: string; message: string; rule: string }

const ROOT = join(import.meta.dirname, '../..');
const seeds = JSON.parse(readFileSync(join(ROOT, 'fixtures/demo/register-seeds.json'), 'utf8')) as Seed[];

const HINTS: Record<string, RegExp> = {
  'overtime-straight-time': /overtime paid at straight time/,
  'ss-wage-base': /wage base was not applied/,
  'w4-step2-ignored': /Step 2 checkbox .* ignored/,
  'prior-year-tables': /prior-year federal withholding tables/,
  '401k-out-of-fica': /401\(k\) deferral was taken out of FICA wages/,
};

let findings: JsonFinding[] = [];
let status = -1;
let stdout = '';

beforeAll(async () => {
  const out = mkdtempSync(join(tmpdir(), 'payrecon-demo-'));
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    stdout += String(s);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    status = await command.run([join(ROOT, 'fixtures/demo'), '--out', out]);
  } finally {
    spy.mockRestore();
    err.mockRestore();
  }
  findings = (JSON.parse(readFileSync(join(out, 'findings.json'), 'utf8')) as { findings: JsonFinding[] }).findings;
});

describe('the demo register (scripts/make-demo-register.mjs)', () => {
  it.each(seeds.map((s) => [s.id, s] as const))('finds seeded error %s with the right code and item', (_id, s) => {
    const mine = findings.filter((f) => f.employee_id === s.employee_id && f.pay_date === s.pay_date);
    const got = mine.map((f) => `${f.code} ${f.item}`).sort();
    const want = [...s.items.map((i) => `${s.code} ${i}`), ...(s.wages ?? []).map((i) => `WAGES_MISMATCH ${i}`)].sort();
    expect(got).toEqual(want);
    const hint = HINTS[s.id];
    if (hint) for (const f of mine) expect(f.message).toMatch(hint);
    for (const f of mine.filter((x) => x.code.endsWith('_MISMATCH'))) expect(f.rule).toMatch(/^rules\/us\/federal-2026\.yaml/);
  });

  it('reports nothing else from the register, and exits 1 (errors reach the default --fail-on)', () => {
    const seeded = new Set(seeds.map((s) => `${s.employee_id} ${s.pay_date}`));
    // DEPOSIT_* findings come from the demo's deposits.csv (remittance audit), seeded separately.
    expect(findings.filter((f) => !f.code.startsWith('DEPOSIT_') && !seeded.has(`${f.employee_id} ${f.pay_date}`))).toEqual([]);
    // ...and exactly the seeded deposit cases (README, "The partner's register and the deposits"; detail in test/remit/fixtures.test.ts).
    const deposits = findings.filter((f) => f.code.startsWith('DEPOSIT_')).map((f) => `${f.severity} ${f.code} ${f.pay_date}`).sort();
    expect(deposits).toEqual([
      'error DEPOSIT_LATE 2026-01-23',
      'error DEPOSIT_LATE 2026-11-24', // the day after Thanksgiving treated as a holiday
      'error DEPOSIT_MISSING 2026-02-20',
      'error DEPOSIT_SHORT 2026-02-13',
      'info DEPOSIT_SHORT 2026-02-06',
    ]);
    expect(status).toBe(1);
  });

  it('accounts for every register row on stdout', () => {
    expect(stdout).toMatch(/Register rows read +136\n/);
    expect(stdout).toMatch(/ matched +134\n/);
    expect(stdout).toMatch(/ paid after termination +1\n/);
    expect(stdout).toMatch(/ duplicate +1\n/);
    expect(stdout).toContain('= matched 134 + missing 1');
    expect(stdout).not.toContain('\x1b[');
  });
});
