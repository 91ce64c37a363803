import type { CivilDate } from '../dates/index.js';
import { formatMoney, sum, ZERO, type Decimal } from '../money/index.js';
import type { Deposit, Finding, RegisterRow, Settings } from '../model/index.js';
import { InputError, type InputProblem } from '../model/problems.js';
import { formatProvenance, RuleError, type Provenance, type RuleBook } from '../rules/index.js';
import { loadCalendar, type BusinessCalendar } from '../calc/calendar/index.js';
import { AgencyRules, depositAgencies, normalizeForm, type AgencyForm } from './agencyRules.js';
import { applyDeposits, type DepositMade } from './applyDeposits.js';
import { assessObligation, type Assessment, type AssessRules, type RemittanceStatus } from './assess.js';
import { DepositRuleSet } from './depositRules.js';
import { excessFinding, citeRules, findingFor } from './findings.js';
import { liabilitiesByPayDate, liabilityOf, rowsByPayDate, type PayDateLiability } from './liabilities.js';
import { planForm941, planFuta, type Form941Plan, type Obligation, type ScheduleSwitch } from './obligations.js';
import { quarterKey, returnPeriodKey } from './periods.js';
import { STATE_PLANNERS, type FederalContext, type FederalScheduleOn } from './statePlans.js';
import { remittanceRow, type RemittanceRow } from './remittancesTable.js';
import { chooseSchedule, type ScheduleChoice } from './schedule.js';
import { parseTaxPeriod, taxPeriodKey } from './taxPeriod.js';

/** A first IRS notice for a return period: amounts unpaid more than 10 days after it are penalised at 15%. */
export interface PenaltyNotice {
  form: string;
  /** Return period: `2026Q1` (Form 941) or `2026` (Form 940). */
  period: string;
  date: CivilDate;
}

export interface RemittanceInput {
  /** The expected register: `computeCompany(company, book).rows`. */
  rows: readonly RegisterRow[];
  /** deposits.csv rows as read with `depositRowSchema`, with their file line when known. */
  deposits: readonly (Deposit & { line?: number })[];
  /** `deposit_schedule` and/or `lookback_total` from payrecon.yaml; the keys state schedules name (`ny_filer`). */
  settings: Pick<Settings, 'deposit_schedule' | 'lookback_total'> & Partial<Pick<Settings, 'ny_filer'>>;
  /** The rule book holding rules/us/irs-deposits.yaml and rules/us/dc-holidays.yaml, and the state deposit files (ca-edd-deposits.yaml, ny-dtf-deposits.yaml with their holiday calendars). */
  book: RuleBook;
  /** The partner's register, when present: its liabilities are shown beside the expected ones. */
  partnerRows?: readonly RegisterRow[];
  /** Audit date: the state of deposits on that day. Deposits paid after it are ignored, liabilities due after it are "not_due", unpaid ones age until it, a safe-harbor shortfall whose makeup date is later is not penalised. Default: every liability is due and every deposit counts. */
  asOf?: CivilDate;
  /** First IRS notices, for the 15% tier (optional). */
  notices?: readonly PenaltyNotice[];
  /** Name of the deposits file in messages (default `deposits.csv`). */
  depositsFile?: string;
  /** Federal agency rule jurisdiction (default `us.irs`). Every other jurisdiction with `form_*` parameters is a state agency. */
  jurisdiction?: string;
}

/** One agency of the audit: whether it was audited, and why not. */
export interface AgencySummary {
  agency: string;
  jurisdiction: string;
  audited: boolean;
  liabilities: number;
  amountDue: string;
  penaltyTotal: string;
  /** Set when the agency's penalty is not estimated. */
  penaltyNotEstimated?: string;
  /** Why it was not audited. */
  reason?: string;
}

export interface RemittanceSummary {
  schedule: ScheduleChoice;
  switches: ScheduleSwitch[];
  /** Liabilities (rows of remittances.csv), and how many were due. */
  liabilities: number;
  due: number;
  onTime: number;
  /** On-time rate among due liabilities, by count and by dollars (null when none was due). */
  onTimeRateByCount: number | null;
  onTimeRateByDollars: number | null;
  amountDue: string;
  amountOnTime: string;
  penaltyTotal: string;
  byStatus: Record<RemittanceStatus, number>;
  deposits: { read: number; audited: number; notAudited: number; excess: string };
  /** Agencies (federal first, then each state deposit rule file). */
  agencies: AgencySummary[];
  notes: string[];
}

