import { Decimal } from '../../money/index.js';

/** A rule-file number (YAML gives JS numbers whose shortest text is exact; numeric strings are accepted) as a Decimal, or undefined. */
export function toDecimal(v: unknown): Decimal | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return new Decimal(v);
  if (typeof v === 'string' && /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(v.trim())) return new Decimal(v.trim());
  return undefined;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
