import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDays, type CivilDate } from '../dates/index.js';
import type { Company, RegisterRow } from '../model/index.js';
import { Decimal, ZERO, formatMoney, formatQuantity } from '../money/index.js';
import { auditRemittances } from '../remit/index.js';
import type { RuleBook } from '../rules/index.js';
import { FileSink } from './fileSink.js';
import { substream } from './prng.js';

/** One seeded error, as the reconciliation must report it. */
export interface SeededError {
  code: string;
  employee_id: string;
  pay_date: string;
  /** The item (register value key) for amount and wages findings. */
  item?: string;
  /** What was done to the partner's figures. */
  what: string;
  /** Line in register.csv (or in deposits.csv for deposit errors). */
  line?: number;
}

export interface Manifest {
  schema: 'payrecon/bench-manifest';
  version: 1;
  seed: number;
  error_rate: number;
  register: { file: string; profile: string; rows: number; noise_rows: number };
  deposits: { file: string; rows: number };
  /** Every finding the reconciliation must report, and nothing else: sorted by file, line. */
  errors: SeededError[];
}

interface Col {
  header: string;
  item?: string;
  items?: string[];
  negative?: boolean;
}

/** The provider-style register layout for a company whose expected register has `columns`. */
export function registerLayout(columns: readonly string[]): Col[] {
  const has = (c: string) => columns.includes(c);
  const cols: Col[] = [
    { header: 'File #' },
    { header: 'Employee Name' },
    { header: 'Check Date' },
    { header: 'Period Begin' },
    { header: 'Period End' },
    { header: 'Reg Hours', item: 'regular_hours' },
    { header: 'O/T Hours', item: 'overtime_hours' },
    { header: 'Regular Earnings', item: 'regular_pay' },
    { header: 'O/T Earnings', item: 'overtime_pay' },
    { header: 'D/T Earnings', item: 'doubletime_pay' },
    { header: 'PTO/Holiday Earnings', item: 'leave_pay' },
  ];
  if (has('bonus')) cols.push({ header: 'Bonus', item: 'bonus' });
  if (has('commission')) cols.push({ header: 'Commission', item: 'commission' });
  cols.push(
    { header: 'Gross Pay', item: 'gross' },
    { header: 'Federal Income Tax', item: 'us.fit' },
    { header: 'Social Security', item: 'us.ss.ee' },
    { header: 'Medicare', items: ['us.medicare.ee', 'us.medicare_addl.ee'] },
  );
  // State employee taxes, whatever components the state rule files define.
  for (const c of columns) {
    if (/^us\.[a-z]{2}\./.test(c) && !/^us\.(ss|fit|medicare|medicare_addl|futa)\./.test(c) && c !== 'us.fit' && !c.endsWith('.wages') && !c.endsWith('.er')) {
      cols.push({ header: `State ${c.slice(3).toUpperCase()}`, item: c });
    }
  }
  cols.push(
    { header: '401(k)', item: 'ded.401k', negative: true },
    { header: 'Roth 401(k)', item: 'ded.roth401k', negative: true },
    { header: 'Section 125', item: 'ded.sec125', negative: true },
    { header: 'HSA', item: 'ded.hsa', negative: true },
    { header: 'After-Tax Deduction', item: 'ded.post_tax', negative: true },
    { header: 'Net Pay', item: 'net_pay' },
    { header: 'Taxable Fed', item: 'us.fit.wages' },
    { header: 'Taxable OASDI', item: 'us.ss.ee.wages' },
    { header: 'Taxable Medicare', item: 'us.medicare.ee.wages' },
  );
  return cols.filter((c) => !c.item || has(c.item));
}

export function profileYaml(cols: readonly Col[]): string {
  const q = (s: string) => JSON.stringify(s);
  const lines = [
    '# Mapping profile of the synthetic partner register (src/bench/register.ts): a US provider check register.',
    'profile: 1',
    'name: Synthetic provider check register',
    'encoding: utf-8',
    'date_format: MM/dd/yyyy',
    'number:',
    '  decimal: "."',
    '  thousands: ","',
    'keys:',
    '  employee_id: "File #"',
    '  pay_date: Check Date',
    '  period_start: Period Begin',
    '  period_end: Period End',
    'columns:',
  ];
  for (const c of cols) {
    if (c.items) lines.push(`  ${q(c.header)}: [${c.items.join(', ')}]`);
    else if (c.item) lines.push(`  ${q(c.header)}: ${c.negative ? `{ item: ${c.item}, negative: true }` : c.item}`);
  }
  return lines.join('\n') + '\n';
}