export interface RemittanceResult {
  findings: Finding[];
  /** remittances.csv rows, in due-date order. */
  remittances: RemittanceRow[];
  summary: RemittanceSummary;
  /** The full assessments (for callers that want more than the CSV). */
  assessments: Assessment[];
}

const STATUSES: RemittanceStatus[] = ['on_time', 'short_safe_harbor', 'late', 'short', 'missing', 'not_due'];

/**
 * Audit tax deposits against the expected register: compute each Form 941 and
 * FUTA liability by pay date, its due date under the agency's rules (rule
 * files), apply the deposits as the IRS does, and assess lateness, shortfall
 * and the estimated failure-to-deposit penalty. Pure: no I/O, no clock.
 * Throws InputError when a deposits.csv row cannot be understood (its
 * tax_period), and RuleError when a rule file is missing or malformed.
 */
export function auditRemittances(input: RemittanceInput): RemittanceResult {
  const file = input.depositsFile ?? 'deposits.csv';
  const rules = new DepositRuleSet(input.book, input.jurisdiction ?? 'us.irs');
  const dates = [...rowsByPayDate(input.rows).keys()];
  const emptyStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<RemittanceStatus, number>;
  if (dates.length === 0) {
    // No pay date to resolve the rules at: the schedule is reported from the settings alone (Pub 15's $50,000).
    const schedule = chooseSchedule(input.settings, ZERO.plus(50000));
    return {
      findings: [],
      remittances: [],
      assessments: [],
      summary: { schedule, switches: [], liabilities: 0, due: 0, onTime: 0, onTimeRateByCount: null, onTimeRateByDollars: null, amountDue: '0.00', amountOnTime: '0.00', penaltyTotal: '0.00', byStatus: emptyStatus, deposits: { read: input.deposits.length, audited: 0, notAudited: input.deposits.length, excess: '0.00' }, agencies: [], notes: ['the expected register has no pay dates'] },
    };
  }
  const first = rules.at(dates[0]!);
  const { calendar, provenance: calendarProv } = loadCalendar(input.book, first.calendar.jurisdiction, first.calendar.parameter);
  const notes: string[] = [];

  // 1. Liabilities and obligations.
  const schedule = chooseSchedule(input.settings, first.lookbackThreshold);
  if (schedule.conflict) notes.push(schedule.conflict);
  if (schedule.basis === 'default') notes.push(schedule.reason);
  const l941 = liabilitiesByPayDate(input.rows, (d) => rules.at(d).forms['941'].items);
  const l940 = liabilitiesByPayDate(input.rows, (d) => rules.at(d).forms['940'].items);
  const plan = planForm941(l941, schedule, rules, calendar);
  const futa = planFuta(l940, rules, calendar);
  notes.push(...plan.notes, ...futa.notes);
  const federalObligations: Obligation[] = [...plan.obligations, ...futa.obligations];

  // 2. Deposits: which agency and return each pays.
  const fedJur = rules.jurisdiction;
  const fedNames = new Set<string>();
  for (const f of ['941', '940'] as const) for (const a of [first.forms[f].agency, ...first.forms[f].agency_aliases]) fedNames.add(a.toLowerCase());
  const states = stateAgencies(input.book, fedJur, dates);
  const agencyOf = (name: string): string | undefined => {
    const n = name.trim().toLowerCase();
    if (fedNames.has(n)) return fedJur;
    return states.find((a) => a.names.has(n))?.jurisdiction;
  };
  const coveredPeriods = new Set<string>();
  for (const f of ['941', '940'] as const) {
    for (const d of dates) coveredPeriods.add(`${fedJur}:${f}:${returnPeriodKey(d, rules.at(d).forms[f].return_period)}`);
  }
  const problems: InputProblem[] = [];
  const made: DepositMade[] = [];
  const otherAgencies = new Map<string, number>();
  const depositsFor = new Map<string, number>();
  let outOfScope = 0;
  let afterAsOf = 0;
  input.deposits.forEach((d, index) => {
    const jur = agencyOf(d.agency);
    if (jur !== undefined) depositsFor.set(jur, (depositsFor.get(jur) ?? 0) + 1);
    let form: AgencyForm | undefined;
    let code: string | undefined;
    let returnPeriod: 'quarter' | 'year' = 'quarter';
    let label: string | undefined;
    if (jur === fedJur) {
      const digits = d.form.replace(/\D/g, '');
      if (digits === '941' || digits === '940') {
        code = digits;
        returnPeriod = first.forms[digits].return_period;
        label = first.forms[digits].label ?? `Form ${digits}`;
      }
    } else if (jur !== undefined) {
      const st = states.find((a) => a.jurisdiction === jur)!;
      const n = normalizeForm(d.form);
      form = st.forms.find((f) => [f.code, ...f.def.form_aliases].some((x) => normalizeForm(x) === n));
      if (form) {
        code = form.code;
        returnPeriod = form.def.return_period;
        label = form.def.label ?? form.code;
      }
    }
    if (jur === undefined || code === undefined) {
      const k = `${d.agency} ${d.form}`;
      otherAgencies.set(k, (otherAgencies.get(k) ?? 0) + 1);
      return;
    }
    const tp = parseTaxPeriod(d.tax_period);
    const key = tp && taxPeriodKey(tp, returnPeriod, d.liability_date);
    if (!key) {
      problems.push({ file, line: d.line, column: 'tax_period', message: `expected a tax period such as 2026Q1, 2026-03 or 202603${returnPeriod === 'year' ? ' or 2026' : ''} (found "${d.tax_period}")` });
      return;
    }
    if (input.asOf !== undefined && d.paid_date > input.asOf) {
      afterAsOf++;
      return;
    }
    if (jur !== fedJur) {
      const st = states.find((a) => a.jurisdiction === jur)!;
      for (const dt of st.dates) coveredPeriods.add(`${jur}:${code}:${returnPeriodKey(dt, returnPeriod)}`);
    }
    if (!coveredPeriods.has(`${jur}:${code}:${key}`)) {
      outOfScope++;
      return;
    }
    made.push({ index, line: d.line, agency: d.agency, jurisdiction: jur, form: code, label, returnPeriod: key, amount: d.amount, paidDate: d.paid_date, reference: d.reference, liabilityDate: d.liability_date });
  });
  if (problems.length) throw new InputError(problems);

  // 1b. State agencies: audited when deposits.csv has rows for them (an IRS-only deposits file says nothing about state deposits).
  const federal = federalContext(plan, schedule);
  const calendars = new Map<string, { calendar: BusinessCalendar; provenance: Provenance[] }>([[fedJur, { calendar, provenance: calendarProv }]]);
  const stateObligations: Obligation[] = [];
  const agencySummaries: AgencySummary[] = [];
  const notAudited = new Map<string, string>();
  for (const st of states) {
    const formsLiab = st.formParams.map((param) => ({ param, liabs: stateLiabilities(input.rows, st, param) }));
    const total = sum(formsLiab.flatMap((f) => f.liabs.map((l) => l.amount)));
    if (!depositsFor.get(st.jurisdiction)) {
      if (!total.isZero()) {
        const why = `deposits.csv has no ${st.agency} rows, so the ${st.agency} liabilities (${formsLiab.filter((f) => f.liabs.length).map((f) => `${st.codeOf(f.param)} ${formatMoney(sum(f.liabs.map((l) => l.amount)))}`).join(', ')}) were not audited`;
        notAudited.set(st.jurisdiction, why);
        notes.push(why);
      }
      continue;
    }
    const ref = st.rules.calendar(st.dates[0]!);
    const cal = loadCalendar(input.book, ref.jurisdiction, ref.parameter);
    calendars.set(st.jurisdiction, cal);
    const ctx = { agency: st.rules, cal: cal.calendar, federal, settings: input.settings as Readonly<Record<string, unknown>> };
    for (const { param, liabs } of formsLiab) {
      if (liabs.length === 0) continue;
      const kind = st.rules.forms(liabs[0]!.payDate).find((f) => f.param === param)!.def.deposit_rules;
      if (kind === 'schedule' || kind === 'quarterly_accumulation') {
        throw new RuleError(`${st.jurisdiction} ${param}: deposit_rules: ${kind} is a federal kind (Form 941/940); a state return uses accumulated_tiers, after_payroll or with_return`);
      }
      const p = STATE_PLANNERS[kind](liabs, param, ctx);
      stateObligations.push(...p.obligations);
      for (const n of p.notes) if (!notes.includes(n)) notes.push(n);
    }
  }
  for (const st of states) for (const n of st.notes) notes.push(n);

  const obligations: Obligation[] = [...federalObligations, ...stateObligations].sort((a, b) =>
    a.due.due < b.due.due ? -1 : a.due.due > b.due.due ? 1 : a.jurisdiction !== b.jurisdiction ? (a.jurisdiction === fedJur ? -1 : b.jurisdiction === fedJur ? 1 : a.jurisdiction < b.jurisdiction ? -1 : 1) : a.form !== b.form ? (a.form < b.form ? 1 : -1) : a.rulesDate < b.rulesDate ? -1 : 1,
  );

  for (const [k, n] of otherAgencies) notes.push(`${n} deposit${n === 1 ? '' : 's'} to ${k} not audited: no deposit rules for that agency and form`);
  if (afterAsOf) notes.push(`${afterAsOf} deposit${afterAsOf === 1 ? '' : 's'} paid after the audit date ${input.asOf} ignored`);
  if (outOfScope) notes.push(`${outOfScope} deposit${outOfScope === 1 ? '' : 's'} for return periods the expected register does not cover were not audited`);
  const applied = applyDeposits(obligations, made);
  for (const d of applied.unmatchedDesignations) {
    notes.push(`${file}${d.line ? ` line ${d.line}` : ''}: liability_date ${d.liabilityDate} has no ${d.label ?? `Form ${d.form}`} liability; the deposit was applied to the most recent liability instead`);
  }

  // 3. Assessment.
  const notices = new Map((input.notices ?? []).map((n) => [`${n.form.replace(/\D/g, '')}:${n.period}`, n.date]));
  const partnerRows = input.partnerRows?.map(splitCombinedItems);
  const partner = partnerRows ? rowsByPayDate(partnerRows) : undefined;
  const partnerItems = new Set<string>();
  for (const r of partnerRows ?? []) for (const k of r.values.keys()) partnerItems.add(k);
  const findings: Finding[] = [];
  const remittances: RemittanceRow[] = [];
  const assessments: Assessment[] = [];
  const agencyRules = new Map<string, AgencyRules>([[fedJur, new AgencyRules(input.book, fedJur)], ...states.map((s) => [s.jurisdiction, s.rules] as const)]);
  for (const o of obligations) {
    const ar = agencyRules.get(o.jurisdiction)!;
    const cal = calendars.get(o.jurisdiction)!;
    let assessRules: AssessRules;
    let items: readonly string[];
    let provOf: (name: string) => Provenance | undefined;
    if (o.jurisdiction === fedJur) {
      const r = rules.at(o.rulesDate);
      assessRules = { penalty: ar.penalty(o.rulesDate), safeHarbor: r.forms[o.form as '941' | '940'].safe_harbor ? r.safeHarbor : undefined };
      items = r.forms[o.form as '941' | '940'].items;
      provOf = (n) => r.prov[n];
    } else {
      const f = ar.forms(o.rulesDate).find((x) => x.code === o.form)!;
      assessRules = { penalty: ar.penalty(o.rulesDate), safeHarbor: ar.safeHarbor(f.def, o.rulesDate) };
      items = f.def.items;
      provOf = (n) => (n === f.param ? f.prov : ar.prov(n, o.rulesDate));
    }
    const a = assessObligation(o, applied.applied.get(o.id) ?? [], assessRules, cal.calendar, { asOf: input.asOf, noticeDate: o.jurisdiction === fedJur ? notices.get(`${o.form}:${o.returnPeriod}`) : undefined });
    assessments.push(a);
    let partnerAmount: Decimal | undefined;
    // The partner's figure only when its register carries every item of the return (employer shares included);
    // a partial sum beside the expected liability would read as a shortfall that is not there.
    if (partner && items.every((it) => partnerItems.has(it))) partnerAmount = sum(o.liabilityDates.map((d) => liabilityOf(d, partner.get(d) ?? [], items).amount));
    remittances.push(remittanceRow(a, partnerAmount));
    const f = findingFor(a, citeRules(a, provOf, cal.provenance, assessRules.penalty.params));
    if (f) findings.push(f);
  }
  const applyRule = formatProvenance(first.prov['form_941']!);
  for (const e of applied.excess) {
    let rule = applyRule;
    if (e.deposit.jurisdiction && e.deposit.jurisdiction !== fedJur) {
      const st = states.find((x) => x.jurisdiction === e.deposit.jurisdiction)!;
      const f = st.forms.find((x) => x.code === e.deposit.form);
      if (f) rule = formatProvenance(f.prov);
    }
    findings.push(excessFinding(e.deposit, e.amount, rule, file));
  }
  for (const st of states) {
    const mine = assessments.filter((a) => a.obligation.jurisdiction === st.jurisdiction);
    const audited = !notAudited.has(st.jurisdiction) && depositsFor.has(st.jurisdiction);
    if (!audited && !notAudited.has(st.jurisdiction)) continue;
    const notEst = mine.find((a) => !a.penaltyEstimated && a.status !== 'on_time' && a.status !== 'not_due' && a.status !== 'short_safe_harbor');
    const s: AgencySummary = {
      agency: st.agency,
      jurisdiction: st.jurisdiction,
      audited,
      liabilities: mine.length,
      amountDue: formatMoney(sum(mine.map((a) => a.obligation.amount))),
      penaltyTotal: formatMoney(sum(mine.map((a) => a.penalty))),
    };
    const anyNotEst = mine.find((a) => !a.penaltyEstimated);
    if (anyNotEst) s.penaltyNotEstimated = anyNotEst.penaltyNotEstimated;
    if (notEst) {
      notes.push(`${st.agency}: no penalty estimate for its late, short or missing deposits (days late are reported): ${notEst.penaltyNotEstimated}`);
    }
    if (mine.some((a) => a.interest === 'not_estimated' && a.penalty.greaterThan(ZERO))) notes.push(`${st.agency}: interest on late payments is charged on top of the penalty and is not estimated`);
    if (!audited) s.reason = notAudited.get(st.jurisdiction);
    agencySummaries.push(s);
  }
  const fedMine = assessments.filter((a) => a.obligation.jurisdiction === fedJur);
  agencySummaries.unshift({
    agency: first.forms['941'].agency,
    jurisdiction: fedJur,
    audited: true,
    liabilities: fedMine.length,
    amountDue: formatMoney(sum(fedMine.map((a) => a.obligation.amount))),
    penaltyTotal: formatMoney(sum(fedMine.map((a) => a.penalty))),
  });

  // 4. Summary.
  const due = assessments.filter((a) => a.status !== 'not_due');
  const onTime = due.filter((a) => a.status === 'on_time' || a.status === 'short_safe_harbor');
  const amountDue = sum(due.map((a) => a.obligation.amount));
  const amountOnTime = sum(due.map((a) => a.timelyAmount));
  const byStatus = { ...emptyStatus };
  for (const a of assessments) byStatus[a.status]++;
  const excess = sum(applied.excess.map((e) => e.amount));
  return {
    findings,
    remittances,
    assessments,
    summary: {
      schedule,
      switches: plan.switches,
      liabilities: assessments.length,
      due: due.length,
      onTime: onTime.length,
      onTimeRateByCount: due.length ? onTime.length / due.length : null,
      onTimeRateByDollars: amountDue.isZero() ? null : amountOnTime.dividedBy(amountDue).toNumber(),
      amountDue: formatMoney(amountDue),
      amountOnTime: formatMoney(amountOnTime),
      penaltyTotal: formatMoney(sum(assessments.map((a) => a.penalty))),
      byStatus,
      deposits: { read: input.deposits.length, audited: made.length, notAudited: input.deposits.length - made.length, excess: formatMoney(excess) },
      agencies: agencySummaries,
      notes,
    },
  };
}

