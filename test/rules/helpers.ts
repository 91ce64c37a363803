import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRuleFile, type LoadedRuleFile } from '../../src/rules/index.js';

export const ROOT = join(fileURLToPath(import.meta.url), '..', '..', '..');
export const DEFECTS = join(ROOT, 'fixtures', 'rules-defects');
export const fixture = (name: string) => join(DEFECTS, name);

/** Lines (1-based) of a fixture marked `# <- defect`. */
export function defectLines(path: string): number[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .flatMap((l, i) => (!l.trimStart().startsWith('#') && l.includes('# <- defect') ? [i + 1] : []));
}

/** Load rule-file text given inline (the file name is only for messages). */
export function loadText(text: string, name = 'inline.yaml'): LoadedRuleFile {
  const r = loadRuleFile(name, text);
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.line}: ${p.message}`).join('\n'));
  return r.file;
}

/** A minimal valid rule file around the given parameters / components / examples YAML (each indented as at top level). */
export function ruleText(parts: { parameters: string; components?: string; examples?: string; extra?: string }): string {
  return [
    'id: t',
    'jurisdiction: zz',
    'title: test',
    'coverage: { from: 2026-01-01, to: 2026-12-31 }',
    parts.extra ?? '',
    'parameters:',
    parts.parameters,
    parts.components ? `components:\n${parts.components}` : '',
    parts.examples ? `examples:\n${parts.examples}` : '',
  ].join('\n');
}

export const SRC = '{ publication: P, seen: official }';
/** One parameter with one whole-year value. */
export function param(name: string, unit: string, value: string, extra = ''): string {
  return `  ${name}:\n    description: d\n    unit: ${unit}\n${extra}    values:\n      - from: 2026-01-01\n        to: 2026-12-31\n        value: ${value}\n        source: ${SRC}\n        confirmed_on: 2026-01-15\n`;
}
