/**
 * The method-aware half of `rules check` and `rules test`.
 *
 * Layering: `src/rules` sits below `src/calc` (cli → calc → rules), so nothing
 * under src/rules imports calc at run time. These modules import calc's
 * *types* only (erased when compiled) and are handed the method registry as an
 * argument: `src/cli/rules.ts` imports `src/calc/methods/index.ts` (which
 * registers every method) and passes its `getMethod`. Tests pass a lookup over
 * their own test methods.
 */
import type { Method, OvertimeMethod, TaxMethod } from '../../../calc/methods/types.js';

export type { Method, OvertimeMethod, TaxMethod };

/** Name → registered calculation method (calc's `getMethod`). */
export type MethodLookup = (name: string) => Method | undefined;