const usDate = (d: string) => `${d.slice(5, 7)}/${d.slice(8, 10)}/${d.slice(0, 4)}`;

/** 1234567.5 → "1,234,567.50", quoted as a CSV cell when it has a comma. */
function usMoney(x: Decimal): string {
  const s = formatMoney(x);
  const neg = s.startsWith('-');
  const [int, frac] = (neg ? s.slice(1) : s).split('.');
  const withSep = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const out = `${neg ? '-' : ''}${withSep}.${frac}`;
  return withSep.includes(',') ? `"${out}"` : out;
}

const HOURS = new Set(['regular_hours', 'overtime_hours']);

type ErrorKind = 'fit' | 'ss_wages' | 'overtime' | 'medicare' | 'missing' | 'duplicate' | 'unknown' | 'unexpected';
const KINDS: ErrorKind[] = ['fit', 'ss_wages', 'overtime', 'medicare', 'missing', 'duplicate', 'unknown', 'unexpected'];

export interface RegisterResult {
  rows: number;
  noise: number;
  errors: SeededError[];
  /** Sum of every expected value per pay date (for the deposits). */
  totals: Map<CivilDate, Map<string, Decimal>>;
}

/**
 * Write the partner's register (register.csv in a provider layout, with its
 * mapping profile) from the expected register (fed row by row, sorted by pay
 * date then employee), perturbing a seeded share of rows. Streams.
 */
