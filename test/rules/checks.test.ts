import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkBrackets, checkCoverage, checkFileStatic, checkRates, checkReview, checkStructure, applyStrict, formatProblem } from '../../src/rules/check/index.js';
import { checkMethods } from '../../src/rules/check/methods/params.js';
import type { Method, MethodLookup } from '../../src/rules/check/methods/lookup.js';
import { effectiveDates } from '../../src/rules/check/effectiveDates.js';
import { ZERO } from '../../src/money/index.js';
import { SRC, loadText, param, ruleText } from './helpers.js';

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('coverage', () => {
  it('reports gaps at the start and the end of the coverage, and a value ending before it starts', () => {
    const text = ruleText({
      parameters: `  p:\n    description: d\n    unit: usd\n    values:\n      - from: 2026-02-01\n        to: 2026-11-30\n        value: 1\n        source: ${SRC}\n      - from: 2026-12-31\n        to: 2026-12-01\n        value: 2\n        source: ${SRC}\n`,
    });
    const ps = checkCoverage(loadText(text));
    expect(ps.map((p) => p.message)).toEqual([
      'p: value ends (2026-12-01) before it starts (2026-12-31)',
      'p: no value from 2026-01-01 to 2026-01-31 (a gap at the start of the file\'s coverage)',
      'p: no value from 2026-12-01 to 2026-12-31 (a gap at the end of the file\'s coverage)',
    ]);
    expect(ps[1]!.line).toBe(lineOf(text, 'from: 2026-02-01'));
  });

  it('accepts values reaching outside the coverage, in any order', () => {
    const text = ruleText({
      parameters: `  p:\n    description: d\n    unit: usd\n    values:\n      - from: 2026-07-01\n        to: 2027-12-31\n        value: 2\n        source: ${SRC}\n      - from: 2025-01-01\n        to: 2026-06-30\n        value: 1\n        source: ${SRC}\n`,
    });
    expect(checkCoverage(loadText(text))).toEqual([]);
  });
});

describe('bracket tables', () => {
  const table = (rows: string, extra = '') => ruleText({ parameters: param('b', 'brackets', `\n${rows}`, extra) });
  const rows = (...r: Array<[number, number, number]>) => r.map(([a, b, c]) => `          - { at_least: ${a}, base: ${b}, rate: ${c} }`).join('\n');

  it('allows rate × $1 on whole-dollar thresholds (IRS rounding), but not a dollar', () => {
    // 0.37 × (1000 − 0) = 370; 370.30 is within 0.01 + 0.37, 371 is not.
    expect(checkBrackets(loadText(table(rows([0, 0, 0.37], [1000, 370.3, 0.4]))))).toEqual([]);
    expect(checkBrackets(loadText(table(rows([0, 0, 0.37], [1000, 371, 0.4]))))).toHaveLength(1);
  });

  it('allows only the cent when a threshold has cents', () => {
    expect(checkBrackets(loadText(table(rows([0, 0, 0.1], [1000.5, 100.05, 0.2]))))).toEqual([]);
    expect(checkBrackets(loadText(table(rows([0, 0, 0.1], [1000.5, 100.08, 0.2]))))[0]!.message).toMatch(/should be 100\.05/);
  });

  it('skips the base check when the parameter says why the bases are not cumulative', () => {
    const t = table(rows([0, 0, 0.1], [1000, 500, 0.2]), '    bases_not_cumulative: benefit recapture (NY)\n');
    expect(checkBrackets(loadText(t))).toEqual([]);
  });

  it('scales widths by threshold_unit (brackets in multiples of a ceiling)', () => {
    const t = ruleText({
      parameters: param('ceiling', 'eur', '4000') + param('b', 'brackets', `\n${rows([0, 0, 0.1], [1, 400, 0.05], [8, 1800, 0])}`, '    threshold_unit: ceiling\n'),
    });
    expect(checkBrackets(loadText(t))).toEqual([]);
  });

  it('reports a rate above 1, a negative value and a row that is not a row', () => {
    const ps = checkBrackets(loadText(table(`${rows([0, 0, 1.5])}\n          - { at_least: -1, base: 0, rate: 0.1 }\n          - 12`)));
    expect(ps.map((p) => p.message)).toEqual([
      'b row 1: rate 1.5 is above 1 (rates are fractions: 0.22 for 22%)',
      'b row 2: at_least -1 is negative',
      'b row 3: expected {at_least, base, rate}',
    ]);
  });
});

describe('rates', () => {
  it('checks every number of a rate parameter, nested or not', () => {
    const t = ruleText({ parameters: param('r', 'rate', '{ CA: 0.012, VI: 4.5, XX: oops }') });
    expect(checkRates(loadText(t)).map((p) => p.message)).toEqual([
      'r.VI (2026-01-01..2026-12-31): rate 4.5 is above 1 (rates are fractions: 0.062 for 6.2%)',
      'r.XX (2026-01-01..2026-12-31): expected a rate (a fraction such as 0.062), found "oops"',
    ]);
  });
});

