import { describe, expect, it } from 'vitest';
import { getMethod } from '../../src/calc/methods/index.js';
import { checkRuleFiles, formatProblem } from '../../src/rules/check/index.js';
import { bundledRulesDir, findRuleFiles } from '../../src/rules/index.js';
import { testRuleFiles } from '../../src/rules/test/index.js';

const files = findRuleFiles([bundledRulesDir()]);

describe('the bundled rules/', () => {
  it('exist', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it('pass rules check (schema, dates, tables, references, property tests); warnings allowed', async () => {
    const report = await checkRuleFiles(files, { today: '2026-06-01', methods: getMethod, runs: 100, seed: 1 });
    const errors = report.problems.filter((p) => p.severity === 'error');
    expect(errors.map(formatProblem)).toEqual([]);
    expect(report.propertyTargets).toBeGreaterThan(0);
  });

  it('pass rules test', () => {
    const report = testRuleFiles(files, getMethod);
    expect(report.loadProblems).toEqual([]);
    // The federal files must carry worked examples (Pub 15-T's and hand-computed ones): without any, this test proves nothing.
    expect(report.results.filter((r) => r.file.includes('federal-')).length, 'worked examples in the federal rule files').toBeGreaterThan(0);
    expect(report.results.filter((r) => !r.pass).flatMap((r) => r.problems.map(formatProblem))).toEqual([]);
  });
});