export function writeRegister(dir: string, company: Company, columns: readonly string[], seed: number, errorRate: number): { row: (r: RegisterRow) => void; close: () => RegisterResult } {
  const cols = registerLayout(columns);
  writeFileSync(join(dir, 'register-profile.yaml'), profileYaml(cols));
  const out = new FileSink(join(dir, 'register.csv'));
  out.write(cols.map((c) => (c.header.includes(',') ? `"${c.header}"` : c.header)).join(',') + '\n');
  const names = new Map<string, string>();
  const term = new Map<string, CivilDate>();
  const freq = new Map<string, string>();
  for (const [id, versions] of company.employees) {
    const last = versions[versions.length - 1]!;
    if (last.name) names.set(id, last.name);
    if (last.termination_date) term.set(id, last.termination_date);
    freq.set(id, last.pay_frequency);
  }
  // Periods that start after a terminated employee's last day: a seeded "still paid" row there.
  const afterTerm = new Map<CivilDate, Array<{ id: string; start: CivilDate; end: CivilDate }>>();
  const ids = [...term.keys()].sort();
  ids.forEach((id, n) => {
    if (!substream(seed, 11, n).chance(0.25)) return;
    const t = term.get(id)!;
    const p = company.calendar.find((c) => c.pay_frequency === freq.get(id) && c.period_start > t);
    if (!p) return;
    const l = afterTerm.get(p.pay_date) ?? [];
    l.push({ id, start: p.period_start, end: p.period_end });
    afterTerm.set(p.pay_date, l);
  });

  let line = 1;
  let index = 0;
  let noise = 0;
  const errors: SeededError[] = [];
  const totals = new Map<CivilDate, Map<string, Decimal>>();
  const lastValues = new Map<string, ReadonlyMap<string, Decimal>>();
  let curDate = '';
  let seenToday = new Set<string>();

  const emit = (id: string, payDate: string, start: string, end: string, values: ReadonlyMap<string, Decimal>): number => {
    const cells: string[] = [];
    for (const c of cols) {
      if (c.header === 'File #') cells.push(id);
      else if (c.header === 'Employee Name') cells.push(names.get(id) ?? '');
      else if (c.header === 'Check Date') cells.push(usDate(payDate));
      else if (c.header === 'Period Begin') cells.push(start ? usDate(start) : '');
      else if (c.header === 'Period End') cells.push(end ? usDate(end) : '');
      else {
        let v: Decimal | undefined;
        if (c.items) {
          for (const it of c.items) {
            const x = values.get(it);
            if (x) v = (v ?? ZERO).plus(x);
          }
        } else v = values.get(c.item!);
        if (v === undefined) cells.push('');
        else if (HOURS.has(c.item ?? '')) cells.push(formatQuantity(v));
        else cells.push(usMoney(c.negative ? v.negated() : v));
      }
    }
    out.write(cells.join(',') + '\n');
    return ++line;
  };

  const flushDate = () => {
    for (const p of afterTerm.get(curDate) ?? []) {
      if (seenToday.has(p.id)) continue;
      const v = lastValues.get(p.id);
      if (!v) continue;
      const l = emit(p.id, curDate, p.start, p.end, v);
      errors.push({ code: 'PAID_AFTER_TERMINATION', employee_id: p.id, pay_date: curDate, what: `paid for the period from ${p.start}, after termination on ${term.get(p.id)}`, line: l });
    }
  };

  const onRow = (row: RegisterRow): void => {
    if (row.pay_date !== curDate) {
      if (curDate) flushDate();
      curDate = row.pay_date;
      seenToday = new Set();
    }
    seenToday.add(row.employee_id);
    let t = totals.get(row.pay_date);
    if (!t) totals.set(row.pay_date, (t = new Map()));
    for (const [k, v] of row.values) t.set(k, (t.get(k) ?? ZERO).plus(v));
    if (term.has(row.employee_id)) lastValues.set(row.employee_id, row.values);

    const r = substream(seed, 10, index++);
    const values = new Map(row.values);
    const start = row.period_start ?? '';
    const end = row.period_end ?? '';
    const key = { employee_id: row.employee_id, pay_date: row.pay_date };
    if (!r.chance(errorRate)) {
      if (r.chance(0.005) && (values.get('us.ss.ee')?.gt('0.01') ?? false)) {
        // Rounding noise within the 0.01 tolerance: counted, not reported.
        values.set('us.ss.ee', values.get('us.ss.ee')!.plus(r.chance(0.5) ? '0.01' : '-0.01'));
        noise++;
      }
      emit(row.employee_id, row.pay_date, start, end, values);
      return;
    }
    let kind = r.pick(KINDS);
    const ot = values.get('overtime_pay');
    if (kind === 'overtime' && !(ot && ot.gte('0.10'))) kind = 'fit';
    if (kind === 'unexpected' && (freq.get(row.employee_id) !== 'biweekly' || term.has(row.employee_id))) kind = 'fit';
    if (kind === 'ss_wages' && !(values.get('us.ss.ee.wages')?.gte(1000) ?? false)) kind = 'fit';
    const delta = new Decimal(r.int(100, 5000)).div(100);
    const net = values.get('net_pay') ?? ZERO;
    switch (kind) {
      case 'fit': {
        values.set('us.fit', (values.get('us.fit') ?? ZERO).plus(delta));
        values.set('net_pay', net.minus(delta));
        errors.push({ ...key, code: 'AMOUNT_MISMATCH', item: 'us.fit', what: `federal income tax ${delta.toFixed(2)} too high`, line: emit(row.employee_id, row.pay_date, start, end, values) });
        break;
      }
      case 'medicare': {
        values.set('us.medicare.ee', (values.get('us.medicare.ee') ?? ZERO).plus(delta));
        values.set('net_pay', net.minus(delta));
        errors.push({ ...key, code: 'AMOUNT_MISMATCH', item: 'us.medicare.ee+us.medicare_addl.ee', what: `Medicare ${delta.toFixed(2)} too high`, line: emit(row.employee_id, row.pay_date, start, end, values) });
        break;
      }
      case 'ss_wages': {
        const w = values.get('us.ss.ee.wages')!;
        const cut = delta.times(10);
        values.set('us.ss.ee.wages', w.minus(cut));
        errors.push({ ...key, code: 'WAGES_MISMATCH', item: 'us.ss.ee.wages', what: `Social Security wages ${cut.toFixed(2)} too low`, line: emit(row.employee_id, row.pay_date, start, end, values) });
        break;
      }
      case 'overtime': {
        const straight = ot!.div('1.5').toDecimalPlaces(2);
        const d = ot!.minus(straight);
        values.set('overtime_pay', straight);
        values.set('gross', values.get('gross')!.minus(d));
        values.set('net_pay', net.minus(d));
        errors.push({ ...key, code: 'AMOUNT_MISMATCH', item: 'overtime_pay', what: 'overtime paid at straight time', line: emit(row.employee_id, row.pay_date, start, end, values) });
        break;
      }
      case 'missing':
        errors.push({ ...key, code: 'MISSING_IN_REGISTER', what: 'payslip left out of the register' });
        break;
      case 'duplicate': {
        emit(row.employee_id, row.pay_date, start, end, values);
        errors.push({ ...key, code: 'DUPLICATE_IN_REGISTER', what: 'payslip listed twice', line: emit(row.employee_id, row.pay_date, start, end, values) });
        break;
      }
      case 'unknown': {
        emit(row.employee_id, row.pay_date, start, end, values);
        const ghost = `X${row.employee_id.slice(1)}`;
        errors.push({ employee_id: ghost, pay_date: row.pay_date, code: 'UNKNOWN_EMPLOYEE', what: 'a payee not in employees.csv', line: emit(ghost, row.pay_date, start, end, values) });
        break;
      }
      case 'unexpected': {
        emit(row.employee_id, row.pay_date, start, end, values);
        const d = addDays(row.pay_date, 7);
        errors.push({
          employee_id: row.employee_id,
          pay_date: d,
          code: 'UNEXPECTED_IN_REGISTER',
          what: 'an extra check a week after a biweekly pay date',
          line: emit(row.employee_id, d, start ? addDays(start, 7) : '', end ? addDays(end, 7) : '', values),
        });
        break;
      }
    }
  };
  return {
    row: onRow,
    close: () => {
      if (curDate) flushDate();
      out.close();
      return { rows: line - 1, noise, errors, totals };
    },
  };
}

