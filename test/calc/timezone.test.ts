/**
 * The date logic does not depend on the machine's time zone. vitest runs in
 * one process, so the proof runs the built date code in child processes
 * with different TZ values and compares their output with each other and with
 * this process (TS sources).
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, countWeekdays, dayOfWeek, workweekStart } from '../../src/dates/index.js';
import { ROOT, ensureBuilt, runNode } from '../helpers/cli.js';

const PROBE = join(ROOT, 'test', 'helpers', 'dateProbe.mjs');
const ZONES = ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Kathmandu'];

describe('date logic under different TZ values', () => {
  let out: Record<string, { tzOffsetMinutes: number; days: unknown[][]; proration: unknown[][] }>;
  beforeAll(() => {
    ensureBuilt();
    out = Object.fromEntries(ZONES.map((tz) => [tz, JSON.parse(runNode(PROBE, [], { TZ: tz }))]));
  });

  it('the child processes really ran in different zones (UTC 0, Los Angeles +480, Kiritimati −840, Kathmandu −345 minutes)', () => {
    expect(ZONES.map((z) => out[z]!.tzOffsetMinutes)).toEqual([0, 480, -840, -345]);
  });

  it('every day of 2026 (and the edges of 2025 and 2027) gives the same weekday, workweek start, arithmetic and proration in every zone', () => {
    const base = out.UTC!;
    expect(base.days.length).toBeGreaterThan(380);
    for (const z of ZONES) {
      expect(out[z]!.days, z).toEqual(base.days);
      expect(out[z]!.proration, z).toEqual(base.proration);
    }
  });

  it('and the same as this test process computes from the sources', () => {
    for (const row of out.UTC!.days) {
      const d = row[0] as string;
      expect([dayOfWeek(d), workweekStart(d, 'sunday'), workweekStart(d, 'monday'), countWeekdays(d, addDays(d, 13))]).toEqual([row[1], row[2], row[3], row[8]]);
    }
  });

  it('known calendar facts hold: 2026-01-01 Thursday, 2026-03-08 and 2026-11-01 (US DST changes) Sundays, 2026 has 261 weekdays', () => {
    const byDate = new Map(out['Pacific/Kiritimati']!.days.map((r) => [r[0] as string, r]));
    expect(byDate.get('2026-01-01')![1]).toBe(4);
    expect(byDate.get('2026-03-08')![1]).toBe(0);
    expect(byDate.get('2026-11-01')![1]).toBe(0);
    expect(byDate.get('2026-11-01')![2]).toBe('2026-11-01');
    expect(byDate.get('2026-11-01')![3]).toBe('2026-10-26');
    expect(countWeekdays('2026-01-01', '2026-12-31')).toBe(261);
  });

  it('the mid-period-hire proration is the hand-computed one in every zone (hire Wed 2026-10-28: 2,000.00 weekdays, 1,964.29 calendar days)', () => {
    for (const z of ZONES) {
      const rows = out[z]!.proration.filter((r) => r[0] === '2026-10-28');
      expect(rows, z).toEqual([
        ['2026-10-28', 'weekdays', 8, 10, '2000.00'],
        ['2026-10-28', 'calendar_days', 11, 14, '1964.29'],
      ]);
    }
  });
});
