import { workweekStart, yearOf, type CivilDate } from '../dates/index.js';
import { InputError } from '../model/problems.js';
import { DEDUCTION_KINDS, PAY_FREQUENCIES, PERIODS_PER_YEAR, SlotValues, itemName, itemSlot, type PayFrequency, type Company, type Deduction, type Earning, type TimeSheet, type YtdBalance, type Employee, type PayPeriod, type RegisterRow } from '../model/index.js';
import { Decimal, ZERO, formatMoney } from '../money/index.js';
import type { RuleBook } from '../rules/index.js';
import { describeOvertimeRule } from './describeRule.js';
export { describeTaxRule } from './describeRule.js';
import { boundAt, type BoundJurisdiction, type BoundOvertime } from './boundRules.js';
import { DEDUCTION_SLOTS, PAY_SLOTS as S, planColumns, unknownYtdItems, type ColumnPlan } from './columns.js';
import { jurisdictionsFor } from './jurisdictions.js';
import type { TaxInput, TraceLine } from './methods/types.js';
import { deductionsOn } from './pay/deductions.js';
import { applyTaxes, type FieldsChecked } from './taxesForPayslip.js';
import { YearToDate, ytdSlots } from './yearToDate.js';
import { employeeVersionOn } from './pay/employeeVersion.js';
import { hourlyPay } from './pay/hourlyPay.js';
import { prorateSalary } from './pay/proration.js';
import { entriesBetween } from './pay/timeRange.js';
import type { PayslipTrace } from './payslipTrace.js';

export interface Payslip {
  row: RegisterRow;
  employee: Employee;
  trace?: PayslipTrace;
}

export interface ComputeOptions {
  /** Compute only this employee (explain). */
  employee?: string;
  /** Collect the trace of the payslips on this pay date (explain). */
  traceDate?: CivilDate;
}

export interface ComputeStats {
  payslips: number;
  timeEntriesUsed: number;
  earningsUsed: number;
}

interface YtdState {
  year: number;
  items: YearToDate;
  seeded: Set<number>;
}

/** One employee's inputs and year-to-date state, looked up once rather than once per payslip; which version's fields were checked last. */
interface EmployeeInputs extends FieldsChecked {
  sheet: TimeSheet | undefined;
  earnings: readonly Earning[];
  deductions: readonly Deduction[];
  opening: ReadonlyArray<YtdBalance & { line: number }> | undefined;
  ytd: YtdState | undefined;
  /** The version whose states `statesKey` holds (work state|resident state). */
  statesOf: Employee | undefined;
  statesKey: string | undefined;
}

/**
 * Re-compute every payslip of a company from its source data and the rule
 * book, pay date by pay date (employees in id order within a date), so the
 * expected register streams out already sorted. Pure: no I/O, no clock.
 */
