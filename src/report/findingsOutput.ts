import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FINDING_COLUMNS, SEVERITIES, type Finding } from '../model/index.js';
import { csvLine, maskSsn } from '../io/writeCsv.js';

/** Version of the findings.json schema (docs/findings-json.md). Bump on any change of shape. */
export const FINDINGS_JSON_VERSION = '1.0';

const SEVERITY_ORDER = Object.fromEntries(SEVERITIES.map((s, i) => [s, i])) as Record<string, number>;

/** Deterministic order: severity, then pay date, employee, code, item. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const k = (f: Finding) => [SEVERITY_ORDER[f.severity] ?? 9, f.pay_date ?? '', f.employee_id ?? '', f.code, f.item ?? ''] as const;
  return [...findings].sort((a, b) => {
    const ka = k(a), kb = k(b);
    for (let i = 0; i < ka.length; i++) {
      if (ka[i]! < kb[i]!) return -1;
      if (ka[i]! > kb[i]!) return 1;
    }
    return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
  });
}

const SSN_LIKE = /\b\d{3}-?\d{2}-?\d{4}\b/g;

/** Mask anything that looks like an SSN in free text, unless PII display was asked for. */
export function maskPii(text: string, showPii: boolean): string {
  return showPii ? text : text.replace(SSN_LIKE, (m) => maskSsn(m));
}

export interface FindingsOutputOptions {
  showPii?: boolean;
  /** Extra top-level fields of findings.json (summary, inputs…). */
  meta?: Record<string, unknown>;
}

/** Mask SSN-like text in every string of a JSON value (finding details echo register cells). */
function maskDeep(v: unknown, showPii: boolean): unknown {
  if (showPii) return v;
  if (typeof v === 'string') return maskPii(v, false);
  if (Array.isArray(v)) return v.map((x) => maskDeep(x, false));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, maskDeep(x, false)]));
  return v;
}

/** Write findings.csv (Excel-safe, SSNs masked) and findings.json (versioned schema). */
export function writeFindings(outDir: string, findings: readonly Finding[], opts: FindingsOutputOptions = {}): void {
  const sorted = sortFindings(findings);
  const show = opts.showPii ?? false;
  let csv = csvLine(FINDING_COLUMNS);
  for (const f of sorted) {
    const rec = f as unknown as Record<string, string | undefined>;
    csv += csvLine(FINDING_COLUMNS.map((c) => maskPii(rec[c] ?? '', show)));
  }
  writeFileSync(join(outDir, 'findings.csv'), csv);
  const json = {
    schema: 'payrecon/findings',
    version: FINDINGS_JSON_VERSION,
    ...opts.meta,
    findings: sorted.map((f) => ({
      severity: f.severity,
      code: f.code,
      employee_id: maskPii(f.employee_id ?? '', show),
      pay_date: f.pay_date ?? '',
      item: f.item ?? '',
      expected: f.expected ?? '',
      actual: f.actual ?? '',
      difference: f.difference ?? '',
      message: maskPii(f.message, show),
      rule: f.rule ?? '',
      ...(f.details ? { details: maskDeep(f.details, show) } : {}),
    })),
  };
  writeFileSync(join(outDir, 'findings.json'), JSON.stringify(json, null, 2) + '\n');
}
