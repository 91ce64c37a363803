import { RuleError, valueAt, type Provenance, type RuleBook } from '../../rules/index.js';
import { BusinessCalendar, type CalendarSegment } from './businessCalendar.js';
import { calendarDefSchema } from './holidayRules.js';

export interface LoadedCalendar {
  calendar: BusinessCalendar;
  /** Provenance of each dated definition, for citations. */
  provenance: Provenance[];
}

/**
 * Build the business-day calendar of a jurisdiction from every dated value of
 * its calendar parameter (default `legal_holidays`) in the rule book. Each
 * value is validated against the calendar schema; problems name file and line.
 */
export function loadCalendar(book: RuleBook, jurisdiction: string, parameter = 'legal_holidays'): LoadedCalendar {
  const segments: CalendarSegment[] = [];
  const provenance: Provenance[] = [];
  for (const file of book.files) {
    if (file.rules.jurisdiction !== jurisdiction) continue;
    const param = file.rules.parameters[parameter];
    if (!param) continue;
    if (param.unit !== 'calendar') throw new RuleError(`${file.path}: parameter "${parameter}" must have unit: calendar`);
    param.values.forEach((v, i) => {
      const parsed = calendarDefSchema.safeParse(v.value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const line = file.lineOf(['parameters', parameter, 'values', i, 'value', ...(issue.path as (string | number)[])]);
        throw new RuleError(`${file.path}:${line}: ${parameter}: ${issue.path.join('.') || '(value)'}: ${issue.message}`);
      }
      segments.push({ from: v.from, to: v.to, def: parsed.data });
      provenance.push(valueAt(file, parameter, v.from).prov);
    });
  }
  if (segments.length === 0) throw new RuleError(`no rule file of ${jurisdiction} has a "${parameter}" calendar`);
  return { calendar: new BusinessCalendar(jurisdiction, segments), provenance };
}
