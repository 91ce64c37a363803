import { Decimal } from './decimal.js';

const PLAIN = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** Parse a plain decimal such as `1234.56` or `-4`. Returns undefined when it is not one. */
export function parseDecimal(text: string): Decimal | undefined {
  const t = text.trim();
  if (!PLAIN.test(t)) return undefined;
  return new Decimal(t);
}