/** The employer's federal schedule on each payday, for the state rules that follow it (California). */
function federalContext(plan: Form941Plan, choice: ScheduleChoice): FederalContext {
  const nextDay = new Set(plan.obligations.filter((o) => o.kind === 'next_day').map((o) => o.liabilityDates[o.liabilityDates.length - 1]!));
  const deMinimis = new Set(plan.obligations.filter((o) => o.kind === 'de_minimis').map((o) => o.returnPeriod));
  return {
    reason: choice.reason,
    scheduleOn(d): FederalScheduleOn {
      if (nextDay.has(d)) return 'next_day';
      if (deMinimis.has(quarterKey(d))) return 'monthly';
      if (plan.switches.some((s) => s.from <= d && d <= s.until)) return 'semiweekly';
      return choice.schedule;
    },
  };
}

/** A state deposit agency of the rule book, as the audit sees it. */
interface StateAgency {
  jurisdiction: string;
  agency: string;
  rules: AgencyRules;
  /** Register pay dates its rule files cover. */
  dates: CivilDate[];
  /** Its returns at the first covered date (names, aliases, form codes). */
  forms: AgencyForm[];
  formParams: string[];
  /** Lower-case spellings of the agency in deposits.csv. */
  names: Set<string>;
  codeOf(param: string): string;
  notes: string[];
}

