import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { Decimal, ZERO, maxDec, minDec, roundCents } from '../../src/money/index.js';
import type { MethodLookup, TaxMethod } from '../../src/rules/check/methods/lookup.js';
import { checkMethods } from '../../src/rules/check/methods/params.js';
import { checkProperties } from '../../src/rules/check/methods/properties.js';
import { runExample } from '../../src/rules/test/index.js';
import { loadText, param, ruleText } from './helpers.js';

const P = z.object({ rate: z.number().transform((n) => new Decimal(n)), threshold: z.number().transform((n) => new Decimal(n)) });
type Params = z.output<typeof P>;

function method(name: string, f: (wages: Decimal, p: Params, ytd: (i: string) => Decimal, id: string) => Decimal, extra: Partial<TaxMethod<Params>> = {}): TaxMethod<Params> {
  return {
    kind: 'tax',
    name,
    summary: name,
    params: P as unknown as z.ZodType<Params>,
    compute: (input, p) => {
      const amount = f(input.wages, p, input.ytd, input.componentId);
      return { amount, taxableWages: input.wages, lines: [{ label: 'Amount', value: amount.toFixed(2) }] };
    },
    ...extra,
  };
}

const METHODS = [
  method('good', (w, p) => roundCents(w.times(p.rate)), { monotone: true, profiles: [{ name: 'single', fields: { fed_filing_status: 'single' } }, { name: 'zz resident', fields: { zz_resident: 'true' } }] }),
  method('negative', (w, p) => roundCents(w.times(p.rate)).minus(1)),
  method('cliff', (w, p) => (w.gte(p.threshold) ? roundCents(w.times(p.rate)) : ZERO), { monotone: true }),
  method('falls', (w, p) => roundCents(w.lt(p.threshold) ? w.times(p.rate).times(2) : w.times(p.rate)), { monotone: true }),
  // Caps each payslip at rate × threshold but forgets what was taken earlier in the year.
  method('leaky_cap', (w, p) => roundCents(minDec(w, p.threshold).times(p.rate)), { annualCap: (p) => roundCents(p.rate.times(p.threshold)) }),
  method(
    'capped',
    (w, p, ytd, id) => {
      const room = maxDec(ZERO, p.threshold.minus(ytd(`${id}.wages`)));
      return maxDec(ZERO, minDec(roundCents(minDec(w, room).times(p.rate)), roundCents(p.threshold.times(p.rate)).minus(ytd(id))));
    },
    { monotone: true, annualCap: (p) => roundCents(p.rate.times(p.threshold)) },
  ),
];
const lookup: MethodLookup = (n) => METHODS.find((m) => m.name === n);

function fileWith(m: string) {
  return loadText(
    ruleText({
      parameters: param('r', 'rate', '0.1') + param('t', 'usd', '1000'),
      components: `  - id: zz.x\n    method: ${m}\n    params: { rate: r, threshold: t }\n`,
    }),
    `${m}.yaml`,
  );
}

function props(m: string, runs = 150) {
  const f = fileWith(m);
  const { problems, resolved } = checkMethods(f, lookup);
  expect(problems).toEqual([]);
  return { f, problems: checkProperties(resolved, { runs, seed: 42 }) };
}

describe('property tests run by rules check', () => {
  it('a correct method passes every property, for every profile', () => {
    expect(props('good').problems).toEqual([]);
    expect(props('capped').problems).toEqual([]);
  });

  it('a negative amount fails "bounds", with a shrunk counterexample', () => {
    const { problems } = props('negative');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/^zz\.x on 2026-01-01: property bounds fails \(method negative\): amount -1\.00 is negative/);
    const f = fileWith('negative');
    expect(problems[0]!.line).toBe(f.lineOf(['components', 0, 'method'])); // located at the component's method line
    expect(problems[0]!.line).toBeGreaterThan(1);
    expect(problems[0]!.detail!.join('\n')).toMatch(/wages: 0\.00/);
  });

  it('a cliff at a threshold fails "no_jump" (found by sampling near the parameters\' thresholds)', () => {
    const { problems } = props('cliff');
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/property no_jump fails .*one more cent of wages \(999\.99 → 1000\.00\) moves the amount by 100\.00/)]);
  });

  it('withholding that falls as wages rise fails "monotone"', () => {
    const { problems } = props('falls');
    expect(problems.some((p) => /property monotone fails .*give less/.test(p.message))).toBe(true);
  });

  it('a cap that forgets the year-to-date fails "annual_cap"', () => {
    const { problems } = props('leaky_cap');
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/property annual_cap fails .*passes the annual cap 100\.00/)]);
    expect(problems[0]!.detail!.some((d) => /payslip 2 on/.test(d))).toBe(true);
  });

  it('the printed counterexample, pasted into the rule file as an example, reproduces the result', () => {
    const { problems } = props('negative');
    const detail = problems[0]!.detail!;
    const start = detail.findIndex((l) => l.trimStart().startsWith('- name:'));
    const snippet = detail.slice(start, start + 7).map((l) => l.slice(2)).join('\n');
    const example = parse(snippet)[0];
    const f = loadText(
      ruleText({
        parameters: param('r', 'rate', '0.1') + param('t', 'usd', '1000'),
        components: '  - id: zz.x\n    method: negative\n    params: { rate: r, threshold: t }\n',
        examples: snippet.split('\n').map((l) => `  ${l}`).join('\n'),
      }),
    );
    expect(f.rules.examples[0]!.input).toEqual(example.input);
    const r = runExample(f, 0, lookup);
    expect(r.problems).toEqual([]);
    expect(r.pass).toBe(true); // the method returns what the counterexample says it returned
  });
});
