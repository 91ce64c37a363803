import { describe, expect, it } from 'vitest';
import { PartnerTotals } from '../../src/reconcile/partnerTotals.js';
import { Decimal } from '../../src/money/index.js';
import type { RegisterRow } from '../../src/model/index.js';

const row = (employee_id: string, pay_date: string, values: Record<string, string>): RegisterRow => ({
  employee_id,
  pay_date,
  values: new Map(Object.entries(values).map(([k, v]) => [k, new Decimal(v)])),
});

describe('PartnerTotals', () => {
  it('sums the register by pay date, one row per date in date order', () => {
    const t = new PartnerTotals();
    t.add(row('E2', '2026-01-16', { 'us.fit': '10.00', 'us.ss.ee': '6.20' }));
    t.add(row('E1', '2026-01-09', { 'us.fit': '1.50' }));
    t.add(row('E1', '2026-01-16', { 'us.fit': '0.25' }));
    const rows = t.rows();
    expect(rows.map((r) => r.pay_date)).toEqual(['2026-01-09', '2026-01-16']);
    expect(rows[1]!.values.get('us.fit')!.toFixed(2)).toBe('10.25');
    expect(rows[1]!.values.get('us.ss.ee')!.toFixed(2)).toBe('6.20');
  });

  it('keeps a column holding several items under its combined key', () => {
    const t = new PartnerTotals();
    t.add(row('E1', '2026-01-09', { 'us.medicare.ee+us.medicare_addl.ee': '14.50' }));
    t.add(row('E2', '2026-01-09', { 'us.medicare.ee+us.medicare_addl.ee': '30.00' }));
    expect(t.rows()[0]!.values.get('us.medicare.ee+us.medicare_addl.ee')!.toFixed(2)).toBe('44.50');
  });
});