function stateAgencies(book: RuleBook, fedJur: string, dates: readonly CivilDate[]): StateAgency[] {
  const out: StateAgency[] = [];
  const codes = new Map<string, string>([['941', fedJur], ['940', fedJur]]);
  for (const jurisdiction of depositAgencies(book)) {
    if (jurisdiction === fedJur) continue;
    const rules = new AgencyRules(book, jurisdiction);
    const covered = dates.filter((d) => rules.covers(d));
    if (covered.length === 0) continue;
    const forms = rules.forms(covered[0]!);
    for (const f of forms) {
      const other = codes.get(f.code);
      if (other && other !== jurisdiction) throw new RuleError(`${f.prov.file}:${f.prov.line}: form code ${f.code} is used by ${other} too; each return needs its own code`);
      codes.set(f.code, jurisdiction);
    }
    const names = new Set(forms.flatMap((f) => [f.def.agency, ...f.def.agency_aliases]).map((a) => a.toLowerCase()));
    out.push({
      jurisdiction,
      agency: forms[0]?.def.agency ?? jurisdiction,
      rules,
      dates: covered,
      forms,
      formParams: forms.map((f) => f.param),
      names,
      codeOf: (param) => forms.find((f) => f.param === param)?.code ?? param,
      notes: [],
    });
  }
  return out;
}

