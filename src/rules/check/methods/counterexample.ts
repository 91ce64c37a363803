import type { ComponentAtDate } from './params.js';

/** One synthetic payslip, in the example `input` convention of `rules test` (docs/rule-maintainers.md). */
export interface CaseInput {
  frequency: string;
  wages: string;
  supplemental: string;
  ytd: Record<string, string>;
  employee: Record<string, string>;
}

const flow = (v: unknown): string => {
  if (v === null || typeof v !== 'object') return typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? v : JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(flow).join(', ')}]`;
  const entries = Object.entries(v as Record<string, unknown>);
  return entries.length ? `{ ${entries.map(([k, x]) => `${/^[A-Za-z_][\w.]*$/.test(k) ? k : JSON.stringify(k)}: ${flow(x)}`).join(', ')} }` : '{}';
};

/** Which rule-file parameters fed the method, with their lines. */
export function parameterLines(item: ComponentAtDate): string {
  return Object.entries(item.raw.prov)
    .map(([k, p]) => `${k} = ${p.param} (${p.file}:${p.line})`)
    .join(', ');
}

/**
 * A YAML `examples:` entry reproducing the case, ready to paste into the rule
 * file (fix the expected output first) — or to turn into a vitest case.
 */
export function exampleSnippet(item: ComponentAtDate, name: string, input: CaseInput, got: Record<string, string>): string[] {
  return [
    `- name: ${JSON.stringify(name)}`,
    `  component: ${item.component.id}`,
    `  date: ${item.date}`,
    '  kind: hand',
    `  source: { publication: "payrecon rules check counterexample", note: "replace the output with the correct figure" }`,
    `  input: ${flow(input)}`,
    `  output: ${flow(got)}   # what the method returned`,
  ];
}
