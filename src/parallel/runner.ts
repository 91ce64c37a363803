import { closeSync, existsSync, mkdirSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import { planColumns, unknownYtdItems } from '../calc/columns.js';
import { auditCompanyDeposits, writeRemittancesCsv } from '../cli/remittances.js';
import { loadRuleBook } from '../cli/ruleBook.js';
import { loadCompany } from '../io/loadCompany.js';
import { loadSettings } from '../io/loadSettings.js';
import { canonicalLayout, loadProfile, type RegisterLayout } from '../io/register/index.js';
import { readCsv } from '../io/readCsv.js';
import { earningRowSchema, type Company, type Finding, type RegisterRow } from '../model/index.js';
import { InputError, type InputProblem } from '../model/problems.js';
import { Decimal, ZERO } from '../money/index.js';
import type { Accounting, ComparisonCounts, ItemTotal } from '../reconcile/index.js';
import { sortFindings, writeFindings } from '../report/findingsOutput.js';
import { summaryJson, type SummaryInput } from '../report/summary.js';
import { exitStatusFor, type FailOn } from '../reconcile/index.js';
import type { RemittanceResult } from '../remit/index.js';
import type { RuleBook } from '../rules/index.js';
import { boundaries, byId } from './partition.js';
import { employeeIds } from './employeeIds.js';
export { employeeIds } from './employeeIds.js';
import type { FindingPlace, WorkerJob, WorkerMessage, WorkerResult, WorkerStart } from './worker.js';
import { unknownItems } from '../reconcile/itemCheck.js';

/** Each worker's heap limit: several times its live data at 40,000 employees (docs/performance.md). */
export const WORKER_HEAP_MB = 384;
/** Their young generation: twice V8's default, which collected too often under the old-generation limit. */
const WORKER_YOUNG_MB = 96;

/**
 * A whole number from the environment, for tuning and tests: PAYRECON_WORKER_HEAP_MB and
 * PAYRECON_WORKER_YOUNG_MB (MB), PAYRECON_BLOCK and PAYRECON_LOAD_BLOCK (employees).
 */
function wholeFromEnv(name: string): number | undefined {
  const v = process.env[name];
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
}

export interface PipelineOptions {
  dir: string;
  out: string;
  /** Worker threads (default: available parallelism). */
  workers?: number;
  rules?: string[];
  /** Reconcile the partner's register (and audit deposits.csv when present). Default: compute only. */
  reconcile?: boolean;
  /** Employees per reconciliation chunk (memory bound). */
  block?: number;
  /** Employees whose inputs a worker reads at once (memory bound; rounded to whole chunks). */
  loadBlock?: number;
  /** Old-generation heap limit of each worker, in MB (default WORKER_HEAP_MB); a share that needs more is run again without it. */
  workerHeapMb?: number;
  failOn?: FailOn;
  showPii?: boolean;
  /**
   * Run as `payrecon reconcile` does single-threaded, with byte-identical
   * outputs: the same checks and messages, what-if hints, findings in the same
   * order, the deposit audit on the expected register only. Where that cannot
   * be guaranteed (unusable input, more employees with a federal income tax
   * mismatch than the what-if hints cover) it throws `SingleThreadFallback`
   * and leaves no output behind that the single-threaded run would not write.
   */
  command?: boolean;
}

/** `runPipeline({ command: true })` cannot match the single-threaded command: run that instead. */
export class SingleThreadFallback extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'SingleThreadFallback';
  }
}

/**
 * Items in the summary's order. The command's reconciler totals items in the
 * order the register rows first give them (file order), then the register's
 * other columns; the bench keeps the register's column order.
 */
function itemOrder(results: readonly WorkerResult[], command: boolean): string[] {
  const items = results[0]!.rec!.items;
  if (!command) return items;
  const first = new Map<string, [number, number]>();
  for (const r of results)
    for (const [k, l, p] of r.rec!.itemFirstSeen ?? []) {
      const at = first.get(k);
      if (!at || at[0] > l || (at[0] === l && at[1] > p)) first.set(k, [l, p]);
    }
  const seen = [...first].sort((a, b) => a[1][0] - b[1][0] || a[1][1] - b[1][1]).map(([k]) => k);
  return [...seen, ...items.filter((i) => !first.has(i))];
}

/** Employees the single-threaded command gives what-if hints for (fitWhatIfs' default). */
const WHAT_IF_EMPLOYEES = 500;

