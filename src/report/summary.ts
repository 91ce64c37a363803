import { bold, dim, green, red, yellow } from '../cli/style.js';
import { FINDING_CODES, SEVERITIES, type Finding } from '../model/index.js';
import { formatMoney, type Decimal } from '../money/index.js';
import type { Accounting, ComparisonCounts, ItemTotal } from '../reconcile/types.js';
import { itemKind } from '../reconcile/items.js';

export interface SummaryInput {
  /** "fixtures/demo" */
  company: string;
  registerFile: string;
  layout: string;
  accounting: Accounting;
  comparisons: ComparisonCounts;
  totals: readonly ItemTotal[];
  /** All findings written (reconciliation and any others, e.g. the deposit audit). */
  findings: readonly Finding[];
  /** Register columns not used by the layout. */
  ignoredColumns?: readonly string[];
  outDir?: string;
  /** The --fail-on level and the exit status it gives. */
  failOn?: string;
  exitStatus?: number;
}

/** 1234567.8 → "1,234,567.80" (display only: files keep plain numbers). */
export function groupedMoney(x: Decimal): string {
  const s = formatMoney(x);
  const neg = s.startsWith('-');
  const [int, frac] = (neg ? s.slice(1) : s).split('.');
  return `${neg ? '-' : ''}${int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}

const n = (x: number) => x.toLocaleString('en-US');

/**
 * The stdout summary a person reads in ten seconds: how every register row was
 * accounted for (the parts add up to the rows read), findings by code and
 * severity, and per item the expected total, the register total and the
 * difference. Colour only when `colour` is true (a TTY without NO_COLOR).
 */
export function formatSummary(s: SummaryInput, colour: boolean): string {
  const L: string[] = [];
  const r = s.accounting.register;
  const e = s.accounting.expected;
  const c = s.comparisons;
  const warn = (x: number, txt: string) => (x > 0 ? red(txt, colour) : txt);
  L.push(bold(`payrecon reconcile: ${s.company}`, colour));
  L.push(dim(`register ${s.registerFile}, read with the ${s.layout}`, colour));
  L.push('');
  const rows: Array<[string, number, boolean]> = [
    ['matched', r.matched, false],
    ['unexpected', r.unexpected, true],
    ['unknown employee', r.unknownEmployee, true],
    ['paid after termination', r.paidAfterTermination, true],
    ['duplicate', r.duplicate, true],
    ['rejected (unreadable)', r.rejected, true],
  ];
  const w = Math.max(...rows.map(([, v]) => n(v).length), n(r.read).length);
  L.push(`Register rows read ${n(r.read).padStart(w + 7)}`);
  for (const [label, v, bad] of rows) L.push(`  ${label.padEnd(22)} ${bad ? warn(v, n(v).padStart(w)) : n(v).padStart(w)}`);
  const sum = rows.reduce((t, [, v]) => t + v, 0);
  if (sum !== r.read) L.push(red(`  !! the parts add up to ${n(sum)}, not ${n(r.read)}: please report this`, colour));
  L.push(
    `Expected payslips ${n(e.rows).padStart(w + 8)} = matched ${n(e.matched)} + missing ${warn(e.missing, n(e.missing))}` +
      (e.rejectedInRegister ? ` + on rejected register rows ${n(e.rejectedInRegister)}` : ''),
  );
  L.push(
    `Amounts compared ${n(c.compared)}: ${n(c.exact)} exact, ${n(c.withinTolerance)} within tolerance, ` +
      `${n(c.explained)} gross/net differences explained by the items, ${warn(c.mismatched, `${n(c.mismatched)} mismatched`)}`,
  );
  if (s.ignoredColumns?.length) L.push(dim(`Register columns not used: ${s.ignoredColumns.join(', ')}`, colour));
  L.push('');

  // Findings by code and severity.
  if (s.findings.length === 0) {
    L.push(green('No findings.', colour));
  } else {
    const by = new Map<string, Record<string, number>>();
    for (const f of s.findings) {
      const row = by.get(f.code) ?? { error: 0, warning: 0, info: 0 };
      row[f.severity] = (row[f.severity] ?? 0) + 1;
      by.set(f.code, row);
    }
    const codes = FINDING_CODES.filter((k) => by.has(k));
    const cw = Math.max(...codes.map((k) => k.length), 'Findings'.length);
    L.push(bold(`${'Findings'.padEnd(cw)}  ${SEVERITIES.map((v) => v.padStart(7)).join(' ')}`, colour));
    const total: Record<string, number> = { error: 0, warning: 0, info: 0 };
    for (const k of codes) {
      const row = by.get(k)!;
      const cells = SEVERITIES.map((v) => {
        total[v]! += row[v] ?? 0;
        const t = String(row[v] ?? 0).padStart(7);
        return row[v] ? (v === 'error' ? red(t, colour) : v === 'warning' ? yellow(t, colour) : t) : dim(t, colour);
      });
      L.push(`${k.padEnd(cw)}  ${cells.join(' ')}`);
    }
    L.push(`${'total'.padEnd(cw)}  ${SEVERITIES.map((v) => String(total[v]).padStart(7)).join(' ')}`);
  }
  L.push('');

  // Totals per item, in the register's column order.
  if (s.totals.length) {
    const money = s.totals.map((t) => ({
      item: t.item,
      exp: itemKind(t.item.split('+')[0]!) === 'hours' ? t.expected.toFixed(2) : groupedMoney(t.expected),
      reg: itemKind(t.item.split('+')[0]!) === 'hours' ? t.register.toFixed(2) : groupedMoney(t.register),
      diff: itemKind(t.item.split('+')[0]!) === 'hours' ? t.difference.toFixed(2) : groupedMoney(t.difference),
      zero: t.difference.isZero(),
    }));
    const iw = Math.max('Item'.length, ...money.map((m) => m.item.length));
    const vw = Math.max('difference'.length, ...money.flatMap((m) => [m.exp.length, m.reg.length, m.diff.length]));
    L.push(bold(`${'Item'.padEnd(iw)}  ${'expected'.padStart(vw)}  ${'register'.padStart(vw)}  ${'difference'.padStart(vw)}`, colour));
    for (const m of money) {
      const d = m.diff.padStart(vw);
      L.push(`${m.item.padEnd(iw)}  ${m.exp.padStart(vw)}  ${m.reg.padStart(vw)}  ${m.zero ? dim(d, colour) : yellow(d, colour)}`);
    }
    L.push('');
  }
  if (s.outDir) L.push(`Written to ${s.outDir}: findings.csv, findings.json, expected.csv`);
  if (s.failOn !== undefined && s.exitStatus !== undefined) {
    const msg = s.exitStatus === 0 ? `exit 0: no finding reaches --fail-on ${s.failOn}` : `exit ${s.exitStatus}: findings reach --fail-on ${s.failOn}`;
    L.push(s.exitStatus === 0 ? green(msg, colour) : red(msg, colour));
  }
  return L.join('\n') + '\n';
}

/** The summary block of findings.json: the same figures as stdout, machine-readable. */
export function summaryJson(s: SummaryInput): Record<string, unknown> {
  const by: Record<string, Record<string, number>> = {};
  for (const f of s.findings) {
    const row = (by[f.code] ??= { error: 0, warning: 0, info: 0 });
    row[f.severity] = (row[f.severity] ?? 0) + 1;
  }
  const money = (t: ItemTotal, d: Decimal) => (itemKind(t.item.split('+')[0]!) === 'hours' ? d.toFixed(2) : formatMoney(d));
  return {
    register: { file: s.registerFile, layout: s.layout, rows: s.accounting.register },
    expected: s.accounting.expected,
    comparisons: s.comparisons,
    findings_by_code: by,
    totals: s.totals.map((t) => ({ item: t.item, expected: money(t, t.expected), register: money(t, t.register), difference: money(t, t.difference) })),
  };
}
