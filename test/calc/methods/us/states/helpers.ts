import { boundAt, type BoundOvertime, type BoundTax } from '../../../../../src/calc/boundRules.js';
import type { TaxInput, TaxResult } from '../../../../../src/calc/methods/types.js';
import type { CivilDate } from '../../../../../src/dates/index.js';
import type { PayFrequency, Settings } from '../../../../../src/model/index.js';
import { Decimal } from '../../../../../src/money/index.js';
import { loadRuleBook } from '../../../../../src/cli/ruleBook.js';
import type { RuleBook } from '../../../../../src/rules/index.js';
import { taxInput } from '../../../../helpers/taxInput.js';

let cached: RuleBook | undefined;

/** The whole bundled rules/ folder (federal and state files), loaded once per test file. */
export function bundledBook(): RuleBook {
  return (cached ??= loadRuleBook());
}

/** A state component of the bundled rules, bound at a date (parameters validated, with provenance). */
export function stateTax(id: string, date: CivilDate): BoundTax {
  const jurisdiction = id.split('.').slice(0, 2).join('.');
  const t = boundAt(bundledBook(), jurisdiction, date).taxes.find((x) => x.id === id);
  if (!t) throw new Error(`no component ${id} in the ${jurisdiction} rules on ${date}`);
  return t;
}

export function stateOvertime(jurisdiction: string, date: CivilDate): BoundOvertime {
  const o = boundAt(bundledBook(), jurisdiction, date).overtime;
  if (!o) throw new Error(`no overtime component in the ${jurisdiction} rules on ${date}`);
  return o;
}

export interface StateSpec {
  /** Jurisdiction-prefixed employees.csv cells (`ca_filing_status`…). */
  fields?: Record<string, string>;
  wages: number | string;
  supplemental?: number | string;
  /** Pay frequency; `annual` (and `quarterly`, `semiannual`) reach the EDD/NYS tables the engine itself never uses. */
  frequency: PayFrequency | 'annual' | 'quarterly' | 'semiannual';
  payDate?: CivilDate;
  ytd?: Record<string, number | string>;
  settings?: Partial<Settings>;
}

const PERIODS: Record<string, number> = { weekly: 52, biweekly: 26, semimonthly: 24, monthly: 12, quarterly: 4, semiannual: 2, annual: 1 };

export function stateInput(id: string, spec: StateSpec): TaxInput {
  const base = taxInput({ wages: spec.wages, supplemental: spec.supplemental, frequency: 'monthly', payDate: spec.payDate ?? '2026-06-30', ytd: spec.ytd, settings: spec.settings, componentId: id });
  const fields = spec.fields ?? {};
  for (const [k, v] of Object.entries(fields)) if (v === '') delete fields[k];
  return { ...base, frequency: spec.frequency as PayFrequency, periodsPerYear: PERIODS[spec.frequency]!, employee: { ...base.employee, fields } };
}

/** Run a state component of the bundled rules on one input (the pay date picks the rule file); employee fields are validated as compute does. */
export function runState(id: string, spec: StateSpec): TaxResult {
  const t = stateTax(id, spec.payDate ?? '2026-06-30');
  const input = stateInput(id, spec);
  if (t.method.employeeFields) t.method.employeeFields.parse(input.employee.fields);
  return t.method.compute(input, t.params, t.prov as never);
}

export const cents = (x: Decimal) => x.toFixed(2);
