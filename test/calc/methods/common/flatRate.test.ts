/** Medicare (flat_rate 1.45%, no wage base), employee and employer. */
import { describe, expect, it } from 'vitest';
import { cents, runFederal } from '../../../helpers/taxInput.js';

describe('Medicare 1.45%', () => {
  it('10,000 → 145.00 each share, whatever the year to date (reference §2.1)', () => {
    for (const id of ['us.medicare.ee', 'us.medicare.er']) {
      for (const date of ['2025-07-01', '2026-07-01']) {
        expect(cents(runFederal(id, { payDate: date, wages: 10000, ytd: { 'us.medicare.ee.wages': 500000 } }).amount), `${id} ${date}`).toBe('145.00');
      }
    }
  });

  it('rounds half up to the cent: 1,170 × 1.45% = 16.965 → 16.97; 870.83 → 12.627 → 12.63', () => {
    expect(cents(runFederal('us.medicare.ee', { wages: 1170 }).amount)).toBe('16.97');
    expect(cents(runFederal('us.medicare.ee', { wages: '870.83' }).amount)).toBe('12.63');
  });
});
