import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { computeCompany } from '../calc/computeCompany.js';
import { CalendarRangeError } from '../calc/calendar/index.js';
import { isCivilDate, type CivilDate } from '../dates/index.js';
import { loadCompany } from '../io/loadCompany.js';
import { readCsv } from '../io/readCsv.js';
import { csvLine } from '../io/writeCsv.js';
import { depositRowSchema, type Company, type Deposit, type RegisterRow } from '../model/index.js';
import { InputError, type InputProblem } from '../model/problems.js';
import { FAIL_ON, exitStatusFor, type FailOn } from '../reconcile/failOn.js';
import { auditRemittances, REMITTANCE_COLUMNS, type RemittanceResult, type RemittanceSummary } from '../remit/index.js';
import { writeFindings } from '../report/findingsOutput.js';
import { RuleError, type RuleBook } from '../rules/index.js';
import { parseCommandArgs } from './args.js';
import type { Command } from './main.js';
import { loadRuleBook } from './ruleBook.js';
import { bold, green, red, yellow } from './style.js';
import { UsageError } from './usage.js';

const usage = `Usage: payrecon remittances <company-dir> --out <dir> [--as-of YYYY-MM-DD] [--fail-on error|warning|never] [--rules <path>]...

Audits the tax deposits in <company-dir>/deposits.csv against the liabilities of
the expected register: due dates under the IRS deposit rules (rules/us/irs-deposits.yaml,
DC legal holidays in rules/us/dc-holidays.yaml), lateness, shortfalls, missing
and excess deposits, and the estimated failure-to-deposit penalty. Deposits to
CA-EDD and NY-DTF are audited the same way under the state rules
(rules/us/ca-edd-deposits.yaml, ny-dtf-deposits.yaml, state holiday calendars)
when deposits.csv has rows for the agency.

Writes <dir>/remittances.csv (one row per liability), <dir>/findings.csv and
<dir>/findings.json (codes DEPOSIT_LATE, DEPOSIT_SHORT, DEPOSIT_MISSING, DEPOSIT_EXCESS).

Options:
  --out <dir>        output folder (created if missing)
  --as-of <date>     audit date: liabilities due after it are "not_due", unpaid ones age until it
                     (default: every liability counts as due)
  --fail-on <level>  exit 1 when a finding of this severity or worse exists (default error)
  --rules <path>     rule files or folders to use instead of the bundled rules/`;

const display = (p: string) => {
  const r = relative(process.cwd(), p);
  return (r.startsWith('..') ? p : r).split(sep).join('/');
};

/** Read deposits.csv (model/deposit.ts) with each row's line; every problem of the file becomes one InputError. */
export async function readDeposits(file: string): Promise<Array<Deposit & { line: number }>> {
  const rows: Array<Deposit & { line: number }> = [];
  const res = await readCsv(file, {
    schema: depositRowSchema,
    required: ['agency', 'form', 'tax_period', 'amount', 'paid_date'],
    onRow: (row, line) => rows.push({ ...row, line }),
  });
  if (res.problems.length) throw new InputError(res.problems.map((p: InputProblem) => ({ ...p, file: display(p.file) })));
  return rows;
}

/**
 * The deposit audit of a company folder, for `payrecon reconcile`: undefined
 * when the folder has no deposits.csv. `rows` is the expected register
 * (computeCompany(...).rows); `partnerRows` the partner's register when read.
 * Throws InputError for an unreadable deposits.csv or rule problems.
 */
export async function auditCompanyDeposits(
  company: Company,
  book: RuleBook,
  rows: readonly RegisterRow[],
  opts: { partnerRows?: readonly RegisterRow[]; asOf?: CivilDate } = {},
): Promise<RemittanceResult | undefined> {
  const file = join(company.dir, 'deposits.csv');
  if (!existsSync(file)) return undefined;
  const deposits = await readDeposits(file);
  try {
    return auditRemittances({ rows, deposits, settings: company.settings, book, partnerRows: opts.partnerRows, asOf: opts.asOf, depositsFile: display(file) });
  } catch (e) {
    if (e instanceof RuleError || e instanceof CalendarRangeError) throw new InputError([{ file: 'rules', message: e.message }]);
    throw e;
  }
}

const pct = (x: number | null) => (x === null ? 'n/a' : `${(Math.round(x * 1000) / 10).toFixed(1)}%`);

