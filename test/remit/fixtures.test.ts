import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import '../../src/calc/methods/index.js';
import { computeCompany } from '../../src/calc/computeCompany.js';
import { loadCompany } from '../../src/io/loadCompany.js';
import { bundledRulesDir, RuleBook } from '../../src/rules/index.js';
import { auditCompanyDeposits, writeRemittancesCsv } from '../../src/cli/remittances.js';
import { REMITTANCE_COLUMNS } from '../../src/remit/index.js';

// The bundled rules, as `payrecon remittances` uses them: state rules (California daily overtime) change wages and so federal taxes.
const { book, problems } = RuleBook.load([bundledRulesDir()]);
if (!book) throw new Error(problems.map((p) => `${p.file}:${p.line} ${p.message}`).join('\n'));

async function audit(dir: string) {
  const company = await loadCompany(dir);
  const rows = computeCompany(company, book!).rows;
  return (await auditCompanyDeposits(company, book!, rows))!;
}
const brief = (r: Awaited<ReturnType<typeof audit>>) => r.findings.map((f) => [f.severity, f.code, f.pay_date, f.details?.['days_late'] ?? null, f.details?.['estimated_penalty']]);

const tmp = mkdtempSync(join(tmpdir(), 'payrecon-remit-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('fixtures/remit-cases end to end (each seeded deposit case)', () => {
  it('finds exactly the seeded problems, and not the holiday-pushed on-time deposits', async () => {
    const r = await audit('fixtures/remit-cases');
    expect(r.summary.schedule.schedule).toBe('semiweekly');
    expect(brief(r)).toEqual([
      ['error', 'DEPOSIT_LATE', '2026-11-24', 1, '21.45'], // day after Thanksgiving treated as a holiday
      ['error', 'DEPOSIT_SHORT', '2026-12-01', 7, '8.63'], // short beyond the safe harbor
      ['info', 'DEPOSIT_SHORT', '2026-12-08', null, '0.00'], // within the safe harbor, made up in time
      ['error', 'DEPOSIT_MISSING', '2026-12-15', null, '107.25'],
      ['error', 'DEPOSIT_LATE', '2026-12-22', 8, '53.63'], // 8 days late
    ]);
    const byDate = new Map(r.remittances.map((x) => [x.liability_dates, x]));
    expect([byDate.get('2026-11-10')?.due_date, byDate.get('2026-11-10')?.status]).toEqual(['2026-11-16', 'on_time']); // Veterans Day
    expect([byDate.get('2026-12-29')?.due_date, byDate.get('2026-12-29')?.status]).toEqual(['2027-01-04', 'on_time']); // New Year's Day
    expect(r.summary).toMatchObject({ liabilities: 10, due: 10, onTime: 6, onTimeRateByCount: 0.6, penaltyTotal: '190.96', amountDue: '9778.50', amountOnTime: '6388.50' });
    writeRemittancesCsv(join(tmp, 'remittances.csv'), r);
    const csv = readFileSync(join(tmp, 'remittances.csv'), 'utf8').split('\n');
    expect(csv[0]).toBe(REMITTANCE_COLUMNS.join(','));
    expect(csv.filter(Boolean)).toHaveLength(11);
  });
});

describe('fixtures/demo deposits (January-February and November 2026)', () => {
  it('finds the seeded late (incl. the day after Thanksgiving), short, within-safe-harbor and missing deposits, and not the holiday-pushed one', async () => {
    // The demo company is a semiweekly depositor (its 941 liability is about $170,000 a month).
    const dir = join(tmp, 'demo');
    cpSync('fixtures/demo', dir, { recursive: true });
    const yaml = readFileSync(join(dir, 'payrecon.yaml'), 'utf8');
    if (!/^(deposit_schedule|lookback_total):/m.test(yaml)) writeFileSync(join(dir, 'payrecon.yaml'), `${yaml}\ndeposit_schedule: semiweekly\n`);
    expect(existsSync(join(dir, 'deposits.csv'))).toBe(true);
    const r = await audit(dir);
    expect(r.summary.schedule.schedule).toBe('semiweekly');
    expect(brief(r)).toEqual([
      ['error', 'DEPOSIT_LATE', '2026-01-23', 8, '97.00'],
      ['info', 'DEPOSIT_SHORT', '2026-02-06', null, '0.00'],
      ['error', 'DEPOSIT_SHORT', '2026-02-13', 13, '50.00'],
      ['error', 'DEPOSIT_MISSING', '2026-02-20', null, '165.05'],
      ['error', 'DEPOSIT_LATE', '2026-11-24', 1, '1647.34'], // due Mon Nov 30 (Thanksgiving), paid Tue Dec 1: Fri Nov 27 treated as a holiday
    ]);
    const nov24 = r.remittances.find((x) => x.liability_dates === '2026-11-24')!;
    expect([nov24.return_period, nov24.kind, nov24.amount_due, nov24.due_date, nov24.status, nov24.days_late, nov24.penalty_rate]).toEqual(['2026Q4', 'semiweekly', '82366.94', '2026-11-30', 'late', '1', '0.02']);
    const jan16 = r.remittances.find((x) => x.liability_dates === '2026-01-15;2026-01-16')!;
    expect([jan16.due_date, jan16.status]).toEqual(['2026-01-22', 'on_time']); // MLK Day pushed it from Wednesday to Thursday
    expect(r.summary.penaltyTotal).toBe('1959.39'); // 97.00 + 50.00 + 165.05 + 1647.34
    // Every deposit matches its liability to the cent: when the expected register changes, deposits.csv must follow.
    expect(r.summary.deposits).toEqual({ read: 11, audited: 11, notAudited: 0, excess: '0.00' });
  });
});
