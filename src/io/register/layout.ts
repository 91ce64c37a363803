import { itemKey, type RegisterProfile } from '../../model/registerProfile.js';
import { InputError, type InputProblem } from '../problems.js';
import type { RegisterEncoding } from './decode.js';
import type { NumberFormat } from './numberFormat.js';

/** How to read one register file: text format, key columns and which column feeds which item. */
export interface RegisterLayout {
  /** For messages: "canonical layout" or the profile's name and file. */
  name: string;
  encoding: RegisterEncoding;
  delimiter: string;
  dateFormat: string;
  number: NumberFormat;
  keys: { employee_id: string; pay_date: string; period_start?: string; period_end?: string };
  /** Mapped columns. Undefined in the canonical layout: every non-key column is an item of the same name. */
  columns?: ReadonlyArray<{ column: string; items: string[]; negative: boolean }>;
}

/** The canonical layout: the columns of expected.csv, plain numbers, ISO dates, UTF-8. */
export function canonicalLayout(): RegisterLayout {
  return {
    name: 'canonical layout (expected.csv columns)',
    encoding: 'utf-8',
    delimiter: ',',
    dateFormat: 'yyyy-MM-dd',
    number: { decimal: '.', thousands: '' },
    keys: { employee_id: 'employee_id', pay_date: 'pay_date', period_start: 'period_start', period_end: 'period_end' },
  };
}

export function profileLayout(p: RegisterProfile, name: string): RegisterLayout {
  return {
    name,
    encoding: p.encoding,
    delimiter: p.delimiter,
    dateFormat: p.date_format,
    number: p.number,
    keys: p.keys,
    columns: Object.entries(p.columns).map(([column, t]) => ({ column, items: t.items, negative: t.negative })),
  };
}

export interface BoundColumn {
  index: number;
  column: string;
  /** Value key in RegisterRow.values: an item, or items joined with `+` for a column holding their sum. */
  key: string;
  negative: boolean;
}

export interface BoundLayout {
  keys: { employee_id: number; pay_date: number; period_start?: number; period_end?: number };
  columns: BoundColumn[];
  /** Header columns the layout does not use (reported in the summary, never guessed at). */
  ignored: string[];
}

const ITEM = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/;

/** Match a layout to a file's header. Throws InputError (line 1, column) when a column it needs is missing. */
export function bindLayout(layout: RegisterLayout, header: readonly string[], file: string): BoundLayout {
  const problems: InputProblem[] = [];
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    if (index.has(h)) problems.push({ file, line: 1, column: h, message: `column "${h}" appears twice in the header` });
    else index.set(h, i);
  });
  const need = (col: string, what: string): number => {
    const i = index.get(col);
    if (i === undefined) problems.push({ file, line: 1, column: col, message: `${what} column "${col}" is not in the header (${layout.name})` });
    return i ?? -1;
  };
  const keys: BoundLayout['keys'] = {
    employee_id: need(layout.keys.employee_id, 'key'),
    pay_date: need(layout.keys.pay_date, 'key'),
  };
  const canonical = layout.columns === undefined;
  for (const k of ['period_start', 'period_end'] as const) {
    const col = layout.keys[k];
    if (col === undefined) continue;
    if (canonical) {
      const i = index.get(col);
      if (i !== undefined) keys[k] = i;
    } else keys[k] = need(col, 'key');
  }
  const keyCols = new Set(Object.values(layout.keys));
  const columns: BoundColumn[] = [];
  const used = new Set<string>(keyCols);
  if (layout.columns) {
    for (const c of layout.columns) {
      const i = need(c.column, 'mapped');
      used.add(c.column);
      if (i >= 0) columns.push({ index: i, column: c.column, key: itemKey(c.items), negative: c.negative });
    }
  } else {
    header.forEach((h, i) => {
      if (keyCols.has(h)) return;
      if (!ITEM.test(h)) {
        problems.push({
          file,
          line: 1,
          column: h,
          message: `"${h}" is not an expected.csv column name; a register in another layout needs a mapping profile (register_profile in payrecon.yaml)`,
        });
        return;
      }
      used.add(h);
      columns.push({ index: i, column: h, key: h, negative: false });
    });
  }
  if (problems.length) throw new InputError(problems);
  return { keys, columns, ignored: header.filter((h) => !used.has(h)) };
}
