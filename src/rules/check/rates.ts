import type { LoadedRuleFile } from '../load.js';
import type { CheckProblem } from './problems.js';
import { isPlainObject, toDecimal } from './numbers.js';

type Path = (string | number)[];

/**
 * Every `unit: rate` parameter holds fractions in [0, 1] (0.062 for 6.2%):
 * a single number, or an object/list of them (rates by filing status…).
 * A rate above 1 is almost always a percentage typed as a number — a failure.
 * (Rates inside bracket tables are checked with the tables.)
 */
export function checkRates(file: LoadedRuleFile): CheckProblem[] {
  const out: CheckProblem[] = [];
  for (const [name, param] of Object.entries(file.rules.parameters)) {
    if (param.unit !== 'rate') continue;
    param.values.forEach((dv, vi) => {
      const walk = (v: unknown, path: Path, label: string): void => {
        const err = (message: string): void => {
          out.push({ file: file.path, line: file.lineOf(path), severity: 'error', check: 'rates', message });
        };
        if (Array.isArray(v)) return v.forEach((x, i) => walk(x, [...path, i], `${label}[${i}]`));
        if (isPlainObject(v)) return Object.entries(v).forEach(([k, x]) => walk(x, [...path, k], `${label}.${k}`));
        const d = toDecimal(v);
        if (!d) return err(`${label} (${dv.from}..${dv.to}): expected a rate (a fraction such as 0.062), found ${JSON.stringify(v)}`);
        if (d.greaterThan(1)) return err(`${label} (${dv.from}..${dv.to}): rate ${d.toString()} is above 1 (rates are fractions: 0.062 for 6.2%)`);
        if (d.isNegative()) return err(`${label} (${dv.from}..${dv.to}): rate ${d.toString()} is negative`);
      };
      walk(dv.value, ['parameters', name, 'values', vi, 'value'], name);
    });
  }
  return out;
}
