import { addDays, yearOf, type CivilDate } from '../dates/index.js';
import { sum, ZERO, type Decimal } from '../money/index.js';
import type { BusinessCalendar } from '../calc/calendar/index.js';
import type { DepositRuleSet } from './depositRules.js';
import { applyDayRule, monthlyDueDate, nextDayDueDate, returnDueDate, rolledDueDate, semiweeklyDueDate, type DueDate } from './dueDates.js';
import type { PayDateLiability } from './liabilities.js';
import { monthKey, previousQuarterKey, quarterEnd, quarterKey, returnPeriodEnd, yearEnd } from './periods.js';
import type { DepositorSchedule, ScheduleChoice } from './schedule.js';

/** Code of a return: `941`, `940` (federal), `DE9`, `DE9-UI`, `NYS-45` (states; the rule file's `form`). */
export type FormName = string;

/** Why a deposit is due when it is: the rule that produced the due date. */
export type ObligationKind = 'monthly' | 'semiweekly' | 'next_day' | 'de_minimis' | 'futa' | 'quarterly' | 'after_payroll';

/** One required deposit: an amount of liability and the date it is due. */
export interface Obligation {
  /** Stable key: form, kind and first liability date. */
  id: string;
  agency: string;
  /** Rule jurisdiction of the agency (`us.irs`, `us.ca.edd`): where its rules are resolved. */
  jurisdiction: string;
  form: FormName;
  /** How messages name the return (`Form 941`, `CA-EDD PIT and SDI`). */
  label: string;
  /** Return period the liability belongs to: `2026Q1` (Form 941) or `2026` (Form 940). */
  returnPeriod: string;
  /** Deposit period: `2026-01` (monthly), `2026-01-14..2026-01-16` (semiweekly), `2026Q1` (de minimis, FUTA). */
  period: string;
  kind: ObligationKind;
  /** Depositor status when the liability arose (decides the shortfall makeup date). */
  schedule: DepositorSchedule;
  liabilityDates: CivilDate[];
  amount: Decimal;
  due: DueDate;
  /** Due date of the return for this liability. */
  returnDue: CivilDate;
  /** Rule parameters behind the due date (names in the agency's rule file). */
  params: string[];
  /** Date the rules were resolved at (the first liability date). */
  rulesDate: CivilDate;
}

export interface ScheduleSwitch {
  /** The day the depositor became semiweekly (the day after the $100,000 day). */
  from: CivilDate;
  /** Last day it stays semiweekly at least (end of the following year). */
  until: CivilDate;
  trigger: CivilDate;
}

export interface Form941Plan {
  obligations: Obligation[];
  switches: ScheduleSwitch[];
  notes: string[];
}

interface Group {
  key: string;
  schedule: DepositorSchedule;
  pending: PayDateLiability[];
}

/**
 * Form 941 deposit obligations from liabilities by pay date (in date order):
 * monthly or semiweekly deposit periods (a semiweekly period that spans two
 * quarters gives one deposit per quarter), the $100,000 next-day rule (which
 * turns a monthly depositor semiweekly from the next day, for the rest of the
 * year and the following year) and the $2,500 de minimis rule (the quarter's
 * liability may be paid with the return).
 */
