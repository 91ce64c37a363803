import type { CivilDate } from '../../../dates/index.js';
import type { LoadedRuleFile } from '../../load.js';
import type { Component } from '../../schema.js';
import { effectiveDates } from '../effectiveDates.js';
import type { CheckProblem } from '../problems.js';
import type { Method, MethodLookup } from './lookup.js';
import { resolveRaw, type RawParams } from './resolve.js';

/** A component whose method parameters parsed on one effective date: what the property tests run. */
export interface ComponentAtDate {
  file: LoadedRuleFile;
  componentIndex: number;
  component: Component;
  method: Method;
  date: CivilDate;
  raw: RawParams;
  /** The method's parsed parameters. */
  params: unknown;
}

/**
 * Each component's method is registered and of the component's kind, and the
 * parameters the component gives it parse with the method's zod schema on
 * every effective date. Problems point at the offending value's line.
 */
export function checkMethods(file: LoadedRuleFile, lookup: MethodLookup): { problems: CheckProblem[]; resolved: ComponentAtDate[] } {
  const problems: CheckProblem[] = [];
  const resolved: ComponentAtDate[] = [];
  const seen = new Set<string>();
  const err = (path: (string | number)[], message: string, key = message) => {
    const line = file.lineOf(path);
    if (seen.has(`${line}\0${key}`)) return;
    seen.add(`${line}\0${key}`);
    problems.push({ file: file.path, line, severity: 'error', check: 'params', message });
  };

  file.rules.components.forEach((c, ci) => {
    const method = lookup(c.method);
    if (!method) return err(['components', ci, 'method'], `component ${c.id}: no calculation method named "${c.method}" is registered`);
    if (method.kind !== c.kind) {
      return err(['components', ci, 'method'], `component ${c.id} is kind ${c.kind}, but method ${c.method} is a ${method.kind} method`);
    }
    const shape = (method.params as unknown as { shape?: Record<string, unknown> }).shape;
    if (shape) {
      for (const k of Object.keys(c.params)) {
        if (!(k in shape)) err(['components', ci, 'params', k], `component ${c.id}: method ${c.method} takes no parameter "${k}" (it takes ${Object.keys(shape).join(', ')})`);
      }
    }
    for (const date of effectiveDates(file, c)) {
      const raw = resolveRaw(file, ci, date);
      if (raw.missing.length) continue; // a missing parameter or a gap: reported by the structure and coverage checks
      const parsed = method.params.safeParse(raw.values);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const [k, ...rest] = issue.path as (string | number)[];
          const where = typeof k === 'string' && raw.paths[k] ? [...raw.paths[k], ...rest] : ['components', ci, 'params'];
          const what = typeof k === 'string' ? `parameter ${k}${raw.names[k] && raw.names[k] !== k ? ` (${raw.names[k]})` : ''}${rest.length ? ` at ${rest.join('.')}` : ''}` : 'parameters';
          const msg = `component ${c.id} (method ${c.method}) on ${date}: ${what}: ${issue.message}`;
          err(where, msg, `${c.id}\0${issue.path.join('.')}\0${issue.message}`);
        }
        continue;
      }
      resolved.push({ file, componentIndex: ci, component: c, method, date, raw, params: parsed.data });
    }
  });
  return { problems, resolved };
}