describe('review (unverified and stale values)', () => {
  const t = ruleText({
    parameters:
      `  a:\n    description: d\n    unit: usd\n    values:\n      - from: 2026-01-01\n        to: 2026-12-31\n        value: 1\n        source: ${SRC}\n        verified: false\n        confirmed_on: 2026-05-01\n` +
      `  b:\n    description: d\n    unit: usd\n    values:\n      - from: 2026-01-01\n        to: 2026-12-31\n        value: 1\n        source: ${SRC}\n` +
      `  c:\n    description: d\n    unit: usd\n    values:\n      - from: 2026-01-01\n        to: 2026-12-31\n        value: 1\n        source: ${SRC}\n        confirmed_on: 2026-01-02\n` +
      `  d:\n    description: d\n    unit: usd\n    values:\n      - from: 2025-01-01\n        to: 2025-12-31\n        value: 1\n        source: ${SRC}\n        confirmed_on: 2026-01-02\n      - from: 2026-01-01\n        to: 2026-12-31\n        value: 1\n        source: ${SRC}\n        confirmed_on: 2026-06-01\n`,
  });
  it('lists unverified values, missing confirmed_on and stale ones, as warnings', () => {
    const ps = checkReview(loadText(t), { today: '2026-06-01', maxAgeDays: 100 });
    expect(ps.every((p) => p.severity === 'warning')).toBe(true);
    expect(ps.map((p) => p.message.split(' — ')[0])).toEqual([
      'a (2026-01-01..2026-12-31): unverified value',
      'b (2026-01-01..2026-12-31): no confirmed_on',
      'c (2026-01-01..2026-12-31): last confirmed 2026-01-02, 150 days ago (more than 100)',
    ]);
    // d's 2025 value was confirmed after its period ended: settled, never stale.
  });
  it('uses the file\'s review_max_age_days unless --max-age is given, and --strict makes warnings errors', () => {
    const withFileAge = t.replace('parameters:', 'review_max_age_days: 200\nparameters:');
    expect(checkReview(loadText(withFileAge), { today: '2026-06-01' }).some((p) => p.message.includes('150 days'))).toBe(false);
    expect(checkReview(loadText(withFileAge), { today: '2026-06-01', maxAgeDays: 30 }).some((p) => p.message.includes('150 days'))).toBe(true);
    const strict = applyStrict(checkReview(loadText(t), { today: '2026-06-01' }), true);
    expect(strict.length).toBeGreaterThan(0);
    expect(strict.every((p) => p.severity === 'error')).toBe(true);
    expect(formatProblem(strict[0]!)).toMatch(/^inline\.yaml:\d+: error: a \(2026-01-01/);
  });
});

// A tiny method registered only for these tests.
const testMethod: Method = {
  kind: 'tax',
  name: 'test_rate',
  summary: 'test',
  params: z.object({ rate: z.number().max(0.5, 'expected a rate up to 0.5') }),
  compute: () => ({ amount: ZERO, taxableWages: ZERO, lines: [] }),
};
const lookup: MethodLookup = (n) => (n === testMethod.name ? testMethod : undefined);

describe('component references', () => {
  const params = `  r:\n    description: d\n    unit: rate\n    values:\n      - from: 2026-01-01\n        to: 2026-06-30\n        value: 0.1\n        source: ${SRC}\n      - from: 2026-07-01\n        to: 2026-12-31\n        value: 0.7\n        source: ${SRC}\n`;
  it('validates method params at every effective date, at the offending value\'s line', () => {
    const text = ruleText({ parameters: params, components: '  - id: zz.a\n    method: test_rate\n    params: { rate: r }\n' });
    const f = loadText(text);
    expect(effectiveDates(f, f.rules.components[0]!)).toEqual(['2026-01-01', '2026-07-01']);
    const { problems, resolved } = checkMethods(f, lookup);
    expect(problems.map((p) => [p.line, p.message])).toEqual([[lineOf(text, 'value: 0.7'), 'component zz.a (method test_rate) on 2026-07-01: parameter rate (r): expected a rate up to 0.5']]);
    expect(resolved.map((r) => r.date)).toEqual(['2026-01-01']);
  });
  it('reports an unknown parameter, an unregistered method, a wrong kind, a duplicate id, a foreign prefix and a bad example', () => {
    const text = ruleText({
      parameters: params,
      components:
        '  - id: zz.a\n    method: test_rate\n    params: { rate: nope, extra: r }\n' +
        '  - id: zz.b\n    method: not_registered\n' +
        '  - id: zz.b\n    kind: overtime\n    method: test_rate\n' +
        '  - id: yy.c\n    method: test_rate\n    params: { rate: r }\n',
      examples: `  - name: ex\n    component: zz.missing\n    date: 2027-01-01\n    kind: hand\n    source: ${SRC}\n    input: {}\n    output: { amount: 1 }\n    tolerance: { other: 0.01 }\n`,
    });
    const f = loadText(text);
    const msgs = [...checkStructure(f), ...checkMethods(f, lookup).problems].map((p) => p.message);
    expect(msgs).toEqual(
      expect.arrayContaining([
        'component zz.a: parameter rate refers to "nope", which is not a parameter of this file',
        'component zz.b is defined twice (first at line ' + lineOf(text, 'id: zz.b') + ')',
        'component id yy.c does not start with the file\'s jurisdiction "zz."',
        'example "ex": no component zz.missing in this file',
        'example "ex": date 2027-01-01 is outside the file\'s coverage 2026-01-01..2026-12-31',
        'example "ex": tolerance for other, which is not one of its outputs',
        'component zz.a: method test_rate takes no parameter "extra" (it takes rate)',
        'component zz.b: no calculation method named "not_registered" is registered',
        'component zz.b is kind overtime, but method test_rate is a tax method',
      ]),
    );
  });
  it('checkFileStatic needs no method registry', () => {
    const f = loadText(ruleText({ parameters: params, components: '  - id: zz.a\n    method: anything\n    params: { rate: r }\n' }));
    expect(checkFileStatic(f, { today: '2026-06-01' }).filter((p) => p.severity === 'error')).toEqual([]);
  });
});