/**
 * deposits.csv: every Form 941 and FUTA deposit the company owes, paid on its
 * due date, except three seeded problems (one 8 days late, one short beyond
 * the safe harbor, one missing). Due dates and amounts come from the
 * remittance engine run on the expected totals per pay date.
 */
export function writeDeposits(dir: string, company: Company, book: RuleBook, totals: Map<CivilDate, Map<string, Decimal>>, seed: number): { rows: number; errors: SeededError[] } {
  const rows: RegisterRow[] = [...totals.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([pay_date, values]) => ({ employee_id: '*', pay_date, values }));
  const plan = auditRemittances({ rows, deposits: [], settings: company.settings, book });
  const obligations = plan.assessments.map((a) => a.obligation).filter((o) => o.amount.gt(0));
  const r = substream(seed, 20, 0);
  const errors: SeededError[] = [];
  const bad = new Map<number, 'late' | 'short' | 'missing'>();
  const candidates = obligations.map((_, i) => i).filter((i) => obligations[i]!.form === '941');
  for (const k of ['late', 'short', 'missing'] as const) {
    if (candidates.length === 0) break;
    const i = candidates.splice(r.int(0, candidates.length - 1), 1)[0]!;
    bad.set(i, k);
  }
  let csv = 'agency,form,tax_period,amount,paid_date,reference,liability_date\n';
  let line = 1;
  let n = 0;
  obligations.forEach((o, i) => {
    const last = o.liabilityDates[o.liabilityDates.length - 1]!;
    const k = bad.get(i);
    // Deposit findings name the first pay date of the liability and the item deposit.<form>.
    const base = { employee_id: '', pay_date: o.liabilityDates[0]!, item: `deposit.${o.form}` };
    if (k === 'missing') {
      errors.push({ ...base, code: 'DEPOSIT_MISSING', what: `Form ${o.form} deposit due ${o.due.due} not made` });
      return;
    }
    let amount = o.amount;
    let paid = o.due.due;
    if (k === 'late') paid = addDays(paid, 8);
    if (k === 'short') amount = amount.minus(Decimal.max(new Decimal(100), amount.times('0.02')).times(3)).toDecimalPlaces(2);
    if (amount.lte(0)) amount = new Decimal('0.01');
    n++;
    line++;
    csv += `EFTPS,${o.form},${o.returnPeriod},${formatMoney(amount)},${paid},EFT${String(n).padStart(6, '0')},${last}\n`;
    if (k === 'late') errors.push({ ...base, code: 'DEPOSIT_LATE', what: `Form ${o.form} deposit due ${o.due.due} paid 8 days late`, line });
    if (k === 'short') errors.push({ ...base, code: 'DEPOSIT_SHORT', what: `Form ${o.form} deposit due ${o.due.due} short beyond the safe harbor`, line });
  });
  writeFileSync(join(dir, 'deposits.csv'), csv);
  return { rows: n, errors };
}

export const MANIFEST_FILE = 'seeded-errors.json';

export function writeManifest(dir: string, seed: number, errorRate: number, reg: RegisterResult, dep: { rows: number; errors: SeededError[] }): Manifest {
  const byPlace = (a: SeededError, b: SeededError) => (a.pay_date < b.pay_date ? -1 : a.pay_date > b.pay_date ? 1 : a.employee_id < b.employee_id ? -1 : a.employee_id > b.employee_id ? 1 : a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  const m: Manifest = {
    schema: 'payrecon/bench-manifest',
    version: 1,
    seed,
    error_rate: errorRate,
    register: { file: 'register.csv', profile: 'register-profile.yaml', rows: reg.rows, noise_rows: reg.noise },
    deposits: { file: 'deposits.csv', rows: dep.rows },
    errors: [...reg.errors, ...dep.errors].sort(byPlace),
  };
  writeFileSync(join(dir, MANIFEST_FILE), JSON.stringify(m, null, 2) + '\n');
  return m;
}
