import { itemsOfKey } from '../model/registerProfile.js';

/**
 * Register items payrecon does not compute (a typo in a mapping profile, a
 * canonical column expected.csv does not have). Comparing them would report
 * every row against an expected 0.00, so the CLI refuses them instead.
 */
export function unknownItems(registerKeys: Iterable<string>, expectedColumns: Iterable<string>): string[] {
  const known = new Set(expectedColumns);
  const out = new Set<string>();
  for (const k of registerKeys) for (const p of itemsOfKey(k)) if (!known.has(p)) out.add(p);
  return [...out];
}
