/**
 * The rule files' Annual Percentage Method tables, line 1g, allowance value
 * and Table 3 against the tables transcribed in
 * /work/shared/reference/us-federal-and-states.md (§1.3 for 2026, §1.4 for 2025),
 * as resolved for the method (boundAt), row by row: [A at least, C, D %].
 */
import { describe, expect, it } from 'vitest';
import type { FitParams } from '../../../../src/calc/methods/us/fitPercentageMethod.js';
import { federalTax } from '../../../helpers/rules.js';

type Row = [number, number, number];
type Tables = Record<'standard' | 'step2', Record<'married_jointly' | 'single' | 'head_of_household', Row[]>>;

const REF_2026: Tables = {
  standard: {
    married_jointly: [[0, 0, 0], [19300, 0, 10], [44100, 2480, 12], [120100, 11600, 22], [230700, 35932, 24], [422850, 82048, 32], [531750, 116896, 35], [788000, 206583.5, 37]],
    single: [[0, 0, 0], [7500, 0, 10], [19900, 1240, 12], [57900, 5800, 22], [113200, 17966, 24], [209275, 41024, 32], [263725, 58448, 35], [648100, 192979.25, 37]],
    head_of_household: [[0, 0, 0], [15550, 0, 10], [33250, 1770, 12], [83000, 7740, 22], [121250, 16155, 24], [217300, 39207, 32], [271750, 56631, 35], [656150, 191171, 37]],
  },
  step2: {
    married_jointly: [[0, 0, 0], [16100, 0, 10], [28500, 1240, 12], [66500, 5800, 22], [121800, 17966, 24], [217875, 41024, 32], [272325, 58448, 35], [400450, 103291.75, 37]],
    single: [[0, 0, 0], [8050, 0, 10], [14250, 620, 12], [33250, 2900, 22], [60900, 8983, 24], [108938, 20512, 32], [136163, 29224, 35], [328350, 96489.63, 37]],
    head_of_household: [[0, 0, 0], [12075, 0, 10], [20925, 885, 12], [45800, 3870, 22], [64925, 8077.5, 24], [112950, 19603.5, 32], [140175, 28315.5, 35], [332375, 95585.5, 37]],
  },
};

const REF_2025: Tables = {
  standard: {
    married_jointly: [[0, 0, 0], [17100, 0, 10], [40950, 2385, 12], [114050, 11157, 22], [223800, 35302, 24], [411700, 80398, 32], [518150, 114462, 35], [768700, 202154.5, 37]],
    single: [[0, 0, 0], [6400, 0, 10], [18325, 1192.5, 12], [54875, 5578.5, 22], [109750, 17651, 24], [203700, 40199, 32], [256925, 57231, 35], [632750, 188769.75, 37]],
    head_of_household: [[0, 0, 0], [13900, 0, 10], [30900, 1700, 12], [78750, 7442, 22], [117250, 15912, 24], [211200, 38460, 32], [264400, 55484, 35], [640250, 187031.5, 37]],
  },
  step2: {
    married_jointly: [[0, 0, 0], [15000, 0, 10], [26925, 1192.5, 12], [63475, 5578.5, 22], [118350, 17651, 24], [212300, 40199, 32], [265525, 57231, 35], [390800, 101077.25, 37]],
    single: [[0, 0, 0], [7500, 0, 10], [13463, 596.25, 12], [31738, 2789.25, 22], [59175, 8825.5, 24], [106150, 20099.5, 32], [132763, 28615.5, 35], [320675, 94384.88, 37]],
    head_of_household: [[0, 0, 0], [11250, 0, 10], [19750, 850, 12], [43675, 3721, 22], [62925, 7956, 24], [109900, 19230, 32], [136500, 27742, 35], [324425, 93515.75, 37]],
  },
};

describe.each([
  ['2026', '2026-07-01', REF_2026],
  ['2025', '2025-07-01', REF_2025],
])('federal-%s.yaml Worksheet 1A data', (_year, date, ref) => {
  const p = federalTax('us.fit', date).params as FitParams;

  for (const kind of ['standard', 'step2'] as const) {
    for (const status of ['married_jointly', 'single', 'head_of_household'] as const) {
      it(`${kind} ${status} table matches the reference row for row`, () => {
        const got = p[kind][status].map((r) => [r.atLeast.toNumber(), r.base.toNumber(), r.rate.times(100).toNumber()]);
        expect(got).toEqual(ref[kind][status]);
      });
    }
  }

  it('line 1g is $12,900 married filing jointly, $8,600 otherwise; one allowance is $4,300', () => {
    expect(p.line_1g.married_jointly.toString()).toBe('12900');
    expect(p.line_1g.other.toString()).toBe('8600');
    expect(p.allowance_value.toString()).toBe('4300');
  });

  it('Table 3: 52 / 26 / 24 / 12 / 260 pay periods', () => {
    const t = Object.fromEntries(Object.entries(p.periods_per_year).map(([k, v]) => [k, v.toNumber()]));
    expect(t).toMatchObject({ weekly: 52, biweekly: 26, semimonthly: 24, monthly: 12, daily: 260, quarterly: 4, semiannual: 2 });
  });

  it('supplemental rates: 22% optional flat, 37% mandatory above $1,000,000', () => {
    expect(p.supplemental_rate.toString()).toBe('0.22');
    expect(p.supplemental_mandatory_rate.toString()).toBe('0.37');
    expect(p.supplemental_mandatory_threshold.toString()).toBe('1000000');
  });
});
