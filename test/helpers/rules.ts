import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { boundAt, type BoundOvertime, type BoundTax } from '../../src/calc/boundRules.js';
import { loadRuleBook } from '../../src/cli/ruleBook.js';
import type { CivilDate } from '../../src/dates/index.js';
import type { RuleBook } from '../../src/rules/index.js';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** The federal rule files these tests check (state files are other tests' business). */
export const FEDERAL_RULE_FILES = ['rules/us/federal-2025.yaml', 'rules/us/federal-2026.yaml'];

let cached: RuleBook | undefined;

/** The bundled federal rule files (rules/us/federal-2025.yaml and -2026.yaml), loaded once per test file. */
export function ruleBook(): RuleBook {
  return (cached ??= loadRuleBook(FEDERAL_RULE_FILES.map((f) => join(ROOT, f))));
}

/** A federal tax component bound to its method at a date (parameters validated, with provenance). */
export function federalTax(id: string, date: CivilDate): BoundTax {
  const t = boundAt(ruleBook(), 'us', date).taxes.find((x) => x.id === id);
  if (!t) throw new Error(`no component ${id} in the federal rules on ${date}`);
  return t;
}

export function federalOvertime(date: CivilDate): BoundOvertime {
  const o = boundAt(ruleBook(), 'us', date).overtime;
  if (!o) throw new Error(`no overtime component in the federal rules on ${date}`);
  return o;
}
