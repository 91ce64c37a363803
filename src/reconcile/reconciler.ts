import type { Finding, RegisterRow } from '../model/index.js';
import { itemsOfKey } from '../model/registerProfile.js';
import { Tally, formatMoney } from '../money/index.js';
import { comparePayslip, type CompareContext } from './compare.js';
import { indexEmployees, who } from './employeeIndex.js';
import { toleranceLookup } from './tolerance.js';
import type { Accounting, ComparisonCounts, EmployeeFacts, ExpectedRow, ItemTotal, ReconcileOptions, ReconcileResult, RejectedRow, RowProblem } from './types.js';

function formatProblem(p: RowProblem): string {
  return [p.file, p.line !== undefined ? `line ${p.line}` : undefined, p.column ? `column "${p.column}"` : undefined].filter(Boolean).join(', ') + `: ${p.message}`;
}

const UNSEEN = 0, MATCHED = 1, REJECTED = 2;

const keyOf = (employee_id: string, pay_date: string) => `${employee_id}\u0000${pay_date}`;

function netOf(row: RegisterRow): string {
  const n = row.values.get('net_pay');
  return n ? formatMoney(n) : '';
}

/**
 * Matches the partner's register rows to the expected payslips by
 * (employee_id, pay_date) in one pass: the expected register is indexed once
 * in a hash map, register rows stream past it (`row`, `reject`), and `finish`
 * reports what was never seen. Nothing is paired by guesswork: a row that
 * does not match exactly one expected payslip is reported.
 */
export class Reconciler {
  private readonly expected: readonly ExpectedRow[];
  private readonly index = new Map<string, number>();
  private readonly state: Uint8Array;
  private readonly seenUnexpected = new Map<string, number>();
  private readonly matchedLine: Uint32Array;
  private readonly employees: ReadonlyMap<string, EmployeeFacts>;
  private readonly opts: ReconcileOptions;
  private readonly ctx: CompareContext;
  private readonly findings: Finding[] = [];
  private readonly registerTotals = new Map<string, Tally>();
  readonly accounting: Accounting;
  readonly counts: ComparisonCounts = { compared: 0, exact: 0, withinTolerance: 0, explained: 0, mismatched: 0 };

  constructor(opts: ReconcileOptions) {
    this.opts = opts;
    this.expected = opts.expected;
    this.state = new Uint8Array(opts.expected.length);
    this.matchedLine = new Uint32Array(opts.expected.length);
    opts.expected.forEach((r, i) => {
      const k = keyOf(r.employee_id, r.pay_date);
      if (this.index.has(k)) throw new Error(`expected register has two payslips for ${r.employee_id} on ${r.pay_date}`);
      this.index.set(k, i);
    });
    const e = opts.employees;
    this.employees = e instanceof Map ? (e as ReadonlyMap<string, EmployeeFacts>) : indexEmployees(e as Iterable<EmployeeFacts>);
    const ruleFor = opts.ruleFor ?? ((row: ExpectedRow, item: string) => row.rules?.get(item));
    this.ctx = {
      tolerance: toleranceLookup(opts.tolerance),
      ruleFor,
      ...(opts.alternatives ? { alternatives: opts.alternatives } : {}),
      counts: this.counts,
      findings: this.findings,
    };
    this.accounting = {
      register: { read: 0, matched: 0, unexpected: 0, unknownEmployee: 0, paidAfterTermination: 0, duplicate: 0, rejected: 0 },
      expected: { rows: opts.expected.length, matched: 0, missing: 0, rejectedInRegister: 0 },
    };
  }

  /** Items the register feeds, so their totals show even when every cell is empty. */
  declareItems(keys: Iterable<string>): void {
    for (const k of keys) this.registerTotal(k);
  }

