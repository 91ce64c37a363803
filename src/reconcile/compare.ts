import { ByPosition, type Finding, type RegisterRow } from '../model/index.js';
import { itemsOfKey } from '../model/registerProfile.js';
import { Decimal, ZERO, centsOf, formatMoney, formatQuantity } from '../money/index.js';
import { hintFor } from './hints.js';
import { itemKind, itemLabel, partnerVerb, type ItemKind } from './items.js';
import { allowed, type Tolerance } from './tolerance.js';
import type { Alternative, ComparisonCounts, EmployeeFacts, ExpectedRow } from './types.js';

export interface CompareContext {
  tolerance: (item: string) => Tolerance;
  ruleFor: (row: ExpectedRow, item: string) => string | undefined;
  alternatives?: (row: ExpectedRow, item: string) => readonly Alternative[];
  counts: ComparisonCounts;
  findings: Finding[];
}

const partsCache = new Map<string, string[]>();
function partsOf(key: string): string[] {
  let p = partsCache.get(key);
  if (!p) partsCache.set(key, (p = itemsOfKey(key)));
  return p;
}

interface KeyInfo {
  parts: string[];
  kind: ItemKind;
}
const infoCache = new Map<string, KeyInfo>();
/** The items a register key sums and their kind (found by the key's position in the row before, else by name). */
const infoOf = new ByPosition<KeyInfo>((key) => {
  let info = infoCache.get(key);
  if (!info) {
    const parts = partsOf(key);
    infoCache.set(key, (info = { parts, kind: itemKind(parts[0]!) }));
  }
  return info;
});

/** Equal values (whole cents compare as integers, the rest as Decimals). */
function sameValue(a: Decimal, b: Decimal): boolean {
  const x = centsOf(a);
  if (x !== undefined) {
    const y = centsOf(b);
    if (y !== undefined) return x === y;
  }
  return a.eq(b);
}

function expectedOf(exp: ExpectedRow, parts: readonly string[]): Decimal {
  if (parts.length === 1) return exp.values.get(parts[0]!) ?? ZERO;
  let t = ZERO;
  for (const p of parts) t = t.plus(exp.values.get(p) ?? ZERO);
  return t;
}

export function fmt(key: string, x: Decimal): string {
  return itemKind(partsOf(key)[0]!) === 'hours' ? formatQuantity(x) : formatMoney(x);
}

function ruleText(ctx: CompareContext, exp: ExpectedRow, parts: readonly string[]): string {
  const rules: string[] = [];
  for (const p of parts) {
    const r = ctx.ruleFor(exp, p);
    if (r && !rules.includes(r)) rules.push(r);
  }
  return rules.join('; ');
}

interface Diff {
  key: string;
  parts: string[];
  expected: Decimal;
  actual: Decimal;
  diff: Decimal;
}

/**
 * Compare every item the register row gives with the expected payslip.
 * Differences within tolerance are counted; gross and net pay differences that
 * the other differences on the payslip fully account for are counted as
 * explained (the cause is reported on its own item); the rest become findings.
 */
export function comparePayslip(ctx: CompareContext, exp: ExpectedRow, reg: RegisterRow, employee: EmployeeFacts | undefined): void {
  const out: Diff[] = [];
  let gross: Diff | undefined;
  let net: Diff | undefined;
  let payDiff = ZERO, payMapped = false;
  let withheldDiff = ZERO;
  let pos = 0;
  for (const [key, actual] of reg.values) {
    const { parts, kind } = infoOf.get(key, pos++);
    const expected = expectedOf(exp, parts);
    ctx.counts.compared++;
    if (kind === 'pay') payMapped = true;
    if (sameValue(actual, expected)) {
      ctx.counts.exact++;
      continue;
    }
    const diff = actual.minus(expected);
    if (kind === 'pay') payDiff = payDiff.plus(diff);
    else if (kind === 'withheld' || kind === 'deduction') withheldDiff = withheldDiff.plus(diff);
    const tol = ctx.tolerance(key);
    if (diff.abs().lessThanOrEqualTo(allowed(tol, expected))) {
      ctx.counts.withinTolerance++;
      continue;
    }
    const d: Diff = { key, parts, expected, actual, diff };
    if (kind === 'gross') gross = d;
    else if (kind === 'net') net = d;
    else out.push(d);
  }
  const explains = (d: Diff, by: Decimal) => d.diff.minus(by).abs().lessThanOrEqualTo(allowed(ctx.tolerance(d.key), d.expected));
  if (gross) {
    if (payMapped && explains(gross, payDiff)) ctx.counts.explained++;
    else out.push(gross);
  }
  if (net) {
    const grossDiff = (reg.values.get('gross') ?? ZERO).minus(reg.values.has('gross') ? (exp.values.get('gross') ?? ZERO) : ZERO);
    const basis = reg.values.has('gross') ? grossDiff : payDiff;
    if ((reg.values.has('gross') || payMapped || !withheldDiff.isZero()) && explains(net, basis.minus(withheldDiff))) ctx.counts.explained++;
    else out.push(net);
  }
  for (const d of out) {
    ctx.counts.mismatched++;
    const tol = ctx.tolerance(d.key);
    const alternatives = ctx.alternatives ? d.parts.flatMap((p) => ctx.alternatives!(exp, p)) : undefined;
    const hint = hintFor({ key: d.key, parts: d.parts, exp, reg, expected: d.expected, actual: d.actual, tol, ...(employee ? { employee } : {}), ...(alternatives ? { alternatives } : {}) });
    const kind = itemKind(d.parts[0]!);
    const where = reg.origin ? ` (${reg.origin.file} line ${reg.origin.line})` : '';
    ctx.findings.push({
      severity: kind === 'wages' || kind === 'hours' ? 'warning' : 'error',
      code: kind === 'wages' ? 'WAGES_MISMATCH' : 'AMOUNT_MISMATCH',
      employee_id: exp.employee_id,
      pay_date: exp.pay_date,
      item: d.key,
      expected: fmt(d.key, d.expected),
      actual: fmt(d.key, d.actual),
      difference: fmt(d.key, d.diff),
      message: `${itemLabel(d.key)}: partner ${partnerVerb(d.key)} ${fmt(d.key, d.actual)}, expected ${fmt(d.key, d.expected)}${hint ? ` — ${hint}` : ''}${where}`,
      rule: ruleText(ctx, exp, d.parts),
      ...(reg.origin ? { details: { register_line: reg.origin.line } } : {}),
    });
  }
}
