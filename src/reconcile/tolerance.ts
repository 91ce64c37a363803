import type { Settings } from '../model/index.js';
import { Decimal, maxDec } from '../money/index.js';

export interface Tolerance {
  abs: Decimal;
  rel?: Decimal;
}

/**
 * Tolerance of an item from payrecon.yaml:
 *
 *   tolerance:
 *     default: 0.01            # absolute, every item
 *     items:
 *       us.fit: 1.00           # a number: absolute
 *       gross: { rel: 0.001 }  # relative to the expected figure; abs falls back to default
 *       net_pay: { abs: 0.05, rel: 0.0005 }
 *
 * A difference is accepted when |expected − actual| ≤ max(abs, rel × |expected|).
 * The key is the item as the register feeds it (`us.ss.ee.wages`,
 * `us.medicare.ee+us.medicare_addl.ee` for a summed column).
 */
export function toleranceLookup(t: Settings['tolerance']): (item: string) => Tolerance {
  const def = new Decimal(String(t.default));
  const cache = new Map<string, Tolerance>();
  return (item) => {
    let hit = cache.get(item);
    if (hit) return hit;
    const o = t.items[item];
    if (o === undefined) hit = { abs: def };
    else if (typeof o === 'number') hit = { abs: new Decimal(String(o)) };
    else hit = { abs: o.abs !== undefined ? new Decimal(String(o.abs)) : def, ...(o.rel !== undefined ? { rel: new Decimal(String(o.rel)) } : {}) };
    cache.set(item, hit);
    return hit;
  };
}

export function allowed(tol: Tolerance, expected: Decimal): Decimal {
  return tol.rel ? maxDec(tol.abs, tol.rel.times(expected.abs())) : tol.abs;
}

export function withinTolerance(tol: Tolerance, expected: Decimal, actual: Decimal): boolean {
  return actual.minus(expected).abs().lessThanOrEqualTo(allowed(tol, expected));
}
