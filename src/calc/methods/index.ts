/**
 * Every calculation method, registered by name. A rule file's component picks
 * one with `method:`. Importing this module registers them all.
 */
import { registerMethod } from './registry.js';
import { cappedRate } from './common/cappedRate.js';
import { flatRate } from './common/flatRate.js';
import { rateOverAnnualThreshold } from './common/rateOverThreshold.js';
import { flsaWeeklyOvertime } from './us/flsaWeeklyOvertime.js';
import { usFitPercentageMethod } from './us/fitPercentageMethod.js';
import { usFuta } from './us/futa.js';
import { caDailyOvertime } from './us/states/caDailyOvertime.js';
import { caDe44MethodB } from './us/states/caDe44MethodB.js';
import { ilAllowances } from './us/states/ilAllowances.js';
import { nyExactCalculation, nycExactCalculation } from './us/states/nyExactCalculation.js';
import { nyYonkersResidentSurcharge } from './us/states/nyYonkersSurcharge.js';
import { sutaEmployerRate } from './us/states/sutaEmployerRate.js';

for (const m of [flatRate, cappedRate, rateOverAnnualThreshold, usFitPercentageMethod, usFuta, flsaWeeklyOvertime]) registerMethod(m);
// States (rules/us/<state>-<year>.yaml).
for (const m of [caDe44MethodB, nyExactCalculation, nycExactCalculation, nyYonkersResidentSurcharge, ilAllowances, sutaEmployerRate, caDailyOvertime]) registerMethod(m);

export { getMethod, allMethods, registerMethod } from './registry.js';
export type * from './types.js';
