import { describe, expect, it } from 'vitest';
import { loadRuleFile, type LoadedRuleFile } from '../../src/rules/index.js';
import { diffDates, diffFiles, diffValues, formatChange } from '../../src/rules/diff/index.js';
import { fixture } from './helpers.js';

const load = (n: string): LoadedRuleFile => {
  const r = loadRuleFile(fixture(n));
  if (!r.ok) throw new Error('fixture does not load');
  return r.file;
};

describe('rules diff', () => {
  it('two files: parameter, old value, new value, source; tables row by row', () => {
    const lines = diffFiles(load('good.yaml'), load('good-2027.yaml')).map(formatChange);
    expect(lines).toEqual([
      'fixtures/rules-defects/good-2027.yaml:17: zz.rate: 0.012 → 0.013  (from 2027-01-01; ZZ Payroll Tax Act (2027 schedule), s. 1 [official])',
      'fixtures/rules-defects/good-2027.yaml:35: zz.wage_base: 50000 → 52000  (from 2027-01-01; ZZ Insurance Notice 2027 [official])',
      'fixtures/rules-defects/good-2027.yaml:49: zz.income.single row 4: {at_least: 100000, base: 3000, rate: 0.06} → {at_least: 105000, base: 3200, rate: 0.06}  (from 2027-01-01; ZZ Income Tax Tables 2027, Table 1 [official])',
    ]);
  });

  it('one file at two dates', () => {
    expect(diffDates(load('good.yaml'), '2026-03-01', '2026-08-01').map(formatChange)).toEqual([
      'fixtures/rules-defects/good.yaml:23: zz.rate: 0.01 → 0.012  (from 2026-07-01; ZZ Payroll Tax Act (amended), s. 1 [official])',
    ]);
    expect(diffDates(load('good.yaml'), '2026-03-01', '2026-04-01')).toEqual([]);
  });

  it('compares numbers as decimals and shows added and removed rows', () => {
    expect(diffValues({ a: 0.1 }, { a: '0.10' })).toHaveLength(1); // a string is not a number
    expect(diffValues([{ at_least: 0, rate: 0.1 }], [{ at_least: 0, rate: 0.1 }, { at_least: 5, rate: 0.2 }])).toEqual([
      { at: ' row 2', path: [1], old: '(none)', new: '{at_least: 5, rate: 0.2}' },
    ]);
    expect(diffValues(1.5, 1.50)).toEqual([]);
  });
});
