import { describe, expect, it } from 'vitest';
import { getMethod } from '../../src/calc/methods/index.js';
import { runExample, testRuleFiles } from '../../src/rules/test/index.js';
import { defectLines, fixture, loadText, param, ruleText, SRC } from './helpers.js';

describe('rules test (worked examples)', () => {
  it('passes every example of the good fixture, resolving parameters at each example\'s date', () => {
    const r = testRuleFiles([fixture('good.yaml')], getMethod);
    expect(r.results.map((x) => [x.name, x.pass])).toEqual([
      ['flat tax before the July raise', true],
      ['flat tax after the July raise', true],
      ['insurance contribution crossing the wage base', true],
    ]);
    expect(r.failed).toBe(0);
  });

  it('fails the wrong example, at its output line, and passes the others', () => {
    const path = fixture('wrong-example.yaml');
    const r = testRuleFiles([path], getMethod);
    expect(r.failed).toBe(1);
    const bad = r.results.find((x) => !x.pass)!;
    expect(bad.problems.map((p) => [p.line, p.message])).toEqual([
      [defectLines(path)[0], 'example "flat tax before the July raise (wrong: 1% of 2000 is 20.00)": amount expected 21, got 20.00 (off by -1.00, tolerance 0.00)'],
    ]);
  });

  const file = (input: string, output: string, tolerance = '') =>
    loadText(
      ruleText({
        parameters: param('r', 'rate', '0.062') + param('b', 'usd', '1000'),
        components: '  - id: zz.ss\n    method: capped_rate\n    params: { rate: r, wage_base: b }\n',
        examples: `  - name: e\n    component: zz.ss\n    date: 2026-03-01\n    kind: agency\n    source: ${SRC}\n    input: ${input}\n    output: ${output}\n${tolerance}`,
      }),
    );

  it('feeds ytd items and applies the per-output tolerance', () => {
    // 1000 − 900 already taxed = 100 left; 6.2% of 100 = 6.20
    const f = file('{ frequency: weekly, wages: 500, ytd: { zz.ss.wages: 900, zz.ss: 55.80 } }', '{ amount: 6.21, taxable_wages: "100.00" }', '    tolerance: { amount: 0.01 }\n');
    expect(runExample(f, 0, getMethod).problems).toEqual([]);
    const strict = file('{ frequency: weekly, wages: 500, ytd: { zz.ss.wages: 900, zz.ss: 55.80 } }', '{ amount: 6.21 }');
    expect(runExample(strict, 0, getMethod).problems[0]!.message).toMatch(/amount expected 6.21, got 6.20/);
  });

  it('reports a bad input convention or an unknown output instead of passing', () => {
    expect(runExample(file('{ wages: 500 }', '{ amount: 0 }'), 0, getMethod).problems[0]!.message).toMatch(/input frequency: /);
    expect(runExample(file('{ frequency: weekly, wages: 5 }', '{ tax: 0 }'), 0, getMethod).problems[0]!.message).toMatch(/unknown output "tax"/);
    expect(runExample(file('{ frequency: weekly, wages: 5 }', '{ "line:nope": 0 }'), 0, getMethod).problems[0]!.message).toMatch(/no trace line labelled "nope"/);
  });
});
