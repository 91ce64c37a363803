/** Employer state unemployment tax: the employer's own rate, the state's wage base, the new-employer rate as fallback. */
import { describe, expect, it } from 'vitest';
import { cents, runState } from './helpers.js';

describe('state unemployment (employer)', () => {
  it("uses the employer's rate from payrecon.yaml on wages up to the state's base (CA: $7,000)", () => {
    const r = runState('us.ca.sui.er', { frequency: 'monthly', wages: 5000, settings: { suta_rates: { CA: 0.034 } }, ytd: { 'us.ca.sui.er.wages': 4000, 'us.ca.sui.er': 136 } });
    expect(cents(r.taxableWages)).toBe('3000.00');
    expect(cents(r.amount)).toBe('102.00');
  });

  it('nothing once the year has reached the wage base', () => {
    const r = runState('us.ny.sui.er', { frequency: 'monthly', wages: 5000, settings: { suta_rates: { NY: 0.0325 } }, ytd: { 'us.ny.sui.er.wages': 17600, 'us.ny.sui.er': 572 } });
    expect(cents(r.amount)).toBe('0.00');
    expect(cents(r.taxableWages)).toBe('0.00');
  });

  it("without an employer rate: the state's new-employer rate, and the trace says so (TX 2.7% on $9,000)", () => {
    const r = runState('us.tx.sui.er', { frequency: 'monthly', wages: 10000 });
    expect(cents(r.taxableWages)).toBe('9000.00');
    expect(cents(r.amount)).toBe('243.00');
    expect(r.lines.some((l) => l.label.includes('new-employer rate'))).toBe(true);
  });

  it('NY 2026: base $17,600, new-employer 4.025%', () => {
    expect(cents(runState('us.ny.sui.er', { frequency: 'monthly', wages: 20000 }).amount)).toBe('708.40');
  });
});
