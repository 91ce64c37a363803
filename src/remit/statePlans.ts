import { addDays, dayOfWeek, WEEKDAY_NAMES, type CivilDate } from '../dates/index.js';
import { sum, ZERO, type Decimal } from '../money/index.js';
import { addBusinessDays, type BusinessCalendar } from '../calc/calendar/index.js';
import { RuleError } from '../rules/index.js';
import type { AgencyForm, AgencyRules } from './agencyRules.js';
import { applyDayRule, labelDate, monthlyDueDate, rolledDueDate, semiweeklyDueDate, type DueDate } from './dueDates.js';
import type { PayDateLiability } from './liabilities.js';
import type { Obligation, ObligationKind } from './obligations.js';
import { monthEnd, monthKey, quarterEnd, quarterKey, returnPeriodEnd, returnPeriodKey } from './periods.js';
import { accumulatedTiersSchema, afterPayrollSchema, type FormDef } from './ruleShapes.js';

/**
 * Deposit planners of the state kinds (`deposit_rules` of a form other than
 * the federal `schedule` and `quarterly_accumulation`): each turns the
 * liabilities of one return by pay date into obligations with due dates on
 * the agency's own calendar. Pure.
 */

/** The employer's federal deposit schedule on a payday, as the state rules need it. */
export type FederalScheduleOn = 'next_day' | 'semiweekly' | 'monthly';

/** What a state planner may ask of the federal audit (California follows the federal schedule). */
export interface FederalContext {
  /** The federal schedule of a payday: `next_day` when the $100,000 rule was reached that day, `monthly` also for a de minimis quarter. */
  scheduleOn(payDate: CivilDate): FederalScheduleOn;
  /** How the federal schedule was determined (for notes). */
  reason: string;
}

export interface StatePlanContext {
  agency: AgencyRules;
  cal: BusinessCalendar;
  federal: FederalContext;
  /** payrecon.yaml, for settings a schedule names (`ny_filer`). */
  settings: Readonly<Record<string, unknown>>;
}

export interface StatePlan {
  obligations: Obligation[];
  notes: string[];
}

/** The form in force on a date (by parameter name). */
function formAt(ctx: StatePlanContext, param: string, date: CivilDate): AgencyForm {
  const f = ctx.agency.forms(date).find((x) => x.param === param);
  if (!f) throw new RuleError(`${ctx.agency.jurisdiction}: no ${param} on ${date}`);
  return f;
}

/** The return's due date for the return period holding `date`, rolled on the agency calendar. */
export function stateReturnDue(cal: BusinessCalendar, date: CivilDate, f: AgencyForm): DueDate {
  const key = returnPeriodKey(date, f.def.return_period);
  const end = returnPeriodEnd(key);
  return rolledDueDate(cal, applyDayRule(end, f.def.return_due), `${f.code} return due date for ${key}`);
}

function makeObligation(ctx: StatePlanContext, f: AgencyForm, pending: readonly PayDateLiability[], kind: ObligationKind, due: DueDate, period: string, params: string[]): Obligation {
  const first = pending[0]!.payDate;
  return {
    id: `${ctx.agency.jurisdiction}:${f.code}:${kind}:${first}`,
    agency: f.def.agency,
    jurisdiction: ctx.agency.jurisdiction,
    form: f.code,
    label: f.def.label ?? f.code,
    returnPeriod: returnPeriodKey(first, f.def.return_period),
    period,
    kind,
    schedule: 'monthly',
    liabilityDates: pending.map((l) => l.payDate),
    amount: sum(pending.map((l) => l.amount)),
    due,
    returnDue: stateReturnDue(ctx.cal, first, f).due,
    params,
    rulesDate: first,
  };
}

/** Why a group was paid with the return. */
function withReturn(ctx: StatePlanContext, f: AgencyForm, pending: readonly PayDateLiability[], why: string, params: string[]): Obligation {
  const first = pending[0]!.payDate;
  const d = stateReturnDue(ctx.cal, first, f);
  return makeObligation(ctx, f, pending, 'quarterly', { ...d, why: `${why}: ${d.why}` }, returnPeriodKey(first, f.def.return_period), [...params, f.param]);
}

const span = (ls: readonly PayDateLiability[]) => (ls.length === 1 ? ls[0]!.payDate : `${ls[0]!.payDate}..${ls[ls.length - 1]!.payDate}`);
const usd = (d: Decimal) => `$${d.toFixed(2)}`;

/** `with_return` (California UI and ETT): each return period's liability is due with the return. */
export function planWithReturn(liabs: readonly PayDateLiability[], param: string, ctx: StatePlanContext): StatePlan {
  const groups = new Map<string, PayDateLiability[]>();
  for (const l of liabs) {
    const f = formAt(ctx, param, l.payDate);
    const k = returnPeriodKey(l.payDate, f.def.return_period);
    const g = groups.get(k);
    if (g) g.push(l);
    else groups.set(k, [l]);
  }
  const obligations = [...groups.values()].map((g) => {
    const f = formAt(ctx, param, g[0]!.payDate);
    return withReturn(ctx, f, g, `${f.def.label ?? f.code}: due with the return`, []);
  });
  return { obligations, notes: [] };
}