  row(reg: RegisterRow): void {
    const acc = this.accounting.register;
    acc.read++;
    if (this.opts.itemTotals !== false) for (const [k, v] of reg.values) this.registerTotal(k).add(v);
    const key = keyOf(reg.employee_id, reg.pay_date);
    const idx = this.index.get(key);
    // The common case first, with nothing allocated for messages.
    if (idx !== undefined && this.state[idx] === UNSEEN) {
      this.matched(idx, reg.origin?.line);
      comparePayslip(this.ctx, this.expected[idx]!, reg, this.employees.get(reg.employee_id));
      return;
    }
    const emp = this.employees.get(reg.employee_id);
    const where = reg.origin ? `${reg.origin.file} line ${reg.origin.line}` : '';
    const base = { employee_id: reg.employee_id, pay_date: reg.pay_date, actual: netOf(reg), ...(reg.origin ? { details: { register_line: reg.origin.line } } : {}) };
    const first = idx !== undefined ? this.matchedLine[idx] || undefined : this.seenUnexpected.get(key);
    if ((idx !== undefined && this.state[idx] === MATCHED) || this.seenUnexpected.has(key)) {
      acc.duplicate++;
      this.findings.push({
        ...base,
        severity: 'error',
        code: 'DUPLICATE_IN_REGISTER',
        message: `${who(reg.employee_id, emp)} appears twice in the register for pay date ${reg.pay_date}${first ? ` (first at line ${first})` : ''}: paid twice? This row was not compared${where ? ` (${where})` : ''}`,
      });
      return;
    }
    if (idx !== undefined) {
      // The same key was on a row we had to reject; this one is a second row for the payslip.
      acc.duplicate++;
      this.findings.push({
        ...base,
        severity: 'error',
        code: 'DUPLICATE_IN_REGISTER',
        message: `${who(reg.employee_id, emp)} appears twice in the register for pay date ${reg.pay_date} (the other row was rejected): paid twice?${where ? ` (${where})` : ''}`,
      });
      return;
    }
    this.seenUnexpected.set(key, reg.origin?.line ?? 0);
    if (!emp) {
      acc.unknownEmployee++;
      this.findings.push({
        ...base,
        severity: 'error',
        code: 'UNKNOWN_EMPLOYEE',
        message: `The register pays employee ${reg.employee_id} on ${reg.pay_date}${base.actual ? ` (net ${base.actual})` : ''}, who is not in employees.csv${where ? ` (${where})` : ''}`,
      });
      return;
    }
    const term = emp.termination_date;
    if (term) {
      const start = reg.period_start ?? this.opts.periodOf?.(reg.employee_id, reg.pay_date)?.start;
      if ((start !== undefined && start > term) || (start === undefined && reg.pay_date > term)) {
        acc.paidAfterTermination++;
        this.findings.push({
          ...base,
          severity: 'error',
          code: 'PAID_AFTER_TERMINATION',
          message:
            start !== undefined
              ? `${who(reg.employee_id, emp)} was terminated on ${term} but paid${base.actual ? ` ${base.actual}` : ''} for the period starting ${start} (pay date ${reg.pay_date})${where ? ` (${where})` : ''}`
              : `${who(reg.employee_id, emp)} was terminated on ${term} but paid${base.actual ? ` ${base.actual}` : ''} on ${reg.pay_date}, with no payslip expected then${where ? ` (${where})` : ''}`,
          details: { ...(base.details ?? {}), termination_date: term, ...(start ? { period_start: start } : {}) },
        });
        return;
      }
    }
    acc.unexpected++;
    this.findings.push({
      ...base,
      severity: 'error',
      code: 'UNEXPECTED_IN_REGISTER',
      message: `The register pays ${who(reg.employee_id, emp)} on ${reg.pay_date}${base.actual ? ` (net ${base.actual})` : ''}, but no payslip is expected for that pay date${where ? ` (${where})` : ''}`,
    });
  }

  /**
   * The expected payslip a register row's key matches when it has not been
   * seen yet (its index in `expected`), else -1. Changes nothing: a caller
   * that finds the row equal to it calls `matchedExactly`, any other `row`.
   */
  unseenIndex(employee_id: string, pay_date: string): number {
    const idx = this.index.get(keyOf(employee_id, pay_date));
    return idx !== undefined && this.state[idx] === UNSEEN ? idx : -1;
  }

