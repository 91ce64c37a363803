import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument, isNode } from 'yaml';
import { settingsSchema, type Settings } from '../model/index.js';
import type { InputProblem } from './problems.js';

/** Read `payrecon.yaml` from a company folder (optional: defaults when absent). */
export function loadSettings(dir: string): { settings?: Settings; problems: InputProblem[] } {
  const file = join(dir, 'payrecon.yaml');
  if (!existsSync(file)) return { settings: settingsSchema.parse({}), problems: [] };
  const counter = new LineCounter();
  const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter: counter, uniqueKeys: true });
  if (doc.errors.length) {
    return { problems: doc.errors.map((e) => ({ file, line: e.linePos?.[0]?.line, message: e.message.split('\n')[0]! })) };
  }
  const parsed = settingsSchema.safeParse(doc.toJS() ?? {});
  if (parsed.success) return { settings: parsed.data, problems: [] };
  return {
    problems: parsed.error.issues.map((i) => {
      const node = i.path.length ? doc.getIn(i.path as (string | number)[], true) : undefined;
      const line = isNode(node) && node.range ? counter.linePos(node.range[0]).line : undefined;
      return { file, line, column: i.path.join('.') || undefined, message: i.message };
    }),
  };
}
