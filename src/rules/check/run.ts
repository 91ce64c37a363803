import type { CivilDate } from '../../dates/index.js';
import { loadRuleFile, type LoadedRuleFile } from '../load.js';
import type { MethodLookup } from './methods/lookup.js';
import { checkMethods } from './methods/params.js';
import { applyStrict, fromLoadProblems, sortProblems, type CheckProblem } from './problems.js';
import { checkFileStatic } from './static.js';

/** Property tests are seeded so the same rules give the same verdict in CI; `--seed N` explores other draws. */
export const DEFAULT_PROPERTY_SEED = 20260101;

export interface CheckOptions {
  today: CivilDate;
  maxAgeDays?: number;
  strict?: boolean;
  /** The method registry (calc's getMethod). Without it only the method-free checks run. */
  methods?: MethodLookup;
  /** fast-check runs per property; 0 skips the property tests. */
  runs?: number;
  seed?: number;
}

export interface CheckReport {
  files: number;
  /** Component × effective date combinations the property tests ran on. */
  propertyTargets: number;
  problems: CheckProblem[];
  errors: number;
  warnings: number;
}

/** `payrecon rules check` on a list of rule-file paths. */
export async function checkRuleFiles(paths: readonly string[], opts: CheckOptions): Promise<CheckReport> {
  const problems: CheckProblem[] = [];
  let propertyTargets = 0;
  const runs = opts.runs ?? 200;
  for (const path of paths) {
    const loaded = loadRuleFile(path);
    if (!loaded.ok) {
      problems.push(...fromLoadProblems(loaded.problems));
      continue;
    }
    const file: LoadedRuleFile = loaded.file;
    problems.push(...checkFileStatic(file, { today: opts.today, ...(opts.maxAgeDays !== undefined ? { maxAgeDays: opts.maxAgeDays } : {}) }));
    if (!opts.methods) continue;
    const m = checkMethods(file, opts.methods);
    problems.push(...m.problems);
    if (runs > 0 && m.resolved.length > 0) {
      let mod: typeof import('./methods/properties.js');
      try {
        mod = await import('./methods/properties.js');
      } catch (e) {
        problems.push({ file: file.path, line: 1, severity: 'error', check: 'property', message: `property tests could not start (is fast-check installed?): ${(e as Error).message}` });
        continue;
      }
      propertyTargets += m.resolved.filter((r) => r.method.kind === 'tax').length;
      problems.push(...mod.checkProperties(m.resolved, { runs, seed: opts.seed ?? DEFAULT_PROPERTY_SEED }));
    }
  }
  const final = sortProblems(applyStrict(problems, opts.strict ?? false));
  return {
    files: paths.length,
    propertyTargets,
    problems: final,
    errors: final.filter((p) => p.severity === 'error').length,
    warnings: final.filter((p) => p.severity === 'warning').length,
  };
}
