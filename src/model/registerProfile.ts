import { z } from 'zod';

/**
 * A register mapping profile (YAML): how to read a partner's payroll register
 * that does not use payrecon's canonical column names. See docs/reconcile.md.
 *
 *   profile: 1
 *   name: US check register
 *   encoding: utf-8
 *   date_format: MM/dd/yyyy
 *   number: { decimal: ".", thousands: "," }
 *   keys: { employee_id: "File #", pay_date: "Check Date" }
 *   columns:
 *     Gross Pay: gross
 *     Medicare: [us.medicare.ee, us.medicare_addl.ee]     # one column, the sum of two items
 *     Federal Income Tax: { item: us.fit, negative: true } # shown as -123.45
 */

/** An item name as in expected.csv: `gross`, `us.ss.ee`, `us.ss.ee.wages`, `ded.401k`, `bonus`… */
const itemName = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/, 'expected an item name as in expected.csv, such as gross, us.fit or us.ss.ee.wages');

/** A column's target: `us.fit`, `[us.medicare.ee, us.medicare_addl.ee]` or `{ item: ded.401k, negative: true }`. */
const columnTarget = z.preprocess(
  (v) => (typeof v === 'string' ? { item: v } : Array.isArray(v) ? { items: v } : v),
  z
    .strictObject(
      {
        item: itemName.optional(),
        items: z.array(itemName).min(1).optional(),
        /** The register shows the amount as a negative number (deductions as -123.45): payrecon flips the sign. */
        negative: z.boolean().default(false),
      },
      { error: 'expected an item name, a list of item names, or { item, negative }' },
    )
    .refine((o) => (o.item === undefined) !== (o.items === undefined), { message: 'expected exactly one of item or items' })
    .transform((o) => ({ items: o.items ?? [o.item!], negative: o.negative })),
);

export const ENCODINGS = ['utf-8', 'windows-1252', 'latin1'] as const;

export const registerProfileSchema = z
  .strictObject({
    /** Format version of the profile file. */
    profile: z.literal(1),
    name: z.string().min(1).optional(),
    encoding: z
      .string()
      .trim()
      .toLowerCase()
      .transform((s) => (s === 'utf8' ? 'utf-8' : s === 'cp1252' ? 'windows-1252' : s === 'iso-8859-1' ? 'latin1' : s))
      .pipe(z.enum(ENCODINGS))
      .default('utf-8'),
    /** Field separator: "," (default), ";" or a tab. */
    delimiter: z.enum([',', ';', '\t', '|']).default(','),
    /** date-fns pattern of the key dates: yyyy-MM-dd (default), MM/dd/yyyy, dd/MM/yyyy, dd.MM.yyyy… */
    date_format: z.string().min(1).default('yyyy-MM-dd'),
    number: z
      .strictObject({
        decimal: z.enum(['.', ',']).default('.'),
        /** Thousands separator: "" (none), ",", ".", " " (a space, also no-break spaces) or "'". */
        thousands: z.enum(['', ',', '.', ' ', "'"]).default(''),
      })
      .refine((n) => n.decimal !== n.thousands, { message: 'the decimal and thousands separators must differ' })
      .default({ decimal: '.', thousands: '' }),
    keys: z.strictObject({
      employee_id: z.string().min(1),
      pay_date: z.string().min(1),
      period_start: z.string().min(1).optional(),
      period_end: z.string().min(1).optional(),
    }),
    /** Register column → item(s) it feeds. A list of items means the column holds their sum. */
    columns: z.record(z.string().min(1), columnTarget).refine((c) => Object.keys(c).length > 0, { message: 'expected at least one column' }),
  })
  .superRefine((p, ctx) => {
    const seen = new Map<string, string>();
    for (const [col, t] of Object.entries(p.columns ?? {})) {
      if (!t || !Array.isArray(t.items)) continue; // already reported
      if (Object.values(p.keys ?? {}).includes(col)) ctx.addIssue({ code: 'custom', path: ['columns', col], message: `column "${col}" is already a key column` });
      for (const item of t.items) {
        const prev = seen.get(item);
        if (prev !== undefined) ctx.addIssue({ code: 'custom', path: ['columns', col], message: `item ${item} is fed by two columns ("${prev}" and "${col}")` });
        seen.set(item, col);
      }
    }
  });
export type RegisterProfile = z.output<typeof registerProfileSchema>;

/** Item key of a register value: one item, or the sum of several joined with `+` (`us.medicare.ee+us.medicare_addl.ee`). */
export function itemKey(items: readonly string[]): string {
  return items.join('+');
}

/** The items a register value key stands for. */
export function itemsOfKey(key: string): string[] {
  return key.split('+');
}