  /**
   * What `row` does for a register row (at `line`) that matches the unseen
   * expected payslip `idx` and equals it exactly on each of the `compared`
   * values it gives (the caller compared them): matched, counted as exact,
   * nothing to report. The row's values, for the register totals: `cents[at + j]`
   * for the item key `keys[j]` (NaN: no value).
   */
  matchedExactly(idx: number, line: number, compared: number, keys: readonly string[], cents: Float64Array, at: number): void {
    this.accounting.register.read++;
    if (this.opts.itemTotals !== false)
      for (let j = 0; j < keys.length; j++) {
        const c = cents[at + j]!;
        if (c === c) this.registerTotal(keys[j]!).addCents(c);
      }
    this.matched(idx, line);
    this.counts.compared += compared;
    this.counts.exact += compared;
  }

  /** The expected payslip idx is matched, by the register row at `line`. */
  private matched(idx: number, line: number | undefined): void {
    this.state[idx] = MATCHED;
    if (line !== undefined) this.matchedLine[idx] = line;
    this.accounting.register.matched++;
    this.accounting.expected.matched++;
  }

  /** The register total of an item key (made at its first value). */
  private registerTotal(key: string): Tally {
    let t = this.registerTotals.get(key);
    if (!t) this.registerTotals.set(key, (t = new Tally()));
    return t;
  }

  reject(rej: RejectedRow): void {
    this.accounting.register.read++;
    this.accounting.register.rejected++;
    if (rej.employee_id !== undefined && rej.pay_date !== undefined) {
      const idx = this.index.get(keyOf(rej.employee_id, rej.pay_date));
      if (idx !== undefined && this.state[idx] === UNSEEN) {
        this.state[idx] = REJECTED;
        this.accounting.expected.rejectedInRegister++;
      }
    }
    const first = rej.problems[0]!;
    const more = rej.problems.length > 1 ? ` (and ${rej.problems.length - 1} more problem${rej.problems.length > 2 ? 's' : ''} on this row)` : '';
    this.findings.push({
      severity: 'error',
      code: 'REJECTED_ROW',
      employee_id: rej.employee_id ?? '',
      pay_date: rej.pay_date ?? '',
      message: `Register row not usable, not compared: ${formatProblem(first)}${more}`,
      details: { file: rej.file, line: rej.line, problems: rej.problems.map((p) => ({ line: p.line, column: p.column ?? '', message: p.message })) },
    });
  }

  finish(): ReconcileResult {
    const acc = this.accounting.expected;
    this.expected.forEach((r, i) => {
      if (this.state[i] !== UNSEEN) return;
      acc.missing++;
      const net = r.values.get('net_pay');
      this.findings.push({
        severity: 'error',
        code: 'MISSING_IN_REGISTER',
        employee_id: r.employee_id,
        pay_date: r.pay_date,
        expected: net ? formatMoney(net) : '',
        message: `No row in the register for ${who(r.employee_id, this.employees.get(r.employee_id))} on ${r.pay_date}${
          r.period_start && r.period_end ? ` (period ${r.period_start} to ${r.period_end})` : ''
        }${net ? `: expected net pay ${formatMoney(net)}` : ''}. Not paid?`,
        rule: '',
      });
    });
    return { findings: this.findings, accounting: this.accounting, comparisons: this.counts, totals: this.totals() };
  }

  private totals(): ItemTotal[] {
    if (this.opts.itemTotals === false) return [];
    // One pass over the expected rows, a running total per item the register's keys name.
    const byItem = new Map<string, Tally>();
    for (const key of this.registerTotals.keys()) for (const p of itemsOfKey(key)) if (!byItem.has(p)) byItem.set(p, new Tally());
    const items = [...byItem];
    for (const r of this.expected) {
      for (const [p, t] of items) {
        const v = r.values.get(p);
        if (v) t.add(v);
      }
    }
    const out: ItemTotal[] = [];
    for (const [key, register] of this.registerTotals) {
      const sum = new Tally();
      for (const p of itemsOfKey(key)) sum.addTally(byItem.get(p)!);
      const expected = sum.value;
      const reg = register.value;
      out.push({ item: key, expected, register: reg, difference: reg.minus(expected) });
    }
    return out;
  }
}

/** Reconcile in memory: every register row and rejected row, then the missing payslips. */
export function reconcile(opts: ReconcileOptions, register: Iterable<RegisterRow>, rejected: Iterable<RejectedRow> = []): ReconcileResult {
  const r = new Reconciler(opts);
  for (const row of register) r.row(row);
  for (const rej of rejected) r.reject(rej);
  return r.finish();
}
