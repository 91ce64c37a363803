import type { Finding, Severity } from '../model/index.js';

export const FAIL_ON = ['error', 'warning', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Exit status for automation: 1 when a finding reaches the --fail-on level, else 0. */
export function exitStatusFor(findings: readonly Finding[], failOn: FailOn): 0 | 1 {
  if (failOn === 'never') return 0;
  const limit = RANK[failOn];
  return findings.some((f) => RANK[f.severity] <= limit) ? 1 : 0;
}
