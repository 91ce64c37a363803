import { format, isValid, parse } from 'date-fns';
import { isCivilDate, type CivilDate } from '../../dates/index.js';

const REF = new Date(2000, 0, 1);

/**
 * A parser for dates written in a date-fns pattern (`MM/dd/yyyy`,
 * `dd.MM.yyyy`…), returning ISO civil dates. Registers repeat a handful of pay
 * dates a million times, so results are cached by text.
 */
export function dateParser(pattern: string): (text: string) => CivilDate | undefined {
  if (pattern === 'yyyy-MM-dd') return (t) => (isCivilDate(t.trim()) ? t.trim() : undefined);
  const cache = new Map<string, CivilDate | undefined>();
  return (text: string) => {
    const t = text.trim();
    if (cache.has(t)) return cache.get(t);
    let out: CivilDate | undefined;
    if (t !== '') {
      const d = parse(t, pattern, REF);
      if (isValid(d)) {
        const iso = format(d, 'yyyy-MM-dd');
        // date-fns accepts 2-digit years for yyyy; a payroll date before 1900 is a misread.
        if (isCivilDate(iso) && iso >= '1900-01-01') out = iso;
      }
    }
    if (cache.size < 100_000) cache.set(t, out);
    return out;
  };
}

/** Throws when the pattern is not one date-fns can use, so a bad profile is caught at load time. */
export function checkDatePattern(pattern: string): string | undefined {
  try {
    format(new Date(2026, 0, 2), pattern);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}
