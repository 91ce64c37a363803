import { loadRuleFile } from '../load.js';
import type { MethodLookup } from '../check/methods/lookup.js';
import { fromLoadProblems, type CheckProblem } from '../check/problems.js';
import { runExample, type ExampleResult } from './runExample.js';

export interface TestReport {
  files: number;
  results: ExampleResult[];
  /** Files that could not be loaded. */
  loadProblems: CheckProblem[];
  passed: number;
  failed: number;
}

/** `payrecon rules test`: every worked example of every file. */
export function testRuleFiles(paths: readonly string[], methods: MethodLookup): TestReport {
  const results: ExampleResult[] = [];
  const loadProblems: CheckProblem[] = [];
  for (const p of paths) {
    const loaded = loadRuleFile(p);
    if (!loaded.ok) {
      loadProblems.push(...fromLoadProblems(loaded.problems));
      continue;
    }
    loaded.file.rules.examples.forEach((_, i) => results.push(runExample(loaded.file, i, methods)));
  }
  const passed = results.filter((r) => r.pass).length;
  return { files: paths.length, results, loadProblems, passed, failed: results.length - passed };
}
