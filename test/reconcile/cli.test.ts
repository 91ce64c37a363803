import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import command from '../../src/cli/reconcile.js';
import { InputError } from '../../src/io/problems.js';
import { UsageError } from '../../src/cli/usage.js';

const ROOT = join(import.meta.dirname, '../..');

async function run(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '', stderr = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((stdout += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((stderr += String(s)), true));
  try {
    return { status: await command.run(args), stdout, stderr };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

/** A copy of the demo company whose register.csv is given (canonical layout unless a profile is kept). */
function company(edit: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'payrecon-co-'));
  cpSync(join(ROOT, 'fixtures/demo'), dir, { recursive: true });
  edit(dir);
  return dir;
}

describe('payrecon reconcile', () => {
  it('--fail-on: warnings only give 0 by default, 1 with --fail-on warning; never gives 0', async () => {
    const out = mkdtempSync(join(tmpdir(), 'payrecon-out-'));
    // A register that is the expected register with one taxable-wages difference.
    const dir = company((d) => rmSync(join(d, 'deposits.csv'), { force: true })); // deposit findings are another test's business
    const first = await run([dir, '--out', out, '--fail-on', 'never']);
    expect(first.status).toBe(0);
    const expected = readFileSync(join(out, 'expected.csv'), 'utf8').split('\n');
    const cols = expected[0]!.split(',');
    const w = cols.indexOf('us.fit.wages');
    const cells = expected[1]!.split(',');
    cells[w] = (Number(cells[w]) + 5).toFixed(2);
    expected[1] = cells.join(',');
    const yaml = readFileSync(join(dir, 'payrecon.yaml'), 'utf8').replace(/^register_profile:.*$/m, '');
    writeFileSync(join(dir, 'payrecon.yaml'), yaml);
    writeFileSync(join(dir, 'register.csv'), expected.join('\n'));
    const r = await run([dir, '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/WAGES_MISMATCH +0 +1 +0/);
    expect((await run([dir, '--out', out, '--fail-on', 'warning'])).status).toBe(1);
    const csv = readFileSync(join(out, 'findings.csv'), 'utf8').trim().split('\n');
    expect(csv).toHaveLength(2);
    expect(csv[1]).toMatch(/^warning,WAGES_MISMATCH,E\d+,\d{4}-\d\d-\d\d,us\.fit\.wages,/);
  });

  it('masks SSNs that reach findings unless --show-pii', async () => {
    const out = mkdtempSync(join(tmpdir(), 'payrecon-out-'));
    const dir = company((d) => {
      const reg = readFileSync(join(d, 'register.csv'), 'utf8').split('\r\n');
      reg[3] = reg[3]!.replace(/^E\d+/, '900-14-2201'); // the partner keyed a row by SSN
      writeFileSync(join(d, 'register.csv'), reg.join('\r\n'));
    });
    await run([dir, '--out', out]);
    const masked = readFileSync(join(out, 'findings.csv'), 'utf8') + readFileSync(join(out, 'findings.json'), 'utf8');
    expect(masked).toContain('***-**-2201');
    expect(masked).not.toContain('900-14-2201');
    await run([dir, '--out', out, '--show-pii']);
    expect(readFileSync(join(out, 'findings.csv'), 'utf8')).toMatch(/UNKNOWN_EMPLOYEE,900-14-2201,/);
  });

  it('a malformed row is a REJECTED_ROW finding with file, line and column, and is shown on stderr', async () => {
    const out = mkdtempSync(join(tmpdir(), 'payrecon-out-'));
    const dir = company((d) => {
      const reg = readFileSync(join(d, 'register.csv'), 'utf8').split('\r\n');
      reg[4] = reg[4]!.replace(/^(E\d+,[^,]*,)\d\d\/\d\d\/\d{4}/, '$1');
      writeFileSync(join(d, 'register.csv'), reg.join('\r\n'));
    });
    const r = await run([dir, '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/rejected \(unreadable\) +1\n/);
    expect(r.stderr).toMatch(/register\.csv, line 5, column "Check Date": the pay date is missing/);
    const csv = readFileSync(join(out, 'findings.csv'), 'utf8');
    expect(csv).toMatch(/error,REJECTED_ROW,E\d+,,,,,,"?Register row not usable, not compared: .*register\.csv, line 5, column ""Check Date""/);
  });

  it('unusable input and usage give exit 2 (thrown to main)', async () => {
    await expect(run(['fixtures/demo'])).rejects.toBeInstanceOf(UsageError);
    await expect(run(['fixtures/demo', '--out', '/tmp/x', '--fail-on', 'sometimes'])).rejects.toBeInstanceOf(UsageError);
    const noRegister = company((d) => writeFileSync(join(d, 'payrecon.yaml'), 'register: nope.csv\n'));
    await expect(run([noRegister, '--out', mkdtempSync(join(tmpdir(), 'o-'))])).rejects.toThrow(/nope\.csv: the partner's register is not there/);
    const typo = company((d) => writeFileSync(join(d, 'register-profile.yaml'), readFileSync(join(d, 'register-profile.yaml'), 'utf8').replace('Gross Pay: gross', 'Gross Pay: gros')));
    const err = await run([typo, '--out', mkdtempSync(join(tmpdir(), 'o-'))]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toContain('item "gros" is not computed by payrecon');
  });
});
