import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { ruleFileSchema, type RuleFile } from './schema.js';

/** A problem found in a rule file, located at a line so editors and CI can annotate it. */
export interface RuleProblem {
  file: string;
  line: number;
  severity: 'error' | 'warning';
  message: string;
}

export interface LoadedRuleFile {
  /** Path as given (relative to the working directory where possible). */
  path: string;
  rules: RuleFile;
  /** Line (1-based) of the YAML node at a path like ['parameters', 'ss.rate', 'values', 0, 'value']. */
  lineOf(path: readonly (string | number)[]): number;
}

export type LoadResult = { ok: true; file: LoadedRuleFile } | { ok: false; problems: RuleProblem[] };

function displayPath(p: string): string {
  const r = relative(process.cwd(), p);
  return (r.startsWith('..') ? p : r).split(sep).join('/');
}

function lineLocator(doc: Document, counter: LineCounter) {
  return (path: readonly (string | number)[]): number => {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
    }
    return 1;
  };
}

/** Parse and validate one rule file. Every problem of the file is returned together. */
export function loadRuleFile(path: string, text?: string): LoadResult {
  const file = displayPath(path);
  let src: string;
  try {
    src = text ?? readFileSync(path, 'utf8');
  } catch (e) {
    return { ok: false, problems: [{ file, line: 1, severity: 'error', message: `cannot read rule file: ${(e as Error).message}` }] };
  }
  const counter = new LineCounter();
  const doc = parseDocument(src, { lineCounter: counter, uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => ({
        file,
        line: e.linePos?.[0]?.line ?? 1,
        severity: 'error' as const,
        message: `YAML: ${e.message.split('\n')[0]}`,
      })),
    };
  }
  const lineOf = lineLocator(doc, counter);
  const parsed = ruleFileSchema.safeParse(doc.toJS({ maxAliasCount: 100 }));
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => ({
        file,
        line: lineOf(i.path as (string | number)[]),
        severity: 'error' as const,
        message: `${i.path.join('.') || '(file)'}: ${i.message}`,
      })),
    };
  }
  return { ok: true, file: { path: file, rules: parsed.data, lineOf } };
}

/** Every `*.yaml` / `*.yml` file under the given paths (files or folders), sorted. */
export function findRuleFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (p: string): void => {
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) walk(join(p, name));
    } else if (/\.ya?ml$/.test(p)) {
      out.push(p);
    }
  };
  for (const p of paths) walk(p);
  return out.sort();
}