export interface PipelineResult {
  payslips: number;
  columns: string[];
  rowsRead: Record<string, number>;
  /** Seconds per stage: read, compute, reconcile, write (the slowest worker's), remittances and write (main thread). */
  stages: Record<string, number>;
  /** Thread-seconds per stage, summed over workers. */
  threadSeconds: Record<string, number>;
  wall: number;
  findings: Finding[];
  summary?: SummaryInput;
  remittances?: RemittanceResult;
  exitStatus: number;
  /** Workers that ran out of their heap limit and were run again without it. */
  heapRetries: number;
  /** The main thread's wall seconds: preparing the jobs (the workers start at once), waiting for the workers, merging and writing after them. */
  mainThread: { prepare: number; workers: number; after: number };
  /** Command mode: the register rows read, and the messages of the first rejected ones (as the command prints them). */
  register?: { rows: number; accepted: number; rejected: number; rejectedShown: string[] };
}

const display = (p: string) => {
  const r = relative(process.cwd(), p);
  return (r.startsWith('..') ? p : r).split(sep).join('/');
};

function resolveLayout(dir: string, company: { settings: Company['settings'] }): { layout: RegisterLayout; file: string } {
  const s = company.settings;
  const file = join(dir, s.register ?? 'register.csv');
  if (!s.register_profile) return { layout: canonicalLayout(), file };
  const path = join(dir, s.register_profile);
  return { layout: loadProfile(path, display(path)), file };
}

/** The exact problems the single-threaded commands report (the workers only see their share). */
async function singleThreadProblems(dir: string, rules: string[] | undefined, fallback: InputProblem[]): Promise<never> {
  const company = await loadCompany(dir);
  const book = loadRuleBook(rules);
  const bad = unknownYtdItems(company, planColumns(company, book));
  throw new InputError(bad.length ? bad : fallback);
}

/**
 * The full pipeline on worker threads, partitioned by employee: each worker
 * reads its employees' rows, computes their payslips pay date by pay date,
 * writes its part of expected.csv and reconciles its part of the partner's
 * register chunk by chunk (pay date × block of employees, so memory does not
 * grow with the company). The main thread merges in a fixed order: outputs
 * are byte-identical whatever the number of workers.
 */
export async function runPipeline(o: PipelineOptions): Promise<PipelineResult> {
  const t0 = performance.now();
  const W = Math.max(1, o.workers ?? availableParallelism());
  // The workers start first: each loads the rule files while this thread prepares their jobs.
  const pool = new WorkerPool(o.rules, o.workerHeapMb ?? wholeFromEnv('PAYRECON_WORKER_HEAP_MB') ?? WORKER_HEAP_MB, W);
  try {
    return await pipeline(o, W, pool, t0);
  } finally {
    await pool.close();
  }
}

/** How a started worker ended: its message, or the error it failed with. */
type Outcome = WorkerMessage | (Error & { code?: string });

/**
 * Worker threads started before their jobs are known. A share that runs out
 * of its heap limit is run again on a worker without it (and counted).
 */
class WorkerPool {
  private readonly started: Array<{ worker: Worker; outcome: Promise<Outcome> }>;
  private readonly all = new Set<Worker>();
  heapRetries = 0;

  /** `limitMb`: each worker's old-generation limit (0: none). */
  constructor(
    private readonly rules: string[] | undefined,
    private readonly limitMb: number,
    n: number,
  ) {
    this.started = Array.from({ length: n }, () => this.launch(limitMb));
  }

  private launch(limitMb: number) {
    const data: WorkerStart = { rules: this.rules };
    const worker = new Worker(new URL('./worker.js', import.meta.url), {
      workerData: data,
      // A worker's live data is small (a load block's inputs, register rows by byte range), but V8 lets a heap grow
      // far past it before collecting: a limit keeps the garbage, and so the peak memory, down.
      ...(limitMb ? { resourceLimits: { maxOldGenerationSizeMb: limitMb, maxYoungGenerationSizeMb: wholeFromEnv('PAYRECON_WORKER_YOUNG_MB') ?? WORKER_YOUNG_MB } } : {}),
    });
    this.all.add(worker);
    // Listening from the start: an error before the job is sent is kept, not thrown.
    const outcome = new Promise<Outcome>((resolve) => {
      worker.once('message', resolve);
      worker.once('error', resolve);
    });
    return { worker, outcome };
  }

