import { describe, expect, it } from 'vitest';
import { getMethod } from '../../src/calc/methods/index.js';
import { checkRuleFiles } from '../../src/rules/check/index.js';
import { defectLines, fixture } from './helpers.js';

const run = (name: string) => checkRuleFiles([fixture(name)], { today: '2026-06-01', methods: getMethod, runs: 25 });

describe('rules check on the defect fixtures', () => {
  const cases: Array<[string, RegExp]> = [
    ['overlap.yaml', /zz\.rate: value 2026-06-15\.\.2026-12-31 overlaps the value 2026-01-01\.\.2026-06-30 at line 14/],
    ['gap.yaml', /zz\.rate: no value from 2026-07-01 to 2026-07-31 \(a gap inside/],
    ['no-source.yaml', /parameters\.zz\.rate\.values\.1\.source: .*expected object/],
    ['non-monotone-brackets.yaml', /zz\.income row 4: at_least 30000 is not above row 3's 40000/],
    ['bracket-base-off.yaml', /zz\.income row 3: base 601 should be 600\.00 .*off by 1\.00/],
    ['rate-above-1.yaml', /zz\.rate \(2026-07-01\.\.2026-12-31\): rate 1\.2 is above 1/],
  ];
  for (const [name, message] of cases) {
    it(`${name} fails at the marked line, and only there`, async () => {
      const path = fixture(name);
      const lines = defectLines(path);
      expect(lines).toHaveLength(1);
      const report = await run(name);
      const errors = report.problems.filter((p) => p.severity === 'error');
      expect(errors.length).toBeGreaterThan(0);
      expect(new Set(errors.map((e) => `${e.file}:${e.line}`))).toEqual(new Set([`fixtures/rules-defects/${name}:${lines[0]}`]));
      expect(errors.some((e) => message.test(e.message))).toBe(true);
    });
  }

  it('the good fixtures pass, with no warning', async () => {
    for (const [name, today] of [['good.yaml', '2026-06-01'], ['good-2027.yaml', '2027-06-01'], ['wrong-example.yaml', '2026-06-01']] as const) {
      const report = await checkRuleFiles([fixture(name)], { today, methods: getMethod, runs: 25 });
      expect(report.problems, name).toEqual([]);
      expect(report.propertyTargets).toBeGreaterThan(0);
    }
  });
});
