import { daysBetween, type CivilDate } from '../../dates/index.js';
import type { LoadedRuleFile } from '../load.js';
import type { CheckProblem } from './problems.js';

export const DEFAULT_MAX_AGE_DAYS = 365;

export interface ReviewOptions {
  /** The day the check runs (the CLI passes the clock's date; tests pass a fixed one). */
  today: CivilDate;
  /** `--max-age DAYS`: overrides every file's `review_max_age_days`. */
  maxAgeDays?: number;
}

/**
 * Values to look at again (warnings; failures with `--strict`):
 * - `verified: false` — the figure was not confirmed from an official source;
 * - `confirmed_on` missing, or older than the allowed age — nobody has re-read
 *   the source lately. The age is `--max-age`, else the file's
 *   `review_max_age_days`, else 365 days. A value confirmed after its own
 *   period ended (`confirmed_on` > `to`) is settled history and never stale.
 */
export function checkReview(file: LoadedRuleFile, opts: ReviewOptions): CheckProblem[] {
  const out: CheckProblem[] = [];
  const maxAge = opts.maxAgeDays ?? file.rules.review_max_age_days ?? DEFAULT_MAX_AGE_DAYS;
  for (const [name, param] of Object.entries(file.rules.parameters)) {
    param.values.forEach((v, i) => {
      const path = ['parameters', name, 'values', i];
      const warn = (key: string, message: string) =>
        out.push({ file: file.path, line: file.lineOf([...path, key]), severity: 'warning', check: 'review', message });
      const src = [v.source.publication, v.source.section].filter(Boolean).join(', ');
      if (!v.verified) warn('verified', `${name} (${v.from}..${v.to}): unverified value — not confirmed from an official source (cited: ${src})`);
      if (v.confirmed_on === undefined) {
        warn('from', `${name} (${v.from}..${v.to}): no confirmed_on — say when the value was last checked against ${src}`);
      } else if (v.confirmed_on <= v.to) {
        const age = daysBetween(v.confirmed_on, opts.today);
        if (age > maxAge) warn('confirmed_on', `${name} (${v.from}..${v.to}): last confirmed ${v.confirmed_on}, ${age} days ago (more than ${maxAge}) — re-check ${src}`);
      }
    });
  }
  return out;
}
