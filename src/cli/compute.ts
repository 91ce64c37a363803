import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { computePayslips, type ComputeStats } from '../calc/computeCompany.js';
import { planColumns } from '../calc/columns.js';
import { loadCompany } from '../io/loadCompany.js';
import { RuleError } from '../rules/index.js';
import { InputError } from '../model/problems.js';
import { Decimal, ZERO, formatMoney } from '../money/index.js';
import { writeExpectedCsv } from '../report/expectedCsv.js';
import { findUnpaidTime, findUnusedYtd } from '../calc/unpaidTime.js';
import { parseCommandArgs } from './args.js';
import { loadRuleBook } from './ruleBook.js';
import { UsageError } from './usage.js';
import type { Command } from './main.js';

const usage = `Usage: payrecon compute <company-dir> --out <dir> [--rules <path>]...

Re-computes every payslip of the company from its source data and writes
<dir>/expected.csv, the expected register (one row per payslip).

Options:
  --out <dir>      output folder (created if missing)
  --rules <path>   rule files or folders to use instead of the bundled rules/`;

const command: Command = {
  summary: 'Re-compute every payslip and write the expected register (expected.csv)',
  usage,
  async run(args) {
    const { values, positionals } = parseCommandArgs(args, { out: { type: 'string' }, rules: { type: 'string', multiple: true } }, usage);
    const dir = positionals[0];
    if (!dir || positionals.length > 1) throw new UsageError('expected exactly one company folder');
    if (!values.out) throw new UsageError('--out <dir> is required');
    const book = loadRuleBook(values.rules);
    const company = await loadCompany(dir);
    mkdirSync(values.out, { recursive: true });
    const stats: ComputeStats = { payslips: 0, timeEntriesUsed: 0, earningsUsed: 0 };
    let plan;
    const totals = new Map<string, Decimal>();
    try {
      plan = planColumns(company, book);
      const rows = (function* () {
        for (const p of computePayslips(company, book, {}, stats)) {
          for (const [k, v] of p.row.values) totals.set(k, (totals.get(k) ?? ZERO).plus(v));
          yield p.row;
        }
      })();
      await writeExpectedCsv(join(values.out, 'expected.csv'), plan.columns, rows);
    } catch (e) {
      if (e instanceof RuleError) throw new InputError([{ file: 'rules', message: e.message }]);
      throw e;
    }
    const unpaid = findUnpaidTime(company);
    const unusedYtd = findUnusedYtd(company);
    const out = process.stdout;
    out.write(`payrecon compute: ${stats.payslips} payslips written to ${join(values.out, 'expected.csv')}\n\n`);
    out.write('Input rows:\n');
    for (const [file, n] of Object.entries(company.rowsRead)) {
      let how = 'used';
      if (file === 'time.csv') how = `${n - unpaid.length} used${unpaid.length ? `, ${unpaid.length} outside any paid period (listed below)` : ''}`;
      if (file === 'earnings.csv') how = `${stats.earningsUsed} used`;
      if (file === 'ytd.csv') how = `${n - unusedYtd.length} used${unusedYtd.length ? `, ${unusedYtd.length} with no later pay date in their year (listed below)` : ''}`;
      out.write(`  ${file.padEnd(18)} ${String(n).padStart(9)}  ${how}\n`);
    }
    out.write('\nTotals:\n');
    for (const item of plan.columns) {
      const v = totals.get(item);
      if (v === undefined || item.endsWith('.wages') || item.endsWith('_hours')) continue;
      out.write(`  ${item.padEnd(22)} ${formatMoney(v).padStart(16)}\n`);
    }
    if (unpaid.length) {
      process.stderr.write(`\nwarning: ${unpaid.length} time entries fall outside every period in which the employee was paid:\n`);
      for (const u of unpaid.slice(0, 20)) process.stderr.write(`  time.csv: employee ${u.employee_id}, ${u.date}, ${u.hours.toString()} h: ${u.reason}\n`);
      if (unpaid.length > 20) process.stderr.write(`  … and ${unpaid.length - 20} more\n`);
    }
    if (unusedYtd.length) {
      process.stderr.write(`\nwarning: ${unusedYtd.length} opening balances in ytd.csv count for no payslip (they apply to pay dates after as_of in the same year):\n`);
      for (const u of unusedYtd.slice(0, 20)) process.stderr.write(`  ytd.csv line ${u.line}: employee ${u.employee_id}, ${u.item} as of ${u.as_of}\n`);
      if (unusedYtd.length > 20) process.stderr.write(`  … and ${unusedYtd.length - 20} more\n`);
    }
    return 0;
  },
};
export default command;
