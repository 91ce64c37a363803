import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import command from '../../src/cli/remittances.js';

const tmp = mkdtempSync(join(tmpdir(), 'payrecon-remit-states-'));
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

describe('fixtures/remit-cases-states end to end (payrecon remittances, bundled rules)', () => {
  it('one late CA-EDD deposit (15%), the on-time NY-DTF, CA UI and IRS deposits not flagged', async () => {
    const out = join(tmp, 'a');
    const { code, out: stdout } = await run(['fixtures/remit-cases-states', '--out', out]);
    expect(code).toBe(1);
    const csv = readFileSync(join(out, 'remittances.csv'), 'utf8').trim().split('\n');
    const header = csv[0]!.split(',');
    const col = (line: string, name: string) => {
      // the due_rule column is quoted and holds commas: read the simple columns around it
      const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, ''));
      return cells[header.indexOf(name)];
    };
    const table = csv.slice(1).map((l) => ['agency', 'form', 'kind', 'liability_dates', 'amount_due', 'due_date', 'amount_paid', 'days_late', 'status', 'penalty_rate', 'estimated_penalty'].map((c) => col(l, c)));
    expect(table).toEqual([
      ['IRS', '941', 'semiweekly', '2026-03-27', '7771.40', '2026-04-01', '7771.40', '', 'on_time', '', '0.00'],
      ['NY-DTF', 'NYS-45', 'after_payroll', '2026-03-27', '842.23', '2026-04-01', '842.23', '', 'on_time', '', ''],
      ['CA-EDD', 'DE9', 'semiweekly', '2026-03-27', '858.14', '2026-04-02', '858.14', '4', 'late', '0.15', '128.72'],
      ['CA-EDD', 'DE9-UI', 'quarterly', '2026-03-27', '238.00', '2026-04-30', '238.00', '', 'on_time', '', '0.00'],
    ]);
    const json = JSON.parse(readFileSync(join(out, 'findings.json'), 'utf8'));
    expect(json.findings.map((f: { code: string; item: string; pay_date: string }) => [f.code, f.item, f.pay_date])).toEqual([['DEPOSIT_LATE', 'deposit.DE9', '2026-03-27']]);
    expect(json.findings[0].rule).toMatch(/ca-edd-deposits\.yaml:\d+ schedule\.ca_pit .*penalty .*ca-holidays\.yaml/);
    expect(json.findings[0].message).toMatch(/Cesar Chavez Day/);
    expect(stdout).toMatch(/State deposits CA-EDD: 2 liabilities, 1096\.14 due, estimated penalty 128\.72/);
    expect(stdout).toMatch(/State deposits NY-DTF: 1 liability, 842\.23 due, penalty not estimated/);
    expect(stdout).toMatch(/Estimated penalty exposure: 128\.72/);
    expect(stdout).toMatch(/NY-DTF: 3-day filer \(ny_filer in payrecon\.yaml\)/);
  });
});
