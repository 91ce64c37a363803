import { isCivilDate, makeDate, quarterOf, type CivilDate } from '../dates/index.js';

/** A `tax_period` cell of deposits.csv, understood: a year and, when given, a quarter. */
export interface TaxPeriod {
  year: number;
  quarter?: number;
}

/**
 * Accepted spellings: `2026Q1`, `2026-Q1`, `2026 Q1`, `Q1 2026`, `Q1-2026`;
 * a month `2026-03` or `202603` (EFTPS writes the quarter's last month) or a
 * date `2026-03-31`, both read as the quarter holding it; a year `2026`.
 */
export function parseTaxPeriod(text: string): TaxPeriod | undefined {
  const t = text.trim().toUpperCase();
  let m = /^(\d{4})\s*[-/ ]?\s*Q([1-4])$/.exec(t);
  if (m) return { year: Number(m[1]), quarter: Number(m[2]) };
  m = /^Q([1-4])\s*[-/ ]?\s*(\d{4})$/.exec(t);
  if (m) return { year: Number(m[2]), quarter: Number(m[1]) };
  m = /^(\d{4})-?(\d{2})$/.exec(t);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return { year: Number(m[1]), quarter: Math.floor((Number(m[2]) - 1) / 3) + 1 };
  if (isCivilDate(t)) return { year: Number(t.slice(0, 4)), quarter: quarterOf(t as CivilDate) };
  m = /^(\d{4})$/.exec(t);
  if (m) return { year: Number(m[1]) };
  return undefined;
}

/** The return-period key of a deposit: `2026Q1` for a quarterly return, `2026` for an annual one. */
export function taxPeriodKey(p: TaxPeriod, returnPeriod: 'quarter' | 'year', liabilityDate?: CivilDate): string | undefined {
  if (returnPeriod === 'year') return String(p.year);
  if (p.quarter !== undefined) return `${p.year}Q${p.quarter}`;
  if (liabilityDate && Number(liabilityDate.slice(0, 4)) === p.year) return `${p.year}Q${quarterOf(liabilityDate)}`;
  return undefined;
}

export function quarterFirstDay(year: number, quarter: number): CivilDate {
  return makeDate(year, (quarter - 1) * 3 + 1, 1);
}
