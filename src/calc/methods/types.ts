import type { z } from 'zod';
import type { CivilDate } from '../../dates/index.js';
import type { Employee, PayFrequency, Settings } from '../../model/index.js';
import type { Decimal } from '../../money/index.js';
import type { Provenance } from '../../rules/index.js';

/** One line of a computation, for `payrecon explain`: a worksheet line, its value, and where its number came from. */
export interface TraceLine {
  label: string;
  value: string;
  /** The rule parameter behind the value, or a note on the input it came from. */
  ref?: Provenance | string;
}

/** What a tax method is given for one payslip. */
export interface TaxInput {
  employee: Employee;
  payDate: CivilDate;
  periodStart: CivilDate;
  periodEnd: CivilDate;
  frequency: PayFrequency;
  periodsPerYear: number;
  settings: Settings;
  /** Gross pay this period. */
  gross: Decimal;
  /** This component's wages this period: gross less the pre-tax deductions its wage base excludes. */
  wages: Decimal;
  /** Of `wages`, the supplemental part (bonus, commission…). */
  supplemental: Decimal;
  /** Year-to-date before this payslip, by output item (`us.ss.ee`, `us.ss.ee.wages`, `supplemental`…), in the pay date's calendar year. */
  ytd: (item: string) => Decimal;
  /** The component's output id (`us.ss.ee`), for YTD look-ups of its own items. */
  componentId: string;
  /** `<componentId>.wages`, when the caller has it made already (the bulk computation); methods fall back to building it. */
  wagesId?: string;
  /** false: skip building the `lines` trace (bulk computation); absent or true: build it. */
  trace?: boolean;
}

/** The `lines` of a result computed without its trace (bulk computation): one shared, frozen empty list. */
export const NO_LINES: TraceLine[] = Object.freeze([]) as unknown as TraceLine[];

export interface TaxResult {
  /** The amount, rounded as the rule says. Never negative. */
  amount: Decimal;
  /** The wages the tax was actually applied to (the `.wages` column). */
  taxableWages: Decimal;
  lines: TraceLine[];
}

export type ProvenanceOf<P> = { [K in keyof P]: Provenance };

/** A calculation method for a tax or contribution: TypeScript code a rule file names and parametrises. */
export interface TaxMethod<P = any> {
  kind: 'tax';
  name: string;
  summary: string;
  /** Validates the method's parameters as resolved from the rule file. */
  params: z.ZodType<P>;
  /** Validates the jurisdiction-prefixed employee fields the method reads (`ca_filing_status`…), if any. */
  employeeFields?: z.ZodType;
  compute(input: TaxInput, params: P, prov: ProvenanceOf<P>): TaxResult;
  /** For property tests: the most this tax can take from one employee in a calendar year, if capped. */
  annualCap?(params: P): Decimal | undefined;
  /** For property tests: whether the amount is non-decreasing in wages (withholding is). */
  monotone?: boolean;
  /** For property tests: payrecon.yaml settings to run the method with at the parameters' effective date (an employer's own rate the rule file cannot hold). */
  propertySettings?(params: P, date: CivilDate): Record<string, unknown>;
  /** For property tests: why the law itself makes the amount jump at a threshold (a low-income exemption cliff); skips the one-cent `no_jump` property. */
  discontinuous?: string;
  /** Employee profiles the property tests run through (W-4 variants…), as employees.csv-like field values. */
  profiles?: Array<{ name: string; fields: Record<string, string> }>;
}

/** Hours of one day worked in a workweek (leave excluded). */
export interface DayHours {
  date: CivilDate;
  hours: Decimal;
}

export interface HoursSplit {
  regular: Decimal;
  overtime: Decimal;
  doubletime: Decimal;
  /** Multiple of the regular rate paid for overtime hours (1.5) and double-time hours (2). */
  overtimeMultiplier: Decimal;
  doubletimeMultiplier: Decimal;
  lines: TraceLine[];
}

/** An overtime rule: splits a workweek's worked hours into straight time, overtime and double time. */
export interface OvertimeMethod<P = any> {
  kind: 'overtime';
  name: string;
  summary: string;
  params: z.ZodType<P>;
  /** `days` holds every day of one workweek with hours worked, in date order. */
  /** `trace` false: no explain lines (bulk computation). */
  split(days: readonly DayHours[], params: P, prov: ProvenanceOf<P>, trace?: boolean): HoursSplit;
}

export type Method = TaxMethod | OvertimeMethod;
