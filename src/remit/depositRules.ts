import type { z } from 'zod';
import type { CivilDate } from '../dates/index.js';
import type { Decimal } from '../money/index.js';
import { RuleError, type Provenance, type RuleBook } from '../rules/index.js';
import {
  afterNoticeSchema,
  calendarRefSchema,
  formDefSchema,
  monthlyScheduleSchema,
  nextDaySchema,
  penaltyTiersSchema,
  quarterlyDepositSchema,
  safeHarborSchema,
  semiweeklyScheduleSchema,
  usdSchema,
  type AfterNotice,
  type CalendarRef,
  type FormDef,
  type MonthlySchedule,
  type NextDayRule,
  type PenaltyTiers,
  type QuarterlyDeposit,
  type SafeHarbor,
  type SemiweeklySchedule,
} from './ruleShapes.js';

/** Every deposit rule of an agency's rule file, resolved at one date and validated, with provenance. */
export interface DepositRules {
  jurisdiction: string;
  calendar: CalendarRef;
  forms: { '941': FormDef; '940': FormDef };
  lookbackThreshold: Decimal;
  monthly: MonthlySchedule;
  semiweekly: SemiweeklySchedule;
  nextDay: NextDayRule;
  deMinimis: Decimal;
  futa: QuarterlyDeposit;
  safeHarbor: SafeHarbor;
  penaltyTiers: PenaltyTiers;
  afterNotice: AfterNotice;
  /** Provenance by parameter name (`schedule.monthly`, `penalty.tiers`…). */
  prov: Record<string, Provenance>;
}

/** Parameter names of a deposit rule file, and the shape each must have. */
const PARAMS = {
  calendar: calendarRefSchema,
  form_941: formDefSchema,
  form_940: formDefSchema,
  'lookback.threshold': usdSchema,
  'schedule.monthly': monthlyScheduleSchema,
  'schedule.semiweekly': semiweeklyScheduleSchema,
  next_day: nextDaySchema,
  'de_minimis.threshold': usdSchema,
  'futa.deposit': quarterlyDepositSchema,
  safe_harbor: safeHarborSchema,
  'penalty.tiers': penaltyTiersSchema,
  'penalty.after_notice': afterNoticeSchema,
} as const;

function resolve<S extends z.ZodType>(book: RuleBook, jurisdiction: string, name: string, schema: S, date: CivilDate): { value: z.output<S>; prov: Provenance } {
  const r = book.param(jurisdiction, name, date);
  const parsed = schema.safeParse(r.value);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new RuleError(`${r.prov.file}:${r.prov.line}: ${name}: ${i.path.join('.') || '(value)'}: ${i.message}`);
  }
  return { value: parsed.data, prov: r.prov };
}

/** Resolves deposit rules per date, cached (a year of weekly paydays resolves 52 times, not once per payslip). */
export class DepositRuleSet {
  private readonly cache = new Map<CivilDate, DepositRules>();
  constructor(readonly book: RuleBook, readonly jurisdiction = 'us.irs') {}

  at(date: CivilDate): DepositRules {
    const hit = this.cache.get(date);
    if (hit) return hit;
    const prov: Record<string, Provenance> = {};
    const get = <K extends keyof typeof PARAMS>(name: K): z.output<(typeof PARAMS)[K]> => {
      const r = resolve(this.book, this.jurisdiction, name, PARAMS[name], date);
      prov[name] = r.prov;
      return r.value as z.output<(typeof PARAMS)[K]>;
    };
    const rules: DepositRules = {
      jurisdiction: this.jurisdiction,
      calendar: get('calendar'),
      forms: { '941': get('form_941'), '940': get('form_940') },
      lookbackThreshold: get('lookback.threshold'),
      monthly: get('schedule.monthly'),
      semiweekly: get('schedule.semiweekly'),
      nextDay: get('next_day'),
      deMinimis: get('de_minimis.threshold'),
      futa: get('futa.deposit'),
      safeHarbor: get('safe_harbor'),
      penaltyTiers: get('penalty.tiers'),
      afterNotice: get('penalty.after_notice'),
      prov,
    };
    this.cache.set(date, rules);
    return rules;
  }
}
