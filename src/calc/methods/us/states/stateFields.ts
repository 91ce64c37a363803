import { z } from 'zod';
import { Decimal, ZERO, minDec } from '../../../../money/index.js';
import type { TaxInput, TraceLine } from '../../types.js';

/**
 * Helpers shared by the state withholding methods: reading the jurisdiction-
 * prefixed employee columns (raw text in `employee.fields`) and applying the
 * additional amount an employee asks for on the state certificate.
 */

/** A whole number of allowances, empty = 0. */
export const allowanceField = z
  .string()
  .trim()
  .regex(/^\d{1,2}$/, 'expected a whole number of allowances from 0 to 99')
  .optional();

/** An amount per pay period, empty = 0. */
export const amountField = z
  .string()
  .trim()
  .regex(/^\d+(\.\d{1,2})?$/, 'expected an amount per pay period such as 10.00')
  .optional();

export function intField(input: TaxInput, key: string): number {
  const raw = input.employee.fields[key];
  return raw === undefined || raw.trim() === '' ? 0 : Number.parseInt(raw.trim(), 10);
}

export function amountOf(input: TaxInput, key: string): Decimal {
  const raw = input.employee.fields[key];
  return raw === undefined || raw.trim() === '' ? ZERO : new Decimal(raw.trim());
}

export function textField(input: TaxInput, key: string): string | undefined {
  const raw = input.employee.fields[key]?.trim();
  return raw ? raw.toLowerCase() : undefined;
}

/**
 * Add the employee's additional withholding per period (only on a payslip
 * with wages), never taking more than the period's wages.
 */
export function withExtra(tax: Decimal, extra: Decimal, wages: Decimal, lines: TraceLine[], label: string): Decimal {
  let total = tax;
  if (extra.gt(0) && wages.gt(0)) {
    total = tax.plus(extra);
    lines.push({ label, value: extra.toFixed(2) });
  }
  if (total.gt(wages)) {
    total = minDec(total, wages);
    lines.push({ label: 'Withholding limited to the wages of the period', value: wages.toFixed(2) });
  }
  return total;
}