interface Step {
  kind: ObligationKind;
  due: DueDate;
  /** Last day a later payday still joins this deposit. */
  windowEnd: CivilDate;
  period: string;
  params: string[];
}

/**
 * The accumulation loop shared by the state kinds: paydays join an open
 * group (never across return periods); `evaluate` says after each payday
 * whether the group is due, when, and until which day later paydays still
 * join it. A group that never becomes due is paid with the return.
 */
function planAccumulation(
  liabs: readonly PayDateLiability[],
  param: string,
  ctx: StatePlanContext,
  evaluate: (group: readonly PayDateLiability[], current: Step | undefined, f: AgencyForm) => Step | undefined,
  belowWhy: (group: readonly PayDateLiability[], f: AgencyForm) => string,
  belowParams: string[],
): Obligation[] {
  const out: Obligation[] = [];
  let group: PayDateLiability[] = [];
  let step: Step | undefined;
  let period: string | undefined;
  const close = () => {
    if (group.length === 0) return;
    const f = formAt(ctx, param, group[0]!.payDate);
    out.push(step ? makeObligation(ctx, f, group, step.kind, step.due, step.period, step.params) : withReturn(ctx, f, group, belowWhy(group, f), belowParams));
    group = [];
    step = undefined;
  };
  for (const l of liabs) {
    const f = formAt(ctx, param, l.payDate);
    const rp = returnPeriodKey(l.payDate, f.def.return_period);
    if (group.length && (rp !== period || (step && l.payDate > step.windowEnd))) close();
    period = rp;
    group.push(l);
    step = evaluate(group, step, f);
  }
  close();
  return out;
}

/**
 * `accumulated_tiers` (California PIT and SDI, EDD deposit table): after each
 * payday, the accumulated amount of the tested items decides when everything
 * accumulated is due — under $350 with the quarterly return; from $350 the
 * 15th of the following month; over $500 by the employer's federal schedule
 * of that payday (next business day after a federal next-day payday, the
 * federal semiweekly date, the 15th for a federal monthly depositor). A later
 * payday that moves the group to an earlier date moves all of it.
 */
export function planAccumulatedTiers(liabs: readonly PayDateLiability[], param: string, ctx: StatePlanContext): StatePlan {
  const schedName = (f: FormDef) => f.schedule!;
  const evaluate = (group: readonly PayDateLiability[], current: Step | undefined, f: AgencyForm): Step | undefined => {
    const name = schedName(f.def);
    const l = group[group.length - 1]!;
    const t = ctx.agency.get(name, accumulatedTiersSchema, l.payDate).value;
    const tested = sum(group.flatMap((g) => t.accumulated.map((i) => g.byItem.get(i) ?? ZERO)));
    if (tested.lessThan(t.monthly_from)) return current;
    const fed = ctx.federal.scheduleOn(l.payDate);
    const tier = tested.greaterThan(t.federal_schedule_over) ? t.by_federal_schedule[fed] : 'monthly';
    const acc = `accumulated ${t.accumulated.join('+')} ${usd(tested)}`;
    let cand: Step;
    if (tier === 'next_day') {
      const due = addBusinessDays(ctx.cal, l.payDate, t.next_day.business_days_after);
      cand = {
        kind: 'next_day',
        due: { due, nominal: due, why: `${acc} is over $${t.federal_schedule_over.toFixed(0)} on a federal next-day payday: the next business day after ${labelDate(l.payDate)}: ${labelDate(due)}` },
        windowEnd: l.payDate,
        period: span(group),
        params: [name],
      };
    } else if (tier === 'semiweekly') {
      const d = semiweeklyDueDate(ctx.cal, l.payDate, t.semiweekly);
      cand = {
        kind: 'semiweekly',
        due: { ...d, why: `${acc} is over $${t.federal_schedule_over.toFixed(0)} and the federal schedule is semiweekly: ${d.why}` },
        windowEnd: d.periodEnd,
        period: `${d.periodStart}..${d.periodEnd}`,
        params: [name],
      };
    } else {
      const d = monthlyDueDate(ctx.cal, l.payDate, t.monthly);
      const why = tested.greaterThan(t.federal_schedule_over)
        ? `${acc} is over $${t.federal_schedule_over.toFixed(0)} and the federal schedule is ${fed}`
        : `${acc} is $${t.monthly_from.toFixed(0)} or more (not over $${t.federal_schedule_over.toFixed(0)})`;
      cand = { kind: 'monthly', due: { ...d, why: `${why}: ${d.why}` }, windowEnd: monthEnd(l.payDate), period: monthKey(l.payDate), params: [name] };
    }
    if (current && current.due.due <= cand.due.due) return current;
    if (current) cand.period = span(group);
    return cand;
  };
  const obligations = planAccumulation(
    liabs,
    param,
    ctx,
    evaluate,
    (group, f) => {
      const t = ctx.agency.get(schedName(f.def), accumulatedTiersSchema, group[0]!.payDate).value;
      const tested = sum(group.flatMap((g) => t.accumulated.map((i) => g.byItem.get(i) ?? ZERO)));
      return `accumulated ${t.accumulated.join('+')} ${usd(tested)} stayed under $${t.with_return_below.toFixed(0)} to the end of ${quarterKey(group[0]!.payDate)}, so it is due with the quarterly return`;
    },
    [],
  );
  for (const o of obligations) if (o.kind === 'quarterly') o.params.unshift(formAt(ctx, param, o.rulesDate).def.schedule!);
  return { obligations, notes: [] };
}

