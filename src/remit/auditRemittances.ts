import type { CivilDate } from '../dates/index.js';
import { formatMoney, sum, ZERO, type Decimal } from '../money/index.js';
import type { Deposit, Finding, RegisterRow, Settings } from '../model/index.js';
import { InputError, type InputProblem } from '../model/problems.js';
import { formatProvenance, type RuleBook } from '../rules/index.js';
import { loadCalendar } from '../calc/calendar/index.js';
import { applyDeposits, type DepositMade } from './applyDeposits.js';
import { assessObligation, type Assessment, type RemittanceStatus } from './assess.js';
import { DepositRuleSet } from './depositRules.js';
import { excessFinding, citeRules, findingFor } from './findings.js';
import { liabilitiesByPayDate, liabilityOf, rowsByPayDate } from './liabilities.js';
import { planForm941, planFuta, type FormName, type Obligation, type ScheduleSwitch } from './obligations.js';
import { returnPeriodKey } from './periods.js';
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
  /** `deposit_schedule` and/or `lookback_total` from payrecon.yaml. */
  settings: Pick<Settings, 'deposit_schedule' | 'lookback_total'>;
  /** The rule book holding rules/us/irs-deposits.yaml and rules/us/dc-holidays.yaml. */
  book: RuleBook;
  /** The partner's register, when present: its liabilities are shown beside the expected ones. */
  partnerRows?: readonly RegisterRow[];
  /** Audit date: the state of deposits on that day. Deposits paid after it are ignored, liabilities due after it are "not_due", unpaid ones age until it, a safe-harbor shortfall whose makeup date is later is not penalised. Default: every liability is due and every deposit counts. */
  asOf?: CivilDate;
  /** First IRS notices, for the 15% tier (optional). */
  notices?: readonly PenaltyNotice[];
  /** Name of the deposits file in messages (default `deposits.csv`). */
  depositsFile?: string;
  /** Agency rule jurisdiction (default `us.irs`). */
  jurisdiction?: string;
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
      summary: { schedule, switches: [], liabilities: 0, due: 0, onTime: 0, onTimeRateByCount: null, onTimeRateByDollars: null, amountDue: '0.00', amountOnTime: '0.00', penaltyTotal: '0.00', byStatus: emptyStatus, deposits: { read: input.deposits.length, audited: 0, notAudited: input.deposits.length, excess: '0.00' }, notes: ['the expected register has no pay dates'] },
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
  const obligations: Obligation[] = [...plan.obligations, ...futa.obligations].sort((a, b) => (a.due.due < b.due.due ? -1 : a.due.due > b.due.due ? 1 : a.form < b.form ? 1 : a.rulesDate < b.rulesDate ? -1 : 1));

  // 2. Deposits: understood, then applied.
  const aliases = new Map<string, FormName>();
  const coveredPeriods = new Set<string>();
  for (const f of ['941', '940'] as const) {
    const def = first.forms[f];
    for (const a of [def.agency, ...def.agency_aliases]) aliases.set(a.toLowerCase(), f);
    for (const d of dates) coveredPeriods.add(`${f}:${returnPeriodKey(d, rules.at(d).forms[f].return_period)}`);
  }
  const problems: InputProblem[] = [];
  const made: DepositMade[] = [];
  const otherAgencies = new Map<string, number>();
  let outOfScope = 0;
  let afterAsOf = 0;
  input.deposits.forEach((d, index) => {
    const form = d.form.replace(/\D/g, '');
    if (!aliases.has(d.agency.trim().toLowerCase()) || (form !== '941' && form !== '940')) {
      const k = `${d.agency} ${d.form}`;
      otherAgencies.set(k, (otherAgencies.get(k) ?? 0) + 1);
      return;
    }
    const f = form as FormName;
    const tp = parseTaxPeriod(d.tax_period);
    const key = tp && taxPeriodKey(tp, first.forms[f].return_period, d.liability_date);
    if (!key) {
      problems.push({ file, line: d.line, column: 'tax_period', message: `expected a tax period such as 2026Q1, 2026-03 or 202603${f === '940' ? ' or 2026' : ''} (found "${d.tax_period}")` });
      return;
    }
    if (input.asOf !== undefined && d.paid_date > input.asOf) {
      afterAsOf++;
      return;
    }
    if (!coveredPeriods.has(`${f}:${key}`)) {
      outOfScope++;
      return;
    }
    made.push({ index, line: d.line, agency: d.agency, form: f, returnPeriod: key, amount: d.amount, paidDate: d.paid_date, reference: d.reference, liabilityDate: d.liability_date });
  });
  if (problems.length) throw new InputError(problems);
  for (const [k, n] of otherAgencies) notes.push(`${n} deposit${n === 1 ? '' : 's'} to ${k} not audited: no deposit rules for that agency and form`);
  if (afterAsOf) notes.push(`${afterAsOf} deposit${afterAsOf === 1 ? '' : 's'} paid after the audit date ${input.asOf} ignored`);
  if (outOfScope) notes.push(`${outOfScope} deposit${outOfScope === 1 ? '' : 's'} for return periods the expected register does not cover were not audited`);
  const applied = applyDeposits(obligations, made);
  for (const d of applied.unmatchedDesignations) {
    notes.push(`${file}${d.line ? ` line ${d.line}` : ''}: liability_date ${d.liabilityDate} has no Form ${d.form} liability; the deposit was applied to the most recent liability instead`);
  }

  // 3. Assessment.
  const notices = new Map((input.notices ?? []).map((n) => [`${n.form.replace(/\D/g, '')}:${n.period}`, n.date]));
  const partner = input.partnerRows ? rowsByPayDate(input.partnerRows) : undefined;
  const findings: Finding[] = [];
  const remittances: RemittanceRow[] = [];
  const assessments: Assessment[] = [];
  for (const o of obligations) {
    const r = rules.at(o.rulesDate);
    const a = assessObligation(o, applied.applied.get(o.id) ?? [], r, calendar, { asOf: input.asOf, noticeDate: notices.get(`${o.form}:${o.returnPeriod}`) });
    assessments.push(a);
    let partnerAmount: Decimal | undefined;
    if (partner) partnerAmount = sum(o.liabilityDates.map((d) => liabilityOf(d, partner.get(d) ?? [], r.forms[o.form].items).amount));
    remittances.push(remittanceRow(a, partnerAmount));
    const f = findingFor(a, citeRules(a, r, calendarProv));
    if (f) findings.push(f);
  }
  const applyRule = formatProvenance(first.prov['form_941']!);
  for (const e of applied.excess) findings.push(excessFinding(e.deposit, e.amount, applyRule, file));

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
      notes,
    },
  };
}
