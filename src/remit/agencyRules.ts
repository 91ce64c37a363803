import type { z } from 'zod';
import type { CivilDate } from '../dates/index.js';
import { RuleError, type Provenance, type RuleBook } from '../rules/index.js';
import {
  afterNoticeSchema,
  calendarRefSchema,
  formDefSchema,
  penaltyTiersSchema,
  safeHarborSchema,
  statePenaltySchema,
  type AfterNotice,
  type CalendarRef,
  type FormDef,
  type PenaltyTiers,
  type SafeHarbor,
} from './ruleShapes.js';

/**
 * The deposit rules of any agency (a rule-file jurisdiction with `form_*`
 * parameters: `us.irs`, `us.ca.edd`, `us.ny.dtf`…), resolved per date with
 * provenance. The federal planner keeps its typed view (`DepositRuleSet`);
 * this is what the audit needs of every agency: its forms, its calendar and
 * its penalty.
 */

/** One return of an agency, resolved at a date. */
export interface AgencyForm {
  /** Parameter name (`form_941`, `form_de9`). */
  param: string;
  /** Code in remittances.csv and findings: `941`, `DE9`, `NYS-45`. */
  code: string;
  def: FormDef;
  prov: Provenance;
}

/** How late deposits of an agency are penalised. */
export interface PenaltyModel {
  /** Rate by calendar days late; undefined when the penalty is not estimated. */
  tiers?: PenaltyTiers;
  afterNotice?: AfterNotice;
  /** Interest the agency charges on top, which the audit does not estimate. */
  interest?: 'not_charged' | 'not_estimated';
  /** Why no penalty is estimated (set when `tiers` is undefined). */
  notEstimated?: string;
  /** Parameters to cite when a penalty (or its absence) is reported. */
  params: string[];
}

/** The spelling used to compare `form` cells of deposits.csv: no case, spaces, punctuation or leading "form". */
export function normalizeForm(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .replace(/^form(?=[a-z0-9])/, '');
}

/** Jurisdictions of the rule book that hold deposit rules (a parameter named `form_*`), in book order. */
export function depositAgencies(book: RuleBook): string[] {
  const out: string[] = [];
  for (const f of book.files) {
    if (Object.keys(f.rules.parameters).some((k) => k.startsWith('form_')) && !out.includes(f.rules.jurisdiction)) out.push(f.rules.jurisdiction);
  }
  return out;
}

export class AgencyRules {
  private readonly cache = new Map<string, { value: unknown; prov: Provenance }>();
  constructor(readonly book: RuleBook, readonly jurisdiction: string) {}

  /** Whether a rule file of the agency covers the date. */
  covers(date: CivilDate): boolean {
    return this.book.fileFor(this.jurisdiction, date) !== undefined;
  }

  /** Whether the agency's file in force on the date has a parameter of that name. */
  has(name: string, date: CivilDate): boolean {
    const f = this.book.fileFor(this.jurisdiction, date);
    return f !== undefined && f.rules.parameters[name] !== undefined;
  }

  /** A parameter at a date, validated against its shape; problems name the file and line. */
  get<S extends z.ZodType>(name: string, schema: S, date: CivilDate): { value: z.output<S>; prov: Provenance } {
    const key = `${name}@${date}`;
    const hit = this.cache.get(key);
    if (hit) return hit as { value: z.output<S>; prov: Provenance };
    const r = this.book.param(this.jurisdiction, name, date);
    const parsed = schema.safeParse(r.value);
    if (!parsed.success) {
      const i = parsed.error.issues[0]!;
      throw new RuleError(`${r.prov.file}:${r.prov.line}: ${name}: ${i.path.join('.') || '(value)'}: ${i.message}`);
    }
    const out = { value: parsed.data as z.output<S>, prov: r.prov };
    this.cache.set(key, out);
    return out;
  }

  /** The returns of the agency in force on a date, in file order. */
  forms(date: CivilDate): AgencyForm[] {
    const f = this.book.fileFor(this.jurisdiction, date);
    if (!f) throw new RuleError(`no rule file for ${this.jurisdiction} covers ${date}`);
    return Object.keys(f.rules.parameters)
      .filter((k) => k.startsWith('form_'))
      .map((param) => {
        const r = this.get(param, formDefSchema, date);
        return { param, code: r.value.form ?? param.slice('form_'.length), def: r.value, prov: r.prov };
      });
  }

  calendar(date: CivilDate): CalendarRef {
    return this.get('calendar', calendarRefSchema, date).value;
  }

  /** Provenance by parameter name of what was resolved at a date (for citations). */
  prov(name: string, date: CivilDate): Provenance | undefined {
    return this.has(name, date) ? this.book.param(this.jurisdiction, name, date).prov : undefined;
  }

  /** The penalty of late deposits: federal tiers (`penalty.tiers`), a state's `penalty`, or none. */
  penalty(date: CivilDate): PenaltyModel {
    if (this.has('penalty.tiers', date)) {
      const m: PenaltyModel = { tiers: this.get('penalty.tiers', penaltyTiersSchema, date).value, params: ['penalty.tiers'] };
      if (this.has('penalty.after_notice', date)) m.afterNotice = this.get('penalty.after_notice', afterNoticeSchema, date).value;
      return m;
    }
    if (this.has('penalty', date)) {
      const p = this.get('penalty', statePenaltySchema, date).value;
      if (p.kind === 'flat') return { tiers: [{ days_late_up_to: null, rate: p.rate }], interest: p.interest, params: ['penalty'] };
      return { notEstimated: p.reason, params: ['penalty'] };
    }
    return { notEstimated: `the ${this.jurisdiction} rule file has no penalty parameter`, params: [] };
  }

  /** The Accuracy of Deposits Rule, when the form has one. */
  safeHarbor(form: FormDef, date: CivilDate): SafeHarbor | undefined {
    return form.safe_harbor ? this.get('safe_harbor', safeHarborSchema, date).value : undefined;
  }
}
