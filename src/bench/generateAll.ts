import { join } from 'node:path';
import { loadRuleBook } from '../cli/ruleBook.js';
import { loadSettings } from '../io/loadSettings.js';
import { readCsv } from '../io/readCsv.js';
import { employeeRowSchema, payCalendarRowSchema, type Company, type Employee, type PayPeriod } from '../model/index.js';
import { forEachExpectedRow } from '../parallel/expectedStream.js';
import { generateCompany } from './generate.js';
import { writeDeposits, writeManifest, writeRegister, type Manifest, type RegisterResult } from './register.js';

export interface GenerateAllOptions {
  employees: number;
  periods: number;
  seed: number;
  out: string;
  errorRate?: number;
  /** Threads for the re-computation behind the register (default: CPU count). */
  workers?: number;
  /** Rule files or folders (default: the bundled rules/). */
  rules?: string[];
}

/** The whole synthetic company folder: inputs, the partner's register with seeded errors, deposits, manifest. */
export async function generateAll(o: GenerateAllOptions): Promise<{ rows: Record<string, number>; manifest: Manifest }> {
  const errorRate = o.errorRate ?? 0.001;
  const rows = generateCompany(o);
  const book = loadRuleBook(o.rules);
  const company = await loadMasterData(o.out);
  let w: ReturnType<typeof writeRegister> | undefined;
  await forEachExpectedRow(o.out, join(o.out, '.gen-scratch'), (columns) => {
    w = writeRegister(o.out, company, columns, o.seed, errorRate);
    return w.row;
  }, { workers: o.workers, rules: o.rules });
  const reg: RegisterResult = w!.close();
  rows['register.csv'] = reg.rows;
  const dep = writeDeposits(o.out, company, book, reg.totals, o.seed);
  rows['deposits.csv'] = dep.rows;
  const manifest = writeManifest(o.out, o.seed, errorRate, reg, dep);
  return { rows, manifest };
}

/** Employees, calendar and settings only (the register writer needs no time entries). */
async function loadMasterData(dir: string): Promise<Company> {
  const employees = new Map<string, Employee[]>();
  await readCsv(join(dir, 'employees.csv'), {
    schema: employeeRowSchema,
    required: [],
    onRow: (row, line) => {
      const l = employees.get(row.employee_id) ?? [];
      l.push({ ...row, fields: {}, line });
      employees.set(row.employee_id, l);
    },
  });
  const calendar: PayPeriod[] = [];
  await readCsv(join(dir, 'pay_calendar.csv'), { schema: payCalendarRowSchema, required: [], onRow: (r) => calendar.push(r) });
  calendar.sort((a, b) => a.pay_date.localeCompare(b.pay_date) || a.pay_frequency.localeCompare(b.pay_frequency));
  const { settings } = loadSettings(dir);
  return { dir, settings: settings!, employees, calendar, time: new Map(), earnings: new Map(), deductions: new Map(), ytd: new Map(), rowsRead: {} };
}