export function planForm941(liabs: readonly PayDateLiability[], choice: ScheduleChoice, rules: DepositRuleSet, cal: BusinessCalendar): Form941Plan {
  const obligations: Obligation[] = [];
  const switches: ScheduleSwitch[] = [];
  const notes: string[] = [];
  const nextDayQuarters = new Set<string>();
  const scheduleAt = (d: CivilDate): DepositorSchedule => (switches.some((s) => s.from <= d && d <= s.until) ? 'semiweekly' : choice.schedule);

  const make = (g: Group, kind: ObligationKind, due: DueDate, period: string, params: string[]): Obligation => {
    const first = g.pending[0]!.payDate;
    const r = rules.at(first);
    const form = r.forms['941'];
    return {
      id: `941:${kind}:${first}`,
      agency: form.agency,
      jurisdiction: rules.jurisdiction,
      form: '941',
      label: form.label ?? 'Form 941',
      returnPeriod: quarterKey(first),
      period,
      kind,
      schedule: g.schedule,
      liabilityDates: g.pending.map((l) => l.payDate),
      amount: sum(g.pending.map((l) => l.amount)),
      due,
      returnDue: returnDueDate(cal, quarterEnd(first), form, '941').due,
      params,
      rulesDate: first,
    };
  };

  const close = (g: Group | undefined): void => {
    if (!g || g.pending.length === 0) return;
    const first = g.pending[0]!.payDate;
    const r = rules.at(first);
    if (g.schedule === 'monthly') {
      obligations.push(make(g, 'monthly', monthlyDueDate(cal, first, r.monthly), monthKey(first), ['schedule.monthly']));
    } else {
      const d = semiweeklyDueDate(cal, first, r.semiweekly);
      obligations.push(make(g, 'semiweekly', d, `${d.periodStart}..${d.periodEnd}`, ['schedule.semiweekly']));
    }
  };

  let group: Group | undefined;
  for (const l of liabs) {
    const r = rules.at(l.payDate);
    const schedule = scheduleAt(l.payDate);
    let key: string;
    if (schedule === 'monthly') key = `M:${monthKey(l.payDate)}`;
    else {
      const p = semiweeklyDueDate(cal, l.payDate, r.semiweekly);
      key = `S:${p.periodStart}${r.semiweekly.separate_by_return_period ? `:${quarterKey(l.payDate)}` : ''}`;
    }
    if (group && group.key !== key) {
      close(group);
      group = undefined;
    }
    group ??= { key, schedule, pending: [] };
    group.pending.push(l);
    const accumulated = sum(group.pending.map((x) => x.amount));
    if (accumulated.greaterThanOrEqualTo(r.nextDay.threshold)) {
      const due = nextDayDueDate(cal, l.payDate, r.nextDay.business_days_after);
      const period = group.pending.length === 1 ? l.payDate : `${group.pending[0]!.payDate}..${l.payDate}`;
      obligations.push(make(group, 'next_day', due, period, ['next_day']));
      nextDayQuarters.add(quarterKey(l.payDate));
      group.pending = [];
      if (schedule === 'monthly' && r.nextDay.monthly_becomes_semiweekly) {
        const s = { from: addDays(l.payDate, 1), until: `${yearOf(l.payDate) + 1}-12-31`, trigger: l.payDate };
        switches.push(s);
        notes.push(`$100,000 next-day rule reached on ${l.payDate}: semiweekly depositor from ${s.from} to at least ${s.until}`);
      }
    }
  }
  close(group);

  // De minimis: a quarter whose liability (or the prior quarter's) is under $2,500 may be paid with the return.
  const byQuarter = new Map<string, Decimal>();
  for (const l of liabs) byQuarter.set(quarterKey(l.payDate), (byQuarter.get(quarterKey(l.payDate)) ?? ZERO).plus(l.amount));
  const out: Obligation[] = [];
  const quarters = [...new Set(obligations.map((o) => o.returnPeriod))];
  for (const q of quarters) {
    const inQ = obligations.filter((o) => o.returnPeriod === q);
    const first = inQ.map((o) => o.rulesDate).sort()[0]!;
    const r = rules.at(first);
    const total = byQuarter.get(q) ?? ZERO;
    const prior = byQuarter.get(previousQuarterKey(first));
    const small = total.lessThan(r.deMinimis) ? 'current' : prior !== undefined && prior.lessThan(r.deMinimis) ? 'prior' : undefined;
    if (!small || nextDayQuarters.has(q)) {
      out.push(...inQ);
      continue;
    }
    const form = r.forms['941'];
    const due = returnDueDate(cal, returnPeriodEnd(q), form, '941');
    const why = `${small === 'current' ? `the ${q} liability ${total.toFixed(2)}` : `the prior quarter's liability ${prior!.toFixed(2)}`} is under the $${r.deMinimis.toFixed(0)} de minimis threshold, so it may be paid with the return: ${due.why}`;
    notes.push(`${q}: ${why}`);
    out.push({
      id: `941:de_minimis:${first}`,
      agency: form.agency,
      jurisdiction: rules.jurisdiction,
      form: '941',
      label: form.label ?? 'Form 941',
      returnPeriod: q,
      period: q,
      kind: 'de_minimis',
      schedule: inQ[0]!.schedule,
      liabilityDates: inQ.flatMap((o) => o.liabilityDates).sort(),
      amount: sum(inQ.map((o) => o.amount)),
      due: { ...due, why },
      returnDue: due.due,
      params: ['de_minimis.threshold', 'form_941'],
      rulesDate: first,
    });
  }
  out.sort((a, b) => (a.due.due < b.due.due ? -1 : a.due.due > b.due.due ? 1 : a.liabilityDates[0]! < b.liabilityDates[0]! ? -1 : 1));
  return { obligations: out, switches, notes };
}