/** Liabilities of one state return by pay date; pay dates its rule files do not cover are left out (with a note when they hold an amount). */
function stateLiabilities(rows: readonly RegisterRow[], st: StateAgency, param: string): PayDateLiability[] {
  const fallback = st.forms.find((f) => f.param === param)!.def.items;
  const out: PayDateLiability[] = [];
  const uncovered: CivilDate[] = [];
  for (const [date, list] of rowsByPayDate(rows)) {
    if (!st.rules.covers(date)) {
      if (!liabilityOf(date, list, fallback).amount.isZero()) uncovered.push(date);
      continue;
    }
    const f = st.rules.forms(date).find((x) => x.param === param);
    if (!f) continue;
    const l = liabilityOf(date, list, f.def.items);
    if (!l.amount.isZero()) out.push(l);
  }
  if (uncovered.length) {
    st.notes.push(`${st.agency} ${st.codeOf(param)}: ${uncovered.length} pay date${uncovered.length === 1 ? '' : 's'} (${uncovered[0]}${uncovered.length > 1 ? `..${uncovered[uncovered.length - 1]}` : ''}) outside the dates its deposit rules cover were not audited`);
  }
  return out;
}

/**
 * A register column holding several items (`us.medicare.ee+us.medicare_addl.ee`)
 * booked on its first item, the others present at zero: a liability that
 * includes all of them counts the column once.
 */
function splitCombinedItems(row: RegisterRow): RegisterRow {
  const values = new Map<string, Decimal>();
  for (const [key, v] of row.values) {
    const [first, ...rest] = key.split('+');
    values.set(first!, (values.get(first!) ?? ZERO).plus(v));
    for (const p of rest) if (!values.has(p)) values.set(p, ZERO);
  }
  return { ...row, values };
}
