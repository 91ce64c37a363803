import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/money/index.js';
import { formatSummary, groupedMoney, summaryJson, type SummaryInput } from '../../src/report/summary.js';

const input: SummaryInput = {
  company: 'fixtures/demo',
  registerFile: 'fixtures/demo/register.csv',
  layout: 'mapping profile "US"',
  accounting: {
    register: { read: 10, matched: 5, unexpected: 1, unknownEmployee: 1, paidAfterTermination: 1, duplicate: 1, rejected: 1 },
    expected: { rows: 6, matched: 5, missing: 1, rejectedInRegister: 0 },
  },
  comparisons: { compared: 50, exact: 45, withinTolerance: 2, explained: 1, mismatched: 2 },
  totals: [
    { item: 'gross', expected: new Decimal('1234567.8'), register: new Decimal('1234000'), difference: new Decimal('-567.8') },
    { item: 'regular_hours', expected: new Decimal('80'), register: new Decimal('80'), difference: new Decimal(0) },
  ],
  findings: [
    { severity: 'error', code: 'AMOUNT_MISMATCH', message: 'x' },
    { severity: 'warning', code: 'WAGES_MISMATCH', message: 'y' },
    { severity: 'error', code: 'AMOUNT_MISMATCH', message: 'z' },
  ],
  failOn: 'error',
  exitStatus: 1,
};

describe('summary', () => {
  it('shows how every row was accounted for, findings by code and severity, and item totals', () => {
    const t = formatSummary(input, false);
    expect(t).toMatch(/Register rows read +10\n/);
    for (const [label, n] of [['matched', 5], ['unexpected', 1], ['unknown employee', 1], ['paid after termination', 1], ['duplicate', 1], ['rejected \\(unreadable\\)', 1]] as const) {
      expect(t).toMatch(new RegExp(`\\n  ${label} +${n}\\n`));
    }
    expect(t).toContain('= matched 5 + missing 1');
    expect(t).toMatch(/AMOUNT_MISMATCH +2 +0 +0\n/);
    expect(t).toMatch(/WAGES_MISMATCH +0 +1 +0\n/);
    expect(t).toMatch(/total +2 +1 +0\n/);
    expect(t).toMatch(/gross +1,234,567\.80 +1,234,000\.00 +-567\.80\n/);
    expect(t).toMatch(/regular_hours +80\.00 +80\.00 +0\.00\n/);
    expect(t).toContain('exit 1: findings reach --fail-on error');
    expect(t).not.toContain('\x1b[');
  });

  it('uses colour only when asked (TTY without NO_COLOR), and flags parts that do not add up', () => {
    expect(formatSummary(input, true)).toContain('\x1b[31m');
    const broken = { ...input, accounting: { ...input.accounting, register: { ...input.accounting.register, read: 11 } } };
    expect(formatSummary(broken, false)).toContain('!! the parts add up to 10, not 11');
  });

  it('says so when there are no findings', () => {
    expect(formatSummary({ ...input, findings: [], exitStatus: 0 }, false)).toContain('No findings.');
  });

  it('gives the same figures as JSON', () => {
    const j = summaryJson(input) as { findings_by_code: Record<string, Record<string, number>>; totals: Array<Record<string, string>> };
    expect(j.findings_by_code.AMOUNT_MISMATCH).toEqual({ error: 2, warning: 0, info: 0 });
    expect(j.totals[0]).toEqual({ item: 'gross', expected: '1234567.80', register: '1234000.00', difference: '-567.80' });
  });

  it('groups thousands for display', () => {
    expect(groupedMoney(new Decimal('-1234567.891'))).toBe('-1,234,567.89');
    expect(groupedMoney(new Decimal('999'))).toBe('999.00');
  });
});