/**
 * FUTA (Form 940) deposit obligations: the liability is figured per quarter;
 * once the amount accumulated (with amounts carried forward) is over the
 * threshold ($500) it is due by the last day of the month after the quarter.
 * The fourth quarter's balance, however small, is due by the Form 940 due date.
 */
export function planFuta(liabs: readonly PayDateLiability[], rules: DepositRuleSet, cal: BusinessCalendar): { obligations: Obligation[]; notes: string[] } {
  const obligations: Obligation[] = [];
  const notes: string[] = [];
  let carried: PayDateLiability[] = [];
  let year: number | undefined;
  const quarters = new Map<string, PayDateLiability[]>();
  for (const l of liabs) {
    const q = quarterKey(l.payDate);
    const list = quarters.get(q);
    if (list) list.push(l);
    else quarters.set(q, [l]);
  }
  const flushCarried = (why: string) => {
    if (carried.length) notes.push(`FUTA ${sum(carried.map((c) => c.amount)).toFixed(2)} of ${carried[0]!.payDate}..${carried[carried.length - 1]!.payDate} ${why}`);
    carried = [];
  };
  const emit = (pending: PayDateLiability[], q: string, due: DueDate) => {
    const first = pending[0]!.payDate;
    const r = rules.at(first);
    const form = r.forms['940'];
    obligations.push({
      id: `940:futa:${first}`,
      agency: form.agency,
      jurisdiction: rules.jurisdiction,
      form: '940',
      label: form.label ?? 'Form 940',
      returnPeriod: String(yearOf(first)),
      period: q,
      kind: 'futa',
      schedule: 'monthly',
      liabilityDates: pending.map((l) => l.payDate),
      amount: sum(pending.map((l) => l.amount)),
      due,
      returnDue: returnDueDate(cal, yearEnd(first), form, '940').due,
      params: ['futa.deposit', 'form_940'],
      rulesDate: first,
    });
  };
  for (const [q, list] of quarters) {
    const first = list[0]!.payDate;
    if (year !== undefined && yearOf(first) !== year && carried.length) {
      // The year's balance, however small, was due with Form 940.
      const c0 = carried[0]!.payDate;
      const r0 = rules.at(c0);
      emit(carried, `${year}`, returnDueDate(cal, yearEnd(c0), r0.forms['940'], '940'));
      carried = [];
    }
    year = yearOf(first);
    const r = rules.at(first);
    const pending = [...carried, ...list];
    const amount = sum(pending.map((l) => l.amount));
    const isQ4 = q.endsWith('Q4');
    if (!amount.greaterThan(r.futa.threshold) && !isQ4) {
      carried = pending;
      continue;
    }
    const over = amount.greaterThan(r.futa.threshold);
    emit(
      pending,
      q,
      rolledDueDate(
        cal,
        applyDayRule(quarterEnd(first), r.futa.due),
        over
          ? `FUTA over $${r.futa.threshold.toFixed(0)} accumulated at the end of ${q}: last day of the month after the quarter`
          : `FUTA of ${q} (not over $${r.futa.threshold.toFixed(0)}): paid with Form 940 or deposited by its due date`,
      ),
    );
    carried = [];
  }
  flushCarried('is not over the deposit threshold: carried forward to the next quarter (not yet due)');
  return { obligations, notes };
}
