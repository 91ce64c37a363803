import { existsSync, mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { computeCompany } from '../calc/computeCompany.js';
import { employeeFacts, periodLookup, ruleLookup } from '../reconcile/companyFacts.js';
import { loadCompany } from '../io/loadCompany.js';
import { canonicalLayout, loadProfile, readRegister, type RegisterLayout } from '../io/register/index.js';
import type { Company, Finding, RegisterRow } from '../model/index.js';
import { InputError } from '../model/problems.js';
import { PartnerTotals, Reconciler, FAIL_ON, exitStatusFor, fitWhatIfs, unknownItems, type ExpectedRow, type FailOn } from '../reconcile/index.js';
import { writeExpectedCsv } from '../report/expectedCsv.js';
import { maskPii, writeFindings } from '../report/findingsOutput.js';
import { formatSummary, summaryJson, type SummaryInput } from '../report/summary.js';
import { RuleError, type RuleBook } from '../rules/index.js';
import { parseCommandArgs } from './args.js';
import type { Command } from './main.js';
import { loadRuleBook } from './ruleBook.js';
import { useColour } from './style.js';
import { UsageError } from './usage.js';
import { auditCompanyDeposits, formatRemittanceSummary, writeRemittancesCsv } from './remittances.js';
import { SingleThreadFallback, employeeIds, runPipeline } from '../parallel/runner.js';

/** Company size from which `reconcile` uses worker threads by default. */
const PARALLEL_FROM_EMPLOYEES = 2000;

const usage = `Usage: payrecon reconcile <company-dir> --out <dir> [--fail-on error|warning|never] [--show-pii] [--rules <path>]... [--workers <n>]

Re-computes every payslip, lines the partner's payroll register up against it
by employee and pay date, and writes <dir>/findings.csv, findings.json and
expected.csv. The register is <company-dir>/register.csv (or the file named by
\`register:\` in payrecon.yaml), in the canonical layout (expected.csv column
names) or in the layout of the mapping profile named by \`register_profile:\`.

Options:
  --out <dir>        output folder (created if missing)
  --fail-on <level>  exit 1 when a finding is at least this severe: error (default), warning, never
  --show-pii         show SSNs in findings instead of masking them (***-**-1234)
  --rules <path>     rule files or folders to use instead of the bundled rules/
  --workers <n>      worker threads, partitioned by employee (default: the available
                     parallelism for companies of ${PARALLEL_FROM_EMPLOYEES} employees or more, else 1);
                     1 runs on the main thread.
                     Outputs are byte-identical whatever the number. The command runs on
                     the main thread anyway when the input is unusable (to report it) or
                     when more than 500 employees have a federal income tax mismatch
                     (the what-if hints are given for the first 500 in register order).

Exit status: 0 no finding reaches --fail-on, 1 one does, 2 unusable input or usage.`;

function display(p: string): string {
  const r = relative(process.cwd(), p);
  return (r.startsWith('..') ? p : r).split(sep).join('/');
}

/**
 * ── Remittance audit ─────────────────────────────────────────────────────
 * When the company folder has deposits.csv, `payrecon reconcile` also audits
 * the partner's tax deposits against the expected register
 * (src/remit/auditRemittances.ts via src/cli/remittances.ts) and adds its
 * DEPOSIT_* findings; remittances.csv is written beside the findings.
 */
async function auditDeposits(company: Company, book: RuleBook, expected: readonly ExpectedRow[], partnerRows: readonly RegisterRow[], outDir: string): Promise<{ findings: Finding[]; summary?: string }> {
  const result = await auditCompanyDeposits(company, book, expected, { partnerRows });
  if (!result) return { findings: [] };
  writeRemittancesCsv(join(outDir, 'remittances.csv'), result);
  return { findings: result.findings, summary: formatRemittanceSummary(result.summary) };
}

function resolveLayout(company: Company): { layout: RegisterLayout; file: string } {
  const s = company.settings;
  const file = join(company.dir, s.register ?? 'register.csv');
  if (!s.register_profile) return { layout: canonicalLayout(), file };
  const path = join(company.dir, s.register_profile);
  return { layout: loadProfile(path, display(path)), file };
}

const command: Command = {
  summary: "Reconcile the partner's payroll register against the re-computation",
  usage,
  async run(args) {
    const { values, positionals } = parseCommandArgs(
      args,
      { out: { type: 'string' }, 'fail-on': { type: 'string' }, 'show-pii': { type: 'boolean' }, rules: { type: 'string', multiple: true }, workers: { type: 'string' } },
      usage,
    );
    const dir = positionals[0];
    if (!dir || positionals.length > 1) throw new UsageError('expected exactly one company folder');
    if (!values.out) throw new UsageError('--out <dir> is required');
    const failOn = (values['fail-on'] ?? 'error') as FailOn;
    if (!FAIL_ON.includes(failOn)) throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(', ')}, not "${values['fail-on']}"`);
    const showPii = values['show-pii'] ?? false;
    let workers: number | undefined;
    if (values.workers !== undefined) {
      if (!/^[1-9]\d*$/.test(values.workers)) throw new UsageError(`--workers must be a whole number of at least 1, not "${values.workers}"`);
      workers = Number(values.workers);
    }

    const employees = employeeIds(join(dir, 'employees.csv')).length;
    // Threads pay for themselves only on large companies (measured: slower below about 2,000 employees on 2 cores).
    const n = Math.min(workers ?? (employees >= PARALLEL_FROM_EMPLOYEES ? availableParallelism() : 1), employees);
    // Worker threads run the compiled worker (dist/); from the TypeScript sources the command runs on the main thread.
    if (n > 1 && existsSync(fileURLToPath(new URL('../parallel/worker.js', import.meta.url)))) {
      try {
        return await runParallel(dir, values.out, n, values.rules, failOn, showPii);
      } catch (e) {
        if (!(e instanceof SingleThreadFallback)) throw e;
      }
    }
    return runSingle(dir, values.out, loadRuleBook(values.rules), failOn, showPii);
  },
};
export default command;

/** The run on worker threads (src/parallel/runner.ts), printing what the single-threaded run prints. */
async function runParallel(dir: string, out: string, workers: number, rules: string[] | undefined, failOn: FailOn, showPii: boolean): Promise<number> {
  const res = await runPipeline({ dir, out, workers, rules, reconcile: true, failOn, showPii, command: true });
  const summary = res.summary!;
  const read = res.register!;
  process.stdout.write(formatSummary(summary, useColour(process.stdout)));
  if (res.remittances) process.stdout.write(`\nTax deposits (deposits.csv; remittances.csv written):\n${formatRemittanceSummary(res.remittances.summary)}`);
  printRejected(read.rejected, read.rejectedShown, showPii);
  return res.exitStatus;
}

function printRejected(rejected: number, rejectedShown: readonly string[], showPii: boolean): void {
  if (!rejectedShown.length) return;
  process.stderr.write(`\n${rejected} register row${rejected === 1 ? '' : 's'} could not be read (REJECTED_ROW in findings.csv):\n`);
  for (const m of rejectedShown) process.stderr.write(`  ${maskPii(m, showPii)}\n`);
  if (rejected > 10) process.stderr.write('  …\n');
}

/** The single-threaded run: every expected row in memory. */
async function runSingle(dir: string, outDir: string, book: RuleBook, failOn: FailOn, showPii: boolean): Promise<number> {
  const values = { out: outDir };
  const company = await loadCompany(dir);
  const { layout, file } = resolveLayout(company);
  if (!existsSync(file)) {
    throw new InputError([{ file: display(file), message: "the partner's register is not there (put it in register.csv, or name it with `register:` in payrecon.yaml)" }]);
  }

  let computed;
  try {
    computed = computeCompany(company, book);
  } catch (e) {
    if (e instanceof RuleError) throw new InputError([{ file: 'rules', message: e.message }]);
    throw e;
  }
  const expected: ExpectedRow[] = computed.rows;
  mkdirSync(values.out, { recursive: true });
  await writeExpectedCsv(join(values.out, 'expected.csv'), computed.columns, expected);

  const rec = new Reconciler({
    expected,
    employees: employeeFacts(company),
    tolerance: company.settings.tolerance,
    ruleFor: ruleLookup(book),
    periodOf: periodLookup(company),
    alternatives: fitWhatIfs(company, book),
  });
  const rejectedShown: string[] = [];
  const partnerTotals = new PartnerTotals();
  const read = await readRegister(
    file,
    layout,
    {
      row: (r) => {
        partnerTotals.add(r);
        rec.row(r);
      },
      reject: (r) => {
        if (rejectedShown.length < 10) for (const p of r.problems) rejectedShown.push(`${p.file}, line ${p.line}${p.column ? `, column "${p.column}"` : ''}: ${p.message}`);
        rec.reject(r);
      },
    },
    display(file),
  );
  const unknown = unknownItems(read.items, computed.columns);
  if (unknown.length) {
    throw new InputError(
      unknown.map((item) => ({
        file: display(file),
        line: 1,
        message: `item "${item}" is not computed by payrecon for this company (${layout.name}); items are expected.csv columns such as gross, us.fit, us.ss.ee, ded.401k, net_pay`,
      })),
    );
  }
  if (read.rows > 0 && read.accepted === 0) {
    throw new InputError([
      { file: display(file), message: `none of the ${read.rows} register rows could be read with the ${layout.name}; is it the right layout?` },
      ...rejectedShown.slice(0, 5).map((m) => ({ file: display(file), message: m.slice(m.indexOf(': ') + 2) })),
    ]);
  }
  rec.declareItems(read.items);
  const result = rec.finish();

  const deposits = await auditDeposits(company, book, expected, partnerTotals.rows(), values.out);
  const findings = [...result.findings, ...deposits.findings];
  const exitStatus = exitStatusFor(findings, failOn);
  const summary: SummaryInput = {
    company: display(dir),
    registerFile: read.file,
    layout: read.layout,
    accounting: result.accounting,
    comparisons: result.comparisons,
    totals: result.totals,
    findings,
    ignoredColumns: read.ignored,
    outDir: display(values.out),
    failOn,
    exitStatus,
  };
  writeFindings(values.out, findings, { showPii, meta: { command: 'reconcile', company: display(dir), summary: summaryJson(summary) } });
  process.stdout.write(formatSummary(summary, useColour(process.stdout)));
  if (deposits.summary) process.stdout.write(`\nTax deposits (deposits.csv; remittances.csv written):\n${deposits.summary}`);
  printRejected(read.rejected, rejectedShown, showPii);
  return exitStatus;
}