  /** Run job k on the k-th started worker; its message, once it is done. */
  async run(job: WorkerJob): Promise<WorkerMessage> {
    let w = this.started[job.k]!;
    let limited = this.limitMb > 0;
    for (;;) {
      w.worker.postMessage(job);
      const m = await w.outcome;
      this.all.delete(w.worker);
      void w.worker.terminate();
      if (!(m instanceof Error)) return m;
      if (!limited || m.code !== 'ERR_WORKER_OUT_OF_MEMORY') throw m;
      this.heapRetries++;
      limited = false;
      w = this.launch(0);
    }
  }

  /** Stop every worker still running (those not given a job, or after a failure). */
  async close(): Promise<void> {
    await Promise.all([...this.all].map((w) => w.terminate()));
    this.all.clear();
  }
}

async function pipeline(o: PipelineOptions, W: number, pool: WorkerPool, t0: number): Promise<PipelineResult> {
  const { settings, problems: sp } = loadSettings(o.dir);
  if (!settings) {
    if (o.command) throw new SingleThreadFallback('payrecon.yaml');
    throw new InputError(sp);
  }
  const ids = employeeIds(join(o.dir, 'employees.csv'));
  const bounds = boundaries(ids, W);
  // Earning codes of the whole company (a small file).
  const codes = new Set<string>();
  if (existsSync(join(o.dir, 'earnings.csv'))) {
    await readCsv(join(o.dir, 'earnings.csv'), { schema: earningRowSchema, required: [], onRow: (r) => codes.add(r.code) });
  }
  let reconcile: WorkerJob['reconcile'];
  if (o.reconcile) {
    const { layout, file } = resolveLayout(o.dir, { settings });
    if (!existsSync(file) && o.command) throw new SingleThreadFallback('no register');
    if (!existsSync(file)) throw new InputError([{ file: display(file), message: "the partner's register is not there (put it in register.csv, or name it with `register:` in payrecon.yaml)" }]);
    reconcile = { file, display: display(file), layout };
  }
  const outExisted = existsSync(o.out);
  mkdirSync(o.out, { recursive: true });
  const partDir = join(o.out, '.parts');
  mkdirSync(partDir, { recursive: true });
  const liabilityItems = ['us.fit', 'us.ss.ee', 'us.ss.er', 'us.medicare.ee', 'us.medicare.er', 'us.medicare_addl.ee', 'us.futa.er'];
  const nWorkers = bounds.length + 1;
  const results: WorkerResult[] = [];
  const inputProblems: InputProblem[] = [];
  const tJobs = performance.now();
  const running = Promise.all(
    Array.from({ length: nWorkers }, async (_, k) => {
      const job: WorkerJob = { dir: o.dir, rules: o.rules, k, bounds, earningCodes: [...codes].sort(), partFile: join(partDir, `expected.${k}.csv`), block: o.block ?? (wholeFromEnv('PAYRECON_BLOCK') || 250), loadBlock: o.loadBlock ?? (wholeFromEnv('PAYRECON_LOAD_BLOCK') || undefined), reconcile, liabilityItems, command: o.command };
      const m = await pool.run(job);
      if (m.kind === 'done') results[m.k] = m;
      else if (m.kind === 'input-error') inputProblems.push(...m.problems);
      else throw new Error(`worker ${m.k}: ${m.message}${process.env.PAYRECON_DEBUG ? `\n${m.stack}` : ''}`);
    }),
  );
  // This thread's own rule book (for the deposit audit), loaded while the workers run. Rule files it cannot
  // load are reported by the workers as input problems, and loaded again below only to say so.
  let book: RuleBook | undefined;
  try {
    book = loadRuleBook(o.rules);
  } catch {
    book = undefined;
  }
  await running;
  const tDone = performance.now();
  const heapRetries = pool.heapRetries;
  if (inputProblems.length && o.command) {
    rmSync(outExisted ? partDir : o.out, { recursive: true, force: true });
    throw new SingleThreadFallback('unusable input');
  }
  if (inputProblems.length) await singleThreadProblems(o.dir, o.rules, inputProblems);
  book ??= loadRuleBook(o.rules);

  // expected.csv: for each pay date, every worker's rows in range order.
  let tw = performance.now();
  const columns = results[0]!.columns;
  const outFd = openSync(join(o.out, 'expected.csv'), 'w');
  writeSync(outFd, columns.join(',') + '\n');
  const fds = results.map((r) => openSync(join(partDir, `expected.${r.k}.csv`), 'r'));
  // Each worker's parts by pay date, with their offsets in its file; a worker writes the parts of one date in
  // block order, which is employee order, and the workers' ranges are in k order.
  const byDate = new Map<string, Array<[number, number, number]>>(); // date → [worker, offset, bytes]*
  results.forEach((r, k) => {
    let at = 0;
    for (const [d, bytes] of r.parts) {
      (byDate.get(d) ?? byDate.set(d, []).get(d)!).push([k, at, bytes]);
      at += bytes;
    }
  });
  const buf = Buffer.allocUnsafe(1 << 22);
  for (const d of [...byDate.keys()].sort()) {
    for (const [k, from, bytes] of byDate.get(d)!) {
      let left = bytes, at = from;
      while (left > 0) {
        const n = readSync(fds[k]!, buf, 0, Math.min(left, buf.length), at);
        writeSync(outFd, buf, 0, n);
        at += n;
        left -= n;
      }
    }
  }
  closeSync(outFd);
  for (const f of fds) closeSync(f);
  rmSync(partDir, { recursive: true, force: true });
  let writeMain = performance.now() - tw;

  const sumStage = (name: string) => results.reduce((s, r) => s + (r.timings[name] ?? 0), 0) / 1000;
  const maxStage = (name: string) => Math.max(...results.map((r) => r.timings[name] ?? 0)) / 1000;
  const payslips = results.reduce((s, r) => s + r.stats.payslips, 0);
  const rowsRead: Record<string, number> = {};
  for (const r of results) for (const [f, n] of Object.entries(r.rowsRead)) if (f === 'pay_calendar.csv') rowsRead[f] = n; else rowsRead[f] = (rowsRead[f] ?? 0) + n;
  rowsRead['employees.csv'] = results.reduce((s, r) => s + (r.rowsRead['employees.csv'] ?? 0), 0);

  // Totals per pay date (expected, and the partner's) → deposit audit.
  const merge = (list: Array<Array<[string, Array<[string, string]>]>>): RegisterRow[] => {
    const m = new Map<string, Map<string, Decimal>>();
    for (const l of list)
      for (const [d, items] of l) {
        let t = m.get(d);
        if (!t) m.set(d, (t = new Map()));
        for (const [k, v] of items) t.set(k, (t.get(k) ?? ZERO).plus(v));
      }
    return [...m].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([pay_date, values]) => ({ employee_id: '*', pay_date, values }));
  };
  let tr = performance.now();
  let register: PipelineResult['register'];
  if (o.command && reconcile) {
    // What the single-threaded command checks once the register is read, in the same order and words.
    const rec0 = results[0]!.rec!;
    if (results.reduce((s, r) => s + (r.rec!.whatIfEmployees ?? 0), 0) > WHAT_IF_EMPLOYEES) throw new SingleThreadFallback('what-if hints');
    const rejectedShown: string[] = [];
    for (const r of results.flatMap((x) => x.rec!.firstRejects ?? []).sort((a, b) => a.line - b.line))
      if (rejectedShown.length < 10) for (const p of r.problems) rejectedShown.push(`${p.file}, line ${p.line}${p.column ? `, column "${p.column}"` : ''}: ${p.message}`);
    register = {
      rows: results.reduce((s, r) => s + r.rec!.rows, 0),
      accepted: results.reduce((s, r) => s + r.rec!.accepted, 0),
      rejected: results.reduce((s, r) => s + r.rec!.rejected, 0),
      rejectedShown,
    };
    const unknown = unknownItems(rec0.items, columns);
    if (unknown.length) {
      throw new InputError(
        unknown.map((item) => ({
          file: reconcile!.display,
          line: 1,
          message: `item "${item}" is not computed by payrecon for this company (${reconcile!.layout.name}); items are expected.csv columns such as gross, us.fit, us.ss.ee, ded.401k, net_pay`,
        })),
      );
    }
    if (register.rows > 0 && register.accepted === 0) {
      throw new InputError([
        { file: reconcile.display, message: `none of the ${register.rows} register rows could be read with the ${reconcile.layout.name}; is it the right layout?` },
        ...rejectedShown.slice(0, 5).map((m) => ({ file: reconcile!.display, message: m.slice(m.indexOf(': ') + 2) })),
      ]);
    }
  }
  let remittances: RemittanceResult | undefined;
  const company = { dir: o.dir, settings } as Company;
  if (o.reconcile && existsSync(join(o.dir, 'deposits.csv'))) {
    // The partner's liabilities beside the expected ones, from the register's totals by pay date.
    const partner = { partnerRows: merge(results.map((r) => r.rec!.registerDateTotals)) };
    remittances = await auditCompanyDeposits(company, book, merge(results.map((r) => r.dateTotals)), partner);
  }
  const remitSecs = (performance.now() - tr) / 1000;

  const findings: Finding[] = [];
  let summary: SummaryInput | undefined;
  let exitStatus = 0;
  tw = performance.now();
  if (o.reconcile) {
    const accounting: Accounting = {
      register: { read: 0, matched: 0, unexpected: 0, unknownEmployee: 0, paidAfterTermination: 0, duplicate: 0, rejected: 0 },
      expected: { rows: 0, matched: 0, missing: 0, rejectedInRegister: 0 },
    };
    const counts: ComparisonCounts = { compared: 0, exact: 0, withinTolerance: 0, explained: 0, mismatched: 0 };
    const totals = new Map<string, ItemTotal>();
    const placed: Array<[FindingPlace, number, Finding]> = [];
    for (const r of results) {
      const x = r.rec!;
      if (o.command) x.findings.forEach((f, i) => placed.push([x.places![i]!, placed.length, f]));
      else for (const f of x.findings) findings.push(f);
      for (const k of Object.keys(accounting.register) as Array<keyof Accounting['register']>) accounting.register[k] += x.accounting.register[k];
      for (const k of Object.keys(accounting.expected) as Array<keyof Accounting['expected']>) accounting.expected[k] += x.accounting.expected[k];
      for (const k of Object.keys(counts) as Array<keyof ComparisonCounts>) counts[k] += x.counts[k];
      for (const [item, e, g] of x.totals) {
        const t = totals.get(item) ?? { item, expected: ZERO, register: ZERO, difference: ZERO };
        t.expected = t.expected.plus(e);
        t.register = t.register.plus(g);
        t.difference = t.register.minus(t.expected);
        totals.set(item, t);
      }
    }
    if (o.command) {
      // The single-threaded order: register rows in file order, then missing payslips in expected.csv order, then deposits.
      const rank = (p: FindingPlace) => ('line' in p ? 0 : 1);
      placed.sort(([a, i], [b, j]) => {
        if (rank(a) !== rank(b)) return rank(a) - rank(b);
        if ('line' in a && 'line' in b) return a.line - b.line || i - j;
        const [da, ea] = (a as { missing: [string, string] }).missing, [db, eb] = (b as { missing: [string, string] }).missing;
        return (da < db ? -1 : da > db ? 1 : byId(ea, eb)) || i - j;
      });
      for (const [, , f] of placed) findings.push(f);
      if (remittances) findings.push(...remittances.findings);
    } else {
      if (remittances) findings.push(...remittances.findings);
      // One order whatever the number of workers (the summary counts in first-seen order).
      const sorted = sortFindings(findings);
      findings.length = 0;
      findings.push(...sorted);
    }
    exitStatus = exitStatusFor(findings, o.failOn ?? 'error');
    summary = {
      company: display(o.dir),
      registerFile: reconcile!.display,
      layout: reconcile!.layout.name,
      accounting,
      comparisons: counts,
      totals: itemOrder(results, o.command ?? false).map((i) => totals.get(i)!).filter(Boolean),
      findings,
      ignoredColumns: results[0]!.rec!.ignored,
      outDir: display(o.out),
      failOn: o.failOn ?? 'error',
      exitStatus,
    };
    writeFindings(o.out, findings, { showPii: o.showPii ?? false, meta: { command: 'reconcile', company: display(o.dir), summary: summaryJson(summary) } });
    if (remittances) writeRemittancesCsv(join(o.out, 'remittances.csv'), remittances);
  }
  writeMain += performance.now() - tw;
  const tEnd = performance.now();
  const wall = (tEnd - t0) / 1000;
  return {
    payslips,
    columns,
    rowsRead,
    stages: { read: maxStage('read'), compute: maxStage('compute'), reconcile: maxStage('reconcile'), remittances: remitSecs, write: maxStage('write') + writeMain / 1000 },
    threadSeconds: { read: sumStage('read'), compute: sumStage('compute'), reconcile: sumStage('reconcile'), write: sumStage('write') },
    wall,
    findings,
    summary,
    remittances,
    exitStatus,
    heapRetries,
    mainThread: { prepare: (tJobs - t0) / 1000, workers: (tDone - tJobs) / 1000, after: (tEnd - tDone) / 1000 },
    ...(register ? { register } : {}),
  };
}