/** The stdout summary: schedule, liabilities by status, on-time rates, penalty exposure. */
export function formatRemittanceSummary(s: RemittanceSummary): string {
  const lines: string[] = [];
  lines.push(`Deposit schedule: ${s.schedule.schedule} (${s.schedule.reason})`);
  for (const w of s.switches) lines.push(`  semiweekly from ${w.from} to at least ${w.until} ($100,000 next-day rule on ${w.trigger})`);
  for (const g of (s.agencies ?? []).slice(1)) {
    lines.push(
      g.audited
        ? `State deposits ${g.agency}: ${g.liabilities} liabilit${g.liabilities === 1 ? 'y' : 'ies'}, ${g.amountDue} due, ${g.penaltyNotEstimated ? 'penalty not estimated' : `estimated penalty ${g.penaltyTotal}`}`
        : `State deposits ${g.agency}: not audited (see notes)`,
    );
  }
  lines.push(`Deposits: ${s.deposits.read} read, ${s.deposits.audited} audited${s.deposits.notAudited ? `, ${s.deposits.notAudited} not audited (see notes)` : ''}`);
  lines.push(`Liabilities: ${s.liabilities} (${s.due} due)`);
  const st = s.byStatus;
  const parts = [
    `${st.on_time} on time`,
    st.short_safe_harbor ? `${st.short_safe_harbor} short within the safe harbor` : '',
    st.late ? red(`${st.late} late`) : '',
    st.short ? red(`${st.short} short`) : '',
    st.missing ? red(`${st.missing} missing`) : '',
    st.not_due ? `${st.not_due} not yet due` : '',
  ].filter(Boolean);
  lines.push(`  ${parts.join(', ')}`);
  if (s.deposits.excess !== '0.00') lines.push(yellow(`  excess deposits: ${s.deposits.excess}`));
  const rate = `On-time rate: ${pct(s.onTimeRateByCount)} by count, ${pct(s.onTimeRateByDollars)} by dollars (${s.amountOnTime} of ${s.amountDue})`;
  lines.push(s.onTimeRateByCount === 1 ? green(rate) : rate);
  lines.push(bold(`Estimated penalty exposure: ${s.penaltyTotal}`));
  if (s.notes.length) {
    lines.push('Notes:');
    for (const n of s.notes) lines.push(`  - ${n}`);
  }
  return lines.join('\n') + '\n';
}

/** Write remittances.csv. */
export function writeRemittancesCsv(path: string, result: RemittanceResult): void {
  let csv = csvLine(REMITTANCE_COLUMNS);
  for (const r of result.remittances) csv += csvLine(REMITTANCE_COLUMNS.map((c) => r[c]));
  writeFileSync(path, csv);
}

const command: Command = {
  summary: 'Audit tax deposits (deposits.csv) for lateness, shortfall and penalties',
  usage,
  async run(args) {
    const { values, positionals } = parseCommandArgs(
      args,
      { out: { type: 'string' }, rules: { type: 'string', multiple: true }, 'as-of': { type: 'string' }, 'fail-on': { type: 'string' } },
      usage,
    );
    const dir = positionals[0];
    if (!dir || positionals.length > 1) throw new UsageError('expected exactly one company folder');
    if (!values.out) throw new UsageError('--out <dir> is required');
    const asOf = values['as-of'];
    if (asOf !== undefined && !isCivilDate(asOf)) throw new UsageError(`--as-of: expected a date written YYYY-MM-DD (found "${asOf}")`);
    const failOn = (values['fail-on'] ?? 'error') as FailOn;
    if (!FAIL_ON.includes(failOn)) throw new UsageError(`--fail-on: expected one of ${FAIL_ON.join(', ')} (found "${values['fail-on']}")`);

    const book = loadRuleBook(values.rules);
    const company = await loadCompany(dir);
    if (!existsSync(join(company.dir, 'deposits.csv'))) {
      throw new InputError([{ file: display(join(company.dir, 'deposits.csv')), message: 'file not found: the remittance audit needs the deposits made (agency, form, tax_period, amount, paid_date, reference, liability_date)' }]);
    }
    let rows: RegisterRow[];
    try {
      rows = computeCompany(company, book).rows;
    } catch (e) {
      if (e instanceof RuleError) throw new InputError([{ file: 'rules', message: e.message }]);
      throw e;
    }
    const result = (await auditCompanyDeposits(company, book, rows, { asOf }))!;
    mkdirSync(values.out, { recursive: true });
    writeRemittancesCsv(join(values.out, 'remittances.csv'), result);
    writeFindings(values.out, result.findings, { meta: { command: 'remittances', company: display(dir), summary: result.summary } });
    process.stdout.write(`payrecon remittances: ${result.remittances.length} liabilities written to ${display(join(values.out, 'remittances.csv'))}, ${result.findings.length} findings\n\n`);
    process.stdout.write(formatRemittanceSummary(result.summary));
    return exitStatusFor(result.findings, failOn);
  },
};
export default command;
