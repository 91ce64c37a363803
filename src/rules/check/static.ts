import type { LoadedRuleFile } from '../load.js';
import { checkBrackets } from './brackets.js';
import { checkCoverage } from './coverage.js';
import type { CheckProblem } from './problems.js';
import { checkRates } from './rates.js';
import { checkReview, type ReviewOptions } from './review.js';
import { checkStructure } from './structure.js';

/** Every check that needs no calculation method (and so no import of src/calc). */
export function checkFileStatic(file: LoadedRuleFile, opts: ReviewOptions): CheckProblem[] {
  return [...checkCoverage(file), ...checkRates(file), ...checkBrackets(file), ...checkStructure(file), ...checkReview(file, opts)];
}
