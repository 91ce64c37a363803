import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  EMPLOYEE_REQUIRED_COLUMNS,
  employeeOf,
  deductionRowSchema,
  earningRowSchema,
  employeeRowSchema,
  payCalendarRowSchema,
  ytdRowSchema,
  type Company,
  type Deduction,
  type Earning,
  type Employee,
  type PayPeriod,
  type TimeSheet,
  type YtdBalance,
} from '../model/index.js';
import { loadSettings } from './loadSettings.js';
import { InputError, type InputProblem } from './problems.js';
import { readCsv } from './readCsv.js';
import { readTimeSheets } from './loadTime.js';

const JURISDICTION_PREFIX = /^[a-z]{2}_[a-z0-9_]+$/;

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/**
 * Read and validate a company folder. All problems of every file are
 * collected and thrown together as one InputError (the CLI exits 2).
 */
export interface LoadCompanyOptions {
  /** Keep only these employees (by employee_id) from every employee-keyed file: a worker thread's share. */
  keep?: (employeeId: string) => boolean;
  /** Leave time.csv unread (`time` empty, not counted): the caller indexes it and reads it by blocks of employees. */
  deferTime?: boolean;
}

export async function loadCompany(dir: string, opts: LoadCompanyOptions = {}): Promise<Company> {
  const keep = opts.keep ? { column: 'employee_id', test: opts.keep } : undefined;
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new InputError([{ file: dir, message: 'company folder not found' }]);
  const problems: InputProblem[] = [];
  const { settings, problems: sp } = loadSettings(dir);
  problems.push(...sp);
  const f = (name: string) => join(dir, name);
  const rowsRead: Record<string, number> = {};

  // employees.csv
  const employees = new Map<string, Employee[]>();
  const empFile = f('employees.csv');
  const er = await readCsv(empFile, {
    schema: employeeRowSchema,
    keep,
    required: EMPLOYEE_REQUIRED_COLUMNS,
    onRow: (row, line, raw) => {
      const fields: Record<string, string> = {};
      for (const [k, v] of Object.entries(raw ?? {})) if (JURISDICTION_PREFIX.test(k) && !k.startsWith('fed_') && v.trim() !== '') fields[k] = v.trim();
      const e = employeeOf(row, fields, line);
      const legacy = e.fed_w4 === 'legacy';
      const st = e.fed_filing_status;
      if (st && legacy && st !== 'single' && st !== 'married') {
        problems.push({ file: empFile, line, column: 'fed_filing_status', message: `a 2019-or-earlier Form W-4 has single or married, found "${st}"` });
      }
      if (st && !legacy && st === 'married') {
        problems.push({ file: empFile, line, column: 'fed_filing_status', message: 'a 2020-or-later Form W-4 has single, married_jointly or head_of_household, found "married"' });
      }
      if (e.termination_date && e.termination_date < e.hire_date) {
        problems.push({ file: empFile, line, column: 'termination_date', message: `termination date ${e.termination_date} is before the hire date ${e.hire_date}` });
      }
      push(employees, e.employee_id, e);
    },
  });
  problems.push(...er.problems);
  rowsRead['employees.csv'] = er.rows;
  for (const [id, versions] of employees) {
    versions.sort((a, b) => (a.effective_from ?? a.hire_date).localeCompare(b.effective_from ?? b.hire_date));
    const seen = new Set<string>();
    for (const v of versions) {
      const k = v.effective_from ?? '';
      if (seen.has(k)) problems.push({ file: empFile, line: v.line, column: 'effective_from', message: `employee ${id} has two rows in force from ${k || 'hire'}: give each row its own effective_from` });
      seen.add(k);
    }
  }

  // pay_calendar.csv
  const calendar: PayPeriod[] = [];
  const calFile = f('pay_calendar.csv');
  const cr = await readCsv(calFile, {
    schema: payCalendarRowSchema,
    required: ['pay_frequency', 'period_start', 'period_end', 'pay_date'],
    onRow: (row) => calendar.push(row),
  });
  problems.push(...cr.problems);
  rowsRead['pay_calendar.csv'] = cr.rows;
  calendar.sort((a, b) => a.pay_date.localeCompare(b.pay_date) || a.pay_frequency.localeCompare(b.pay_frequency));
  const payDates = new Set(calendar.map((p) => `${p.pay_frequency}|${p.pay_date}`));

  const employeesUnread = er.header.length === 0;
  const known = (file: string, line: number, id: string): boolean => {
    if (employees.has(id)) return true;
    if (employeesUnread) return false; // employees.csv itself is reported; don't repeat it for every row
    problems.push({ file, line, column: 'employee_id', message: `employee "${id}" is not in employees.csv` });
    return false;
  };

  // time.csv: millions of rows at scale, kept compact (TimeSheet). Deferred: the caller reads it block by block (TimeIndex).
  const time = new Map<string, TimeSheet>();
  const timeFile = f('time.csv');
  if (existsSync(timeFile) && !opts.deferTime) {
    const tr = await readTimeSheets(timeFile, { ...(opts.keep ? { keep: opts.keep } : {}), known: (line, id) => known(timeFile, line, id) });
    for (const [id, s] of tr.time) time.set(id, s);
    problems.push(...tr.problems);
    rowsRead['time.csv'] = tr.rows;
  }

  const freqOf = (id: string): string | undefined => employees.get(id)?.at(-1)?.pay_frequency;

  // earnings.csv
  const earnings = new Map<string, Earning[]>();
  const earnFile = f('earnings.csv');
  if (existsSync(earnFile)) {
    const r = await readCsv(earnFile, {
      schema: earningRowSchema,
      keep,
      required: ['employee_id', 'pay_date', 'code', 'amount'],
      onRow: (row, line) => {
        if (!known(earnFile, line, row.employee_id)) return;
        const freq = employees.get(row.employee_id)!.some((v) => payDates.has(`${v.pay_frequency}|${row.pay_date}`));
        if (!freq) {
          problems.push({ file: earnFile, line, column: 'pay_date', message: `no ${freqOf(row.employee_id)} pay date ${row.pay_date} in pay_calendar.csv` });
          return;
        }
        push(earnings, row.employee_id, row);
      },
    });
    problems.push(...r.problems);
    rowsRead['earnings.csv'] = r.rows;
  }

  // deductions.csv
  const deductions = new Map<string, Deduction[]>();
  const dedFile = f('deductions.csv');
  if (existsSync(dedFile)) {
    const r = await readCsv(dedFile, {
      schema: deductionRowSchema,
      keep,
      required: ['employee_id', 'kind'],
      onRow: (row, line) => {
        if (row.effective_from && row.effective_to && row.effective_to < row.effective_from) {
          problems.push({ file: dedFile, line, column: 'effective_to', message: 'effective_to is before effective_from' });
          return;
        }
        if (known(dedFile, line, row.employee_id)) push(deductions, row.employee_id, row);
      },
    });
    problems.push(...r.problems);
    rowsRead['deductions.csv'] = r.rows;
  }

  // ytd.csv
  const ytd = new Map<string, Array<YtdBalance & { line: number }>>();
  const ytdFile = f('ytd.csv');
  if (existsSync(ytdFile)) {
    const r = await readCsv(ytdFile, {
      schema: ytdRowSchema,
      keep,
      required: ['employee_id', 'as_of', 'item', 'amount'],
      onRow: (row, line) => {
        if (known(ytdFile, line, row.employee_id)) push(ytd, row.employee_id, { ...row, line });
      },
    });
    problems.push(...r.problems);
    rowsRead['ytd.csv'] = r.rows;
  }

  // Every employee's frequency needs calendar rows.
  const freqs = new Set(calendar.map((p) => p.pay_frequency));
  for (const versions of employees.values()) {
    for (const v of versions) {
      if (!freqs.has(v.pay_frequency)) {
        problems.push({ file: empFile, line: v.line, column: 'pay_frequency', message: `pay_calendar.csv has no ${v.pay_frequency} periods` });
      }
    }
  }

  if (problems.length || !settings) throw new InputError(problems);
  return { dir, settings, employees, calendar, time, earnings, deductions, ytd, rowsRead };
}