export function* computePayslips(company: Company, book: RuleBook, opts: ComputeOptions = {}, stats: ComputeStats = { payslips: 0, timeEntriesUsed: 0, earningsUsed: 0 }): Generator<Payslip> {
  const plan = planColumns(company, book);
  const bad = unknownYtdItems(company, plan);
  if (bad.length) throw new InputError(bad);
  const slots = slotTables(plan);
  const ids = opts.employee ? [opts.employee] : [...company.employees.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const byDate = new Map<CivilDate, PayPeriod[]>();
  for (const p of company.calendar) {
    const l = byDate.get(p.pay_date);
    if (l) l.push(p);
    else byDate.set(p.pay_date, [p]);
  }
  // Per employee, the pay frequencies its versions use (a bit each): most employees are not paid on most
  // pay dates (another frequency's), and are passed over without looking up their version.
  const freqBit = (f: PayFrequency) => 1 << PAY_FREQUENCIES.indexOf(f);
  const idVersions = ids.map((id) => company.employees.get(id));
  const idFreqs = Uint8Array.from(idVersions, (vs) => (vs ?? []).reduce((m, v) => m | freqBit(v.pay_frequency), 0));
  const idInputs: Array<EmployeeInputs | undefined> = new Array(ids.length);
  for (const [payDate, periods] of byDate) {
    const dateFreqs = periods.reduce((m, p) => m | freqBit(p.pay_frequency), 0);
    const dateRules = new Map<string, StateRules>();
    for (let i = 0; i < ids.length; i++) {
      if ((idFreqs[i]! & dateFreqs) === 0) continue;
      const versions = idVersions[i]!;
      const emp = employeeVersionOn(versions, payDate);
      let period: PayPeriod | undefined;
      for (const p of periods) {
        if (p.pay_frequency !== emp.pay_frequency) continue;
        period = p; // (a loop, not find: no closure per employee and date)
        break;
      }
      if (!period) continue;
      let inputs = idInputs[i];
      if (!inputs) {
        const id = ids[i]!;
        idInputs[i] = inputs = { sheet: company.time.get(id), earnings: company.earnings.get(id) ?? [], deductions: company.deductions.get(id) ?? [], opening: company.ytd.get(id), ytd: undefined, checkedEmployee: undefined, checkedKey: undefined, statesOf: undefined, statesKey: undefined };
      }
      const slip = computeOne(company, book, emp, period, inputs, dateRules, slots, opts.traceDate === payDate, stats);
      if (slip) {
        stats.payslips++;
        yield slip;
      }
    }
  }
}

/** Convenience for small companies and tests: every payslip in memory. */
export function computeCompany(company: Company, book: RuleBook, opts: ComputeOptions = {}): { columns: string[]; plan: ColumnPlan; rows: RegisterRow[]; payslips: Payslip[]; stats: ComputeStats } {
  const stats: ComputeStats = { payslips: 0, timeEntriesUsed: 0, earningsUsed: 0 };
  const payslips = [...computePayslips(company, book, opts, stats)];
  const plan = planColumns(company, book);
  return { columns: plan.columns, plan, rows: payslips.map((p) => p.row), payslips, stats };
}

function ytdFor(inputs: EmployeeInputs, slots: ReadonlyMap<string, number>, payDate: CivilDate): YtdState {
  const year = yearOf(payDate);
  let st = inputs.ytd;
  if (!st || st.year !== year) {
    st = { year, items: new YearToDate(slots), seeded: new Set() };
    inputs.ytd = st;
  }
  const opening = inputs.opening;
  if (opening) {
    opening.forEach((b, i) => {
      if (!st!.seeded.has(i) && yearOf(b.as_of) === year && b.as_of < payDate) {
        st!.items.add(b.item, b.amount);
        st!.seeded.add(i);
      }
    });
  }
  return st;
}

/** A salaried employee version's pay per period (annual salary ÷ periods), divided once. */
const periodPayOf = new WeakMap<Employee, Decimal>();

/** The jurisdictions' bound components on a date, one array per (jurisdiction list, date): payslips share it. */
const boundLists = new WeakMap<RuleBook, WeakMap<readonly string[], Map<CivilDate, readonly BoundJurisdiction[]>>>();
function boundAll(book: RuleBook, jurisdictions: readonly string[], date: CivilDate): readonly BoundJurisdiction[] {
  let byList = boundLists.get(book);
  if (!byList) boundLists.set(book, (byList = new WeakMap()));
  let byDate = byList.get(jurisdictions);
  if (!byDate) byList.set(jurisdictions, (byDate = new Map()));
  let out = byDate.get(date);
  if (!out) byDate.set(date, (out = jurisdictions.map((j) => boundAt(book, j, date))));
  return out;
}

/** A computation's slot tables, made once from its column plan. */
interface SlotTables {
  /** Items kept year to date → their position (the plan's ytd items and `supplemental`). */
  ytd: ReadonlyMap<string, number>;
  /** Per item slot (itemSlot), its year-to-date position; -1: not kept (`supplemental` is added on its own). */
  ytdAt: Int32Array;
  /** The item slots of the plan's earning codes. */
  codes: Int32Array;
}

function slotTables(plan: ColumnPlan): SlotTables {
  const ytd = ytdSlots([...plan.ytdItems, 'supplemental']);
  const pairs = [...ytd].filter(([k]) => k !== 'supplemental').map(([k, i]) => [itemSlot(k), i] as const);
  const ytdAt = new Int32Array(Math.max(0, ...pairs.map(([s]) => s + 1))).fill(-1);
  for (const [s, i] of pairs) ytdAt[s] = i;
  return { ytd, ytdAt, codes: Int32Array.from(plan.earningCodes, itemSlot) };
}

/** The rules of a pay date for employees of one work state and resident state. */
interface StateRules {
  jurisdictions: readonly string[];
  bound: readonly BoundJurisdiction[];
  /** The overtime rule of the work state (the last jurisdiction's that has one for it). */
  overtime: BoundOvertime | undefined;
}

/** An employee's rules on a pay date, from the pay date's rules by states (`dateRules`, one map per pay date). */
function rulesFor(book: RuleBook, emp: Employee, payDate: CivilDate, inputs: EmployeeInputs, dateRules: Map<string, StateRules>): StateRules {
  if (inputs.statesOf !== emp) {
    inputs.statesOf = emp;
    inputs.statesKey = `${emp.work_state ?? ''}|${emp.resident_state ?? ''}`;
  }
  let r = dateRules.get(inputs.statesKey!);
  if (!r) {
    const jurisdictions = jurisdictionsFor(book, emp, payDate);
    const bound = boundAll(book, jurisdictions, payDate);
    let overtime: BoundOvertime | undefined;
    for (const b of bound) if (b.overtime && (!b.overtime.workStates || b.overtime.workStates.includes(emp.work_state ?? ''))) overtime = b.overtime;
    dateRules.set(inputs.statesKey!, (r = { jurisdictions, bound, overtime }));
  }
  return r;
}

function computeOne(
  company: Company,
  book: RuleBook,
  emp: Employee,
  period: PayPeriod,
  inputs: EmployeeInputs,
  dateRules: Map<string, StateRules>,
  slots: SlotTables,
  tracing: boolean,
  stats: ComputeStats,
): Payslip | undefined {
  const { settings } = company;
  const payDate = period.pay_date;
  const id = emp.employee_id;
  const employed = emp.hire_date <= period.period_end && (!emp.termination_date || emp.termination_date >= period.period_start);
  const earnings = inputs.earnings.length === 0 ? inputs.earnings : inputs.earnings.filter((e) => e.pay_date === payDate);
  if (!employed && earnings.length === 0) return undefined;

  const trace: PayslipTrace | undefined = tracing ? { inputs: [], items: [] } : undefined;
  const values = new SlotValues();
  const { jurisdictions, bound, overtime } = rulesFor(book, emp, payDate, inputs, dateRules);

  if (trace) {
    trace.inputs.push(
      { label: 'Employee', value: `${id}${emp.name ? ` (${emp.name})` : ''}`, ref: `employees.csv line ${emp.line}` },
      { label: 'Pay', value: `${emp.pay_type}, ${emp.pay_type === 'hourly' ? `${formatMoney(emp.pay_rate)} an hour` : `${formatMoney(emp.pay_rate)} a year`}, paid ${emp.pay_frequency}` },
      { label: 'Period', value: `${period.period_start} to ${period.period_end}, paid ${payDate}` },
      { label: 'Employed', value: `from ${emp.hire_date}${emp.termination_date ? ` to ${emp.termination_date}` : ''}` },
      { label: 'Work state', value: emp.work_state ?? '(none)' },
      { label: 'FLSA', value: emp.flsa_exempt ? 'exempt' : 'non-exempt' },
      { label: 'Jurisdictions', value: jurisdictions.join(', ') },
    );
  }

  // Pay for time or salary.
  let regularPay = ZERO, overtimePay = ZERO, doubletimePay = ZERO, leavePay = ZERO;
  const payLines: TraceLine[] = [];
  const otRule = overtime && !emp.flsa_exempt ? overtime : undefined;
  if (employed) {
    const sheet = inputs.sheet;
    // The entries the period's pay reads: from the start of the workweek holding its first day (overtime is
    // paid in the period holding the workweek's last day) to its last day.
    let entries = sheet ? sheet.between(workweekStart(period.period_start, settings.workweek_start), period.period_end) : [];
    const partial = emp.hire_date > period.period_start || (emp.termination_date && emp.termination_date < period.period_end);
    if (partial) {
      // Hours outside employment are not paid (they are reported by findUnpaidTime).
      entries = entries.filter((e) => e.date >= emp.hire_date && (!emp.termination_date || e.date <= emp.termination_date));
    }
    if (emp.pay_type === 'hourly') {
      const p = hourlyPay({ entries, periodStart: period.period_start, periodEnd: period.period_end, baseRate: emp.pay_rate, workweekStart: settings.workweek_start, overtime: otRule, trace: tracing });
      stats.timeEntriesUsed += p.entriesUsed;
      values.setSlot(S.regular_hours, p.regularHours);
      values.setSlot(S.overtime_hours, p.overtimeHours);
      values.setSlot(S.leave_hours, p.leaveHours);
      values.setSlot(S.doubletime_hours, p.doubletimeHours);
      regularPay = p.regularPay;
      overtimePay = p.overtimePay;
      doubletimePay = p.doubletimePay;
      leavePay = p.leavePay;
      payLines.push(...p.lines);
    } else {
      let periodPay = periodPayOf.get(emp);
      if (periodPay === undefined) periodPayOf.set(emp, (periodPay = emp.pay_rate.div(PERIODS_PER_YEAR[emp.pay_frequency])));
      const pr = prorateSalary(periodPay, { start: period.period_start, end: period.period_end }, emp.hire_date, emp.termination_date, settings.proration);
      regularPay = pr.amount;
      if (tracing) payLines.push({ label: `Annual salary ÷ ${PERIODS_PER_YEAR[emp.pay_frequency]} periods`, value: periodPay.toDecimalPlaces(6).toString() });
      if (tracing && pr.prorated) payLines.push({ label: `Prorated (${settings.proration}): ${pr.employedDays} of ${pr.periodDays} days employed`, value: formatMoney(pr.amount) });
      if (otRule) {
        const threshold = (otRule.params as { weekly_threshold?: Decimal }).weekly_threshold ?? new Decimal(40);
        const p = hourlyPay({ entries, periodStart: period.period_start, periodEnd: period.period_end, baseRate: ZERO, workweekStart: settings.workweek_start, overtime: otRule, salariedRegularRate: emp.pay_rate.div(52).div(threshold), trace: tracing });
        stats.timeEntriesUsed += p.entriesUsed;
        overtimePay = p.overtimePay;
        doubletimePay = p.doubletimePay;
        if (p.overtimeHours.gt(0)) values.setSlot(S.overtime_hours, p.overtimeHours);
        if (p.doubletimeHours.gt(0)) values.setSlot(S.doubletime_hours, p.doubletimeHours);
        payLines.push(...p.lines);
      } else {
        // Salaried exempt: time entries are informational; count them as used by the salary.
        stats.timeEntriesUsed += partial ? entriesBetween(entries, period.period_start, period.period_end).length : (sheet?.countBetween(period.period_start, period.period_end) ?? 0);
      }
    }
  }
  values.setSlot(S.regular_pay, regularPay);
  values.setSlot(S.overtime_pay, overtimePay);
  values.setSlot(S.doubletime_pay, doubletimePay);
  values.setSlot(S.leave_pay, leavePay);

  let supplemental = ZERO;
  const codeSlots = slots.codes;
  for (let i = 0; i < codeSlots.length; i++) values.setSlot(codeSlots[i]!, ZERO);
  for (const e of earnings) {
    const at = itemSlot(e.code);
    values.setSlot(at, values.getSlot(at)!.plus(e.amount));
    supplemental = supplemental.plus(e.amount);
    stats.earningsUsed++;
  }
  const gross = regularPay.plus(overtimePay).plus(doubletimePay).plus(leavePay).plus(supplemental);
  values.setSlot(S.gross, gross);
  if (gross.isZero() && !(values.getSlot(S.regular_hours)?.gt(0) || values.getSlot(S.leave_hours)?.gt(0))) return undefined;
  if (trace) {
    payLines.push({ label: 'Supplemental earnings (earnings.csv)', value: formatMoney(supplemental) });
    payLines.push({ label: 'Gross pay', value: formatMoney(gross) });
    trace.items.push({ item: 'gross', title: 'Gross pay', rule: otRule ? describeOvertimeRule(otRule) : undefined, lines: payLines });
  }

  // Deductions in force on the pay date.
  const { byKind: ded, total: deductionsTotal, lines: dedLines } = deductionsOn(inputs.deductions, payDate, gross, tracing);
  DEDUCTION_KINDS.forEach((k, i) => values.setSlot(DEDUCTION_SLOTS[i]!, ded.get(k) ?? ZERO));
  if (trace && dedLines.length) trace.items.push({ item: 'deductions', title: 'Deductions', lines: dedLines });

  // Taxes.
  const st = ytdFor(inputs, slots.ytd, payDate);
  const ytd = (item: string) => st.items.get(item);
  // One literal with every field, so each payslip's input has the same shape (the methods' hot reads stay fast).
  const base: TaxInput = { employee: emp, payDate, periodStart: period.period_start, periodEnd: period.period_end, frequency: emp.pay_frequency, periodsPerYear: PERIODS_PER_YEAR[emp.pay_frequency], settings, gross, wages: gross, supplemental, ytd, componentId: '', wagesId: '', trace: tracing };
  const employeeTaxes = applyTaxes(bound, base, ded, values, trace, inputs);
  const net = gross.minus(deductionsTotal).minus(employeeTaxes);
  values.setSlot(S.net_pay, net);
  if (trace) trace.items.push({ item: 'net_pay', title: 'Net pay', lines: [{ label: 'Gross − deductions − employee taxes', value: `${formatMoney(gross)} − ${formatMoney(deductionsTotal)} − ${formatMoney(employeeTaxes)} = ${formatMoney(net)}` }] });

  // Year to date after this payslip: the items methods read (each tax and its wages) and supplemental wages.
  // (each value whose item is kept year to date, found by its item slot; `supplemental` is added below)
  const { ytdAt } = slots;
  values.forEachSlot((v, s) => {
    const i = s < ytdAt.length ? ytdAt[s]! : -1;
    if (i >= 0 && !v.isZero()) st.items.addAt(i, itemName(s), v);
  });
  if (!supplemental.isZero()) st.items.add('supplemental', supplemental);

  if (emp.pay_type === 'salaried') for (const h of ['regular_hours', 'leave_hours']) values.delete(h);
  return {
    row: { employee_id: id, pay_date: payDate, period_start: period.period_start, period_end: period.period_end, values },
    employee: emp,
    trace,
  };
}
