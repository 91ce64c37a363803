/**
 * Properties of every state tax component of every state rule file, on every
 * pay frequency and each method's employee profiles (fast-check):
 * never negative, never above the period's wages, taxable wages between 0 and
 * the wages, and non-decreasing in wages where the method says so. Also the
 * `payrecon rules check` property suite over the state files.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundAt } from '../../../../../src/calc/boundRules.js';
import { getMethod } from '../../../../../src/calc/methods/index.js';
import { PAY_FREQUENCIES } from '../../../../../src/model/index.js';
import { Decimal } from '../../../../../src/money/index.js';
import { checkRuleFiles, formatProblem } from '../../../../../src/rules/check/index.js';
import { bundledRulesDir, findRuleFiles } from '../../../../../src/rules/index.js';
import { bundledBook, stateInput } from './helpers.js';

const stateFiles = findRuleFiles([bundledRulesDir()]).filter((f) => /\/(ca|ny|pa|il|tx|fl)-\d{4}\.yaml$/.test(f));
const DATES = ['2025-06-30', '2026-06-30'];

const targets = DATES.flatMap((date) =>
  bundledBook()
    .jurisdictions()
    .filter((j) => /^us\.[a-z]{2}$/.test(j) && bundledBook().fileFor(j, date))
    .flatMap((j) => boundAt(bundledBook(), j, date).taxes.map((t) => ({ t, date }))),
);

describe('state tax components: properties', () => {
  it('cover California, New York, Pennsylvania, Illinois, Texas and Florida', () => {
    const ids = new Set(targets.map((x) => x.t.id));
    for (const id of ['us.ca.pit', 'us.ca.sdi.ee', 'us.ca.sui.er', 'us.ny.pit', 'us.ny.sui.er', 'us.pa.pit', 'us.il.pit', 'us.tx.sui.er', 'us.fl.sui.er']) expect(ids).toContain(id);
  });

  for (const { t, date } of targets) {
    const profiles = t.method.profiles?.length ? t.method.profiles : [{ name: 'default', fields: {} }];
    const run = (profile: number, frequency: (typeof PAY_FREQUENCIES)[number], cents: number, priorCents: number) =>
      t.method.compute(
        stateInput(t.id, {
          frequency,
          wages: new Decimal(cents).div(100).toFixed(2),
          fields: { ...profiles[profile]!.fields },
          payDate: date,
          ytd: { [`${t.id}.wages`]: new Decimal(priorCents).div(100).toFixed(2) },
          settings: (t.method.propertySettings?.(t.params, date) ?? {}) as never,
        }),
        t.params,
        t.prov as never,
      );
    const arb = fc.record({
      profile: fc.integer({ min: 0, max: profiles.length - 1 }),
      frequency: fc.constantFrom(...PAY_FREQUENCIES),
      cents: fc.oneof(fc.integer({ min: 0, max: 500_000 }), fc.integer({ min: 0, max: 50_000_000 })),
      more: fc.integer({ min: 1, max: 1_000_000 }),
      prior: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2_000_000 })),
    });

    it(`${t.id} on ${date}: never negative, never above the wages`, () => {
      fc.assert(
        fc.property(arb, (v) => {
          const r = run(v.profile, v.frequency, v.cents, v.prior);
          const wages = new Decimal(v.cents).div(100);
          expect(r.amount.isNegative()).toBe(false);
          expect(r.amount.lte(wages)).toBe(true);
          expect(r.taxableWages.isNegative()).toBe(false);
          expect(r.taxableWages.lte(wages)).toBe(true);
        }),
        { numRuns: 300, seed: 7 },
      );
    });

    if (t.method.monotone) {
      it(`${t.id} on ${date}: non-decreasing in wages`, () => {
        fc.assert(
          fc.property(arb, (v) => {
            const a = run(v.profile, v.frequency, v.cents, v.prior);
            const b = run(v.profile, v.frequency, v.cents + v.more, v.prior);
            expect(b.amount.gte(a.amount)).toBe(true);
          }),
          { numRuns: 300, seed: 11 },
        );
      });
    }
  }

  it('the state files pass `payrecon rules check` (schema, dates, tables, property tests)', async () => {
    expect(stateFiles.length).toBeGreaterThanOrEqual(11);
    const report = await checkRuleFiles(stateFiles, { today: '2026-06-01', methods: getMethod, runs: 100, seed: 1 });
    expect(report.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
  });
});
