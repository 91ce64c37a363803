import { Decimal } from '../../money/index.js';
import { RuleError, valueAt } from '../ruleBook.js';
import type { LoadedRuleFile } from '../load.js';
import type { CheckProblem } from './problems.js';
import { isPlainObject, toDecimal } from './numbers.js';

type Path = (string | number)[];

/** The base column of a published table is rounded to the cent. */
export const BASE_ROUNDING = new Decimal('0.01');
/** A whole-dollar threshold may have been rounded from an unrounded one by up to half a dollar. */
export const THRESHOLD_ROUNDING = new Decimal('0.50');

/**
 * How far the base of a row may be from base(i−1) + rate(i−1) × (at_least(i) − at_least(i−1)):
 * one cent for the rounding of the published base, plus — when both thresholds
 * are whole dollars, as the IRS publishes them after rounding — rate(i−1) × $1.00,
 * the most the width can be off when each end was rounded by up to 50 cents.
 * For the federal tables (top rate 37%) the allowance is at most $0.38, so an
 * error of a dollar is always caught. Thresholds in multiples of a ceiling
 * (`threshold_unit`) are converted to money first, and get the cent only.
 */
export function baseAllowance(prevAt: Decimal, at: Decimal, prevRate: Decimal, scaled: boolean): Decimal {
  const wholeDollars = !scaled && prevAt.isInteger() && at.isInteger();
  return wholeDollars ? BASE_ROUNDING.plus(prevRate.times(THRESHOLD_ROUNDING.times(2))) : BASE_ROUNDING;
}

interface Row {
  at: Decimal;
  base: Decimal;
  rate: Decimal;
}

/**
 * Every `unit: brackets` parameter: its value is an array of rows
 * `{at_least, base, rate}`, or an object (keyed by filing status, possibly
 * nested) whose leaves are such arrays. Rows ascend, rates are fractions in
 * [0, 1], and each row's base is the previous base plus the previous rate
 * times the previous row's width (skipped with `bases_not_cumulative: <reason>`).
 */
export function checkBrackets(file: LoadedRuleFile): CheckProblem[] {
  const out: CheckProblem[] = [];
  for (const [name, param] of Object.entries(file.rules.parameters)) {
    if (param.unit !== 'brackets') continue;
    param.values.forEach((dv, vi) => {
      const valuePath: Path = ['parameters', name, 'values', vi, 'value'];
      const err = (path: Path, message: string): void => {
        out.push({ file: file.path, line: file.lineOf(path), severity: 'error', check: 'brackets', message });
      };

      let scale: Decimal | undefined;
      if (param.threshold_unit) {
        try {
          scale = toDecimal(valueAt(file, param.threshold_unit, dv.from).value);
          if (!scale) err(['parameters', name, 'threshold_unit'], `${name}: threshold_unit ${param.threshold_unit} is not a number on ${dv.from}`);
        } catch (e) {
          err(['parameters', name, 'threshold_unit'], `${name}: threshold_unit: ${e instanceof RuleError ? e.message : String(e)}`);
        }
        if (!scale) return;
      }

      const table = (v: unknown, path: Path, label: string): void => {
        if (Array.isArray(v)) return checkTable(v, path, label);
        if (isPlainObject(v) && Object.keys(v).length > 0) {
          for (const [k, sub] of Object.entries(v)) table(sub, [...path, k], `${label}.${k}`);
          return;
        }
        err(path, `${label}: expected a bracket table (a list of rows {at_least, base, rate}) or an object of such tables`);
      };

      const checkTable = (rows: unknown[], path: Path, label: string): void => {
        if (rows.length === 0) return err(path, `${label}: a bracket table needs at least one row`);
        const parsed: (Row | undefined)[] = rows.map((r, i) => {
          const rp = [...path, i];
          if (!isPlainObject(r)) return err(rp, `${label} row ${i + 1}: expected {at_least, base, rate}`), undefined;
          const extra = Object.keys(r).filter((k) => !['at_least', 'base', 'rate'].includes(k));
          if (extra.length) err([...rp, extra[0]!], `${label} row ${i + 1}: unexpected key ${extra.join(', ')} (a row has at_least, base, rate)`);
          const at = toDecimal(r.at_least), base = toDecimal(r.base), rate = toDecimal(r.rate);
          let ok = true;
          for (const [k, d] of [['at_least', at], ['base', base], ['rate', rate]] as const) {
            if (!d) {
              err(k in r ? [...rp, k] : rp, `${label} row ${i + 1}: ${k} ${k in r ? 'is not a number' : 'is missing'}`);
              ok = false;
            } else if (d.isNegative()) {
              err([...rp, k], `${label} row ${i + 1}: ${k} ${d.toString()} is negative`);
              ok = false;
            }
          }
          if (rate && rate.greaterThan(1)) {
            err([...rp, 'rate'], `${label} row ${i + 1}: rate ${rate.toString()} is above 1 (rates are fractions: 0.22 for 22%)`);
            ok = false;
          }
          return ok ? { at: at!, base: base!, rate: rate! } : undefined;
        });

        // A row found off is compared onwards at its corrected base, so one mistyped base is one complaint.
        let corrected: Decimal | undefined;
        for (let i = 1; i < parsed.length; i++) {
          const prevRow = parsed[i - 1], cur = parsed[i];
          const prev = prevRow && corrected ? { ...prevRow, base: corrected } : prevRow;
          corrected = undefined;
          if (!prev || !cur) continue;
          if (!cur.at.greaterThan(prev.at)) {
            err(
              [...path, i, 'at_least'],
              `${label} row ${i + 1}: at_least ${cur.at.toString()} is not above row ${i}'s ${prev.at.toString()} — rows must ascend (the table is not monotone)`,
            );
            continue;
          }
          if (cur.base.lessThan(prev.base)) {
            err([...path, i, 'base'], `${label} row ${i + 1}: base ${cur.base.toString()} is below row ${i}'s ${prev.base.toString()} — the table is not monotone`);
            continue;
          }
          if (param.bases_not_cumulative) continue;
          const width = cur.at.minus(prev.at).times(scale ?? 1);
          const expected = prev.base.plus(prev.rate.times(width));
          const diff = cur.base.minus(expected).abs();
          const allowed = baseAllowance(prev.at, cur.at, prev.rate, scale !== undefined);
          if (diff.greaterThan(allowed)) {
            corrected = expected;
            err(
              [...path, i, 'base'],
              `${label} row ${i + 1}: base ${cur.base.toString()} should be ${expected.toDecimalPlaces(2).toFixed(2)} ` +
                `(row ${i} base ${prev.base.toString()}${prevRow !== prev ? ' as corrected' : ''} + rate ${prev.rate.toString()} × (${cur.at.toString()} − ${prev.at.toString()})${scale ? ` × ${scale.toString()}` : ''}); ` +
                `off by ${diff.toDecimalPlaces(2).toFixed(2)}, more than the ${allowed.toFixed(2)} rounding allows` +
                ' (if the bases are not cumulative by design, say why in bases_not_cumulative)',
            );
          }
        }
      };

      table(dv.value, valuePath, name);
    });
  }
  return out;
}
