/**
 * The deposit audit run by `payrecon reconcile` shows the partner's liability
 * beside the expected one when the register carries every item of the return
 * (here: payrecon's own expected.csv fed back as a canonical register), and
 * leaves it empty when it does not (the demo's provider register has no
 * employer-share columns).
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, ensureBuilt, runCli, tempDir } from '../helpers/cli.js';

const rows = (file: string) => parse(readFileSync(file, 'utf8'), { columns: true }) as Array<Record<string, string>>;

describe('partner liabilities beside the expected ones (remittances.csv)', () => {
  beforeAll(() => ensureBuilt());

  it('a register with every item of Form 941: partner_amount equals the expected amount on every 941 row', () => {
    const company = tempDir('partner');
    cpSync(join(ROOT, 'fixtures', 'demo'), company, { recursive: true });
    const first = tempDir('first');
    expect(runCli(['compute', company, '--out', first]).status).toBe(0);
    // Feed the expected register back as the partner's canonical register.
    rmSync(join(company, 'register-profile.yaml'));
    writeFileSync(join(company, 'payrecon.yaml'), readFileSync(join(company, 'payrecon.yaml'), 'utf8').replace(/^register_profile:.*$/m, ''));
    cpSync(join(first, 'expected.csv'), join(company, 'register.csv'));
    const out = tempDir('out');
    const r = runCli(['reconcile', company, '--out', out, '--fail-on', 'never']);
    expect(r.status, r.stderr).toBe(0);
    const f941 = rows(join(out, 'remittances.csv')).filter((x) => x.form === '941');
    expect(f941.length).toBeGreaterThan(5);
    for (const x of f941) expect(x.partner_amount).toBe(x.amount_due);
  });

  it('a register without the employer shares: partner_amount stays empty rather than a partial sum', () => {
    const out = tempDir('demo');
    const r = runCli(['reconcile', join(ROOT, 'fixtures', 'demo'), '--out', out, '--fail-on', 'never']);
    expect(r.status, r.stderr).toBe(0);
    const f941 = rows(join(out, 'remittances.csv')).filter((x) => x.form === '941');
    expect(f941.length).toBeGreaterThan(5);
    for (const x of f941) expect(x.partner_amount).toBe('');
  });
});
