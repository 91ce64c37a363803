import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import command from '../../src/cli/remittances.js';
import { UsageError } from '../../src/cli/usage.js';
import { InputError } from '../../src/model/problems.js';

const RULES = ['--rules', 'rules/us/federal-2026.yaml', '--rules', 'rules/us/dc-holidays.yaml', '--rules', 'rules/us/irs-deposits.yaml'];
const tmp = mkdtempSync(join(tmpdir(), 'payrecon-remit-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    out += String(s);
    return true;
  });
  try {
    return { code: await command.run(args), out };
  } finally {
    spy.mockRestore();
  }
}

describe('payrecon remittances', () => {
  it('writes remittances.csv and findings, prints the on-time rates and penalty exposure, exits 1 on errors', async () => {
    const { code, out } = await run(['fixtures/remit-cases', '--out', join(tmp, 'a'), ...RULES]);
    expect(code).toBe(1);
    expect(out).toMatch(/On-time rate: 60\.0% by count, 65\.3% by dollars \(6388\.50 of 9778\.50\)/);
    expect(out).toMatch(/Estimated penalty exposure: 190\.96/);
    const json = JSON.parse(readFileSync(join(tmp, 'a', 'findings.json'), 'utf8'));
    expect(json.findings.map((f: { code: string }) => f.code).sort()).toEqual(['DEPOSIT_LATE', 'DEPOSIT_LATE', 'DEPOSIT_MISSING', 'DEPOSIT_SHORT', 'DEPOSIT_SHORT']);
    expect(existsSync(join(tmp, 'a', 'findings.csv'))).toBe(true);
    expect(readFileSync(join(tmp, 'a', 'remittances.csv'), 'utf8')).toContain('2026-11-24,1072.50,,2026-11-30,');
  });
  it('--fail-on never exits 0; --as-of audits the state of that day: later due dates not due, later deposits ignored', async () => {
    expect((await run(['fixtures/remit-cases', '--out', join(tmp, 'b'), '--fail-on', 'never', ...RULES])).code).toBe(0);
    const { out } = await run(['fixtures/remit-cases', '--out', join(tmp, 'c'), '--as-of', '2026-12-20', '--fail-on', 'never', ...RULES]);
    // Deposits after the audit date are ignored; the Dec 8 shortfall can still be made up (makeup date 2027-01-15).
    expect(out).toMatch(/Liabilities: 10 \(7 due\)\n  3 on time, 1 short within the safe harbor, 1 late, 1 short, 1 missing, 3 not yet due/);
    expect(out).toMatch(/Estimated penalty exposure: 51\.53/);
  });
  it('usage and input errors', async () => {
    await expect(run(['fixtures/remit-cases', ...RULES])).rejects.toThrow(UsageError);
    await expect(run(['fixtures/remit-cases', '--out', tmp, '--as-of', '2026-13-01', ...RULES])).rejects.toThrow(UsageError);
    await expect(run(['fixtures/remit-cases', '--out', tmp, '--fail-on', 'sometimes', ...RULES])).rejects.toThrow(UsageError);
    await expect(run(['fixtures/rules-defects', '--out', tmp, ...RULES])).rejects.toThrow(InputError);
  });
});