/** The filer class and its business days for an `after_payroll` schedule, from payrecon.yaml. */
export function afterPayrollFiler(ctx: Pick<StatePlanContext, 'settings'>, s: { filer: { setting: string; default: string; business_days: Record<string, number> } }): { filer: string; days: number; stated: boolean } {
  const raw = ctx.settings[s.filer.setting];
  const filer = raw === undefined || raw === null ? s.filer.default : String(raw);
  const days = s.filer.business_days[filer];
  if (days === undefined) {
    throw new RuleError(`payrecon.yaml: ${s.filer.setting}: "${filer}" is not one of ${Object.keys(s.filer.business_days).join(', ')}`);
  }
  return { filer, days, stated: raw !== undefined && raw !== null };
}

/**
 * `after_payroll` (New York NYS-1): after the payroll that brings the amount
 * accumulated since the last deposit to the threshold ($700) or more, the
 * deposit is due N business days later (3-day or 5-day filer); later payrolls
 * of the same week (Sunday–Saturday) join it and the N days count from the
 * last of them. Under the threshold at the end of the quarter: with the
 * quarterly return (NYS-45).
 */
export function planAfterPayroll(liabs: readonly PayDateLiability[], param: string, ctx: StatePlanContext): StatePlan {
  const notes: string[] = [];
  const noted = new Set<string>();
  const evaluate = (group: readonly PayDateLiability[], current: Step | undefined, f: AgencyForm): Step | undefined => {
    const name = f.def.schedule!;
    const l = group[group.length - 1]!;
    const s = ctx.agency.get(name, afterPayrollSchema, l.payDate).value;
    const { filer, days, stated } = afterPayrollFiler(ctx, s);
    const note = stated ? `${f.def.agency}: ${filer} filer (${s.filer.setting} in payrecon.yaml)` : `${f.def.agency}: ${filer} filer assumed (payrecon.yaml has no ${s.filer.setting}; ${s.filer.default} is the rule for a new employer)`;
    if (!noted.has(note)) {
      noted.add(note);
      notes.push(note);
    }
    const total = sum(group.map((g) => g.amount));
    if (!current && total.lessThan(s.threshold)) return undefined;
    // Later payrolls of the week (week_starts to the day before) of the payroll that reached the threshold join the deposit; never past the quarter.
    let windowEnd = current?.windowEnd;
    if (!windowEnd) {
      const start = WEEKDAY_NAMES.indexOf(s.week_starts);
      const weekEnd = addDays(l.payDate, 6 - ((dayOfWeek(l.payDate) - start + 7) % 7));
      const qEnd = quarterEnd(l.payDate);
      windowEnd = weekEnd < qEnd ? weekEnd : qEnd;
    }
    const due = addBusinessDays(ctx.cal, l.payDate, days);
    const why = `accumulated ${usd(total)} reached $${s.threshold.toFixed(0)}: ${days} business days after the payroll of ${labelDate(l.payDate)}${current ? ' (the last payroll of the week)' : ''} (${filer} filer): ${labelDate(due)}`;
    return { kind: 'after_payroll', due: { due, nominal: due, why }, windowEnd, period: span(group), params: [name] };
  };
  const obligations = planAccumulation(
    liabs,
    param,
    ctx,
    evaluate,
    (group, f) => {
      const s = ctx.agency.get(f.def.schedule!, afterPayrollSchema, group[0]!.payDate).value;
      return `accumulated ${usd(sum(group.map((g) => g.amount)))} stayed under $${s.threshold.toFixed(0)} to the end of ${quarterKey(group[0]!.payDate)}, so it is due with the quarterly return`;
    },
    [],
  );
  for (const o of obligations) if (o.kind === 'quarterly') o.params.unshift(formAt(ctx, param, o.rulesDate).def.schedule!);
  return { obligations, notes };
}

/** The planner of each state `deposit_rules` kind. */
export const STATE_PLANNERS: Record<'accumulated_tiers' | 'after_payroll' | 'with_return', (liabs: readonly PayDateLiability[], param: string, ctx: StatePlanContext) => StatePlan> = {
  accumulated_tiers: planAccumulatedTiers,
  after_payroll: planAfterPayroll,
  with_return: planWithReturn,
};
