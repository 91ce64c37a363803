import type { RuleProblem } from '../load.js';

/**
 * A finding of `payrecon rules check` / `rules test`: a problem located at a
 * rule-file line, so editors and CI annotate the YAML. `detail` holds extra
 * lines (a counterexample) printed indented under the problem line.
 */
export interface CheckProblem extends RuleProblem {
  /** Which check found it: schema, dates, coverage, review, brackets, rates, references, params, property, example. */
  check: string;
  detail?: string[];
}

export type Severity = CheckProblem['severity'];

/** `file:line: severity: message` — the format editors, CI annotators and grep understand. */
export function formatProblem(p: CheckProblem): string {
  const head = `${p.file}:${p.line}: ${p.severity}: ${p.message}`;
  return p.detail?.length ? [head, ...p.detail.map((d) => `    ${d}`)].join('\n') : head;
}

export function sortProblems(ps: CheckProblem[]): CheckProblem[] {
  return [...ps].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.message.localeCompare(b.message));
}

/** With `--strict`, every warning is a failure and is printed as one. */
export function applyStrict(ps: CheckProblem[], strict: boolean): CheckProblem[] {
  return strict ? ps.map((p) => (p.severity === 'warning' ? { ...p, severity: 'error' as const } : p)) : ps;
}

export function fromLoadProblems(ps: readonly RuleProblem[]): CheckProblem[] {
  return ps.map((p) => ({ ...p, check: 'schema' }));
}
