import { closeSync, existsSync, openSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { computePayslips, type ComputeStats } from '../calc/computeCompany.js';
import { loadRuleBook } from '../cli/ruleBook.js';
import { loadCompany } from '../io/loadCompany.js';
import { TimeIndex } from '../io/loadTime.js';
import { readRegister, type RegisterLayout, type RejectedRow } from '../io/register/index.js';
import { InputError } from '../model/problems.js';
import { ByPosition, type Company, type Finding, type RegisterRow } from '../model/index.js';
import { Tally, ZERO, type Decimal } from '../money/index.js';
import { Reconciler, fitWhatIfs, type Accounting, type ComparisonCounts, type EmployeeFacts, type ExpectedRow } from '../reconcile/index.js';
import { indexEmployees } from '../reconcile/employeeIndex.js';
import { ExpectedCsvBuffer } from '../report/expectedCsv.js';
import { RuleError, type RuleBook } from '../rules/index.js';
import { Fallback, fieldText, scanCsv, type ScanOptions, type ScanRecord } from '../io/csvScan.js';
import { lowerBound, ownerOf } from './partition.js';
import { employeeIds } from './employeeIds.js';
import { DateTotals } from './dateTotals.js';
import { RegisterRecords } from '../io/register/registerRecords.js';
import { employeeFacts, periodLookup, ruleLookup } from '../reconcile/companyFacts.js';
import { planColumns } from '../calc/columns.js';
import { itemsOfKey } from '../model/registerProfile.js';

export interface WorkerJob {
  dir: string;
  rules?: string[];
  k: number;
  bounds: string[];
  /** Earning codes of the whole company (the expected register's columns must not depend on the share). */
  earningCodes: string[];
  partFile: string;
  /** Employees per reconciliation chunk. */
  block: number;
  /** Employees whose inputs are read at once (rounded to whole chunks; default LOAD_BLOCK). */
  loadBlock?: number;
  reconcile?: { file: string; display: string; layout: RegisterLayout };
  /** Items summed per pay date for the deposit audit (every item when `allItems`). */
  liabilityItems: string[];
  /**
   * `payrecon reconcile` mode: sum every item per pay date, give the what-if
   * hints for federal income tax mismatches, and report where each finding was
   * emitted so the main thread can restore the single-threaded order.
   */
  command?: boolean;
}

/** Where a finding was emitted in a single-threaded run: at a register line, or for a missing payslip. */
export type FindingPlace = { line: number } | { missing: [string, string] };

export interface WorkerResult {
  kind: 'done';
  k: number;
  columns: string[];
  /** Expected register part: pay date → [bytes, rows] in this worker's part file (dates in order). */
  parts: Array<[string, number, number]>;
  stats: ComputeStats;
  rowsRead: Record<string, number>;
  unpaidTime: number;
  timings: Record<string, number>;
  rec?: {
    findings: Finding[];
    accounting: Accounting;
    counts: ComparisonCounts;
    totals: Array<[string, string, string]>;
    items: string[];
    ignored: string[];
    rows: number;
    accepted: number;
    rejected: number;
    registerDateTotals: Array<[string, Array<[string, string]>]>;
    /** Command mode: one place per finding (same order), the first rejected rows by line, what-if employees. */
    places?: FindingPlace[];
    firstRejects?: RejectedRow[];
    whatIfEmployees?: number;
    /** Command mode: per item, the first register line (and position in the row) that gives it. */
    itemFirstSeen?: Array<[string, number, number]>;
  };
  dateTotals: Array<[string, Array<[string, string]>]>;
}

export type WorkerMessage = WorkerResult | { kind: 'input-error'; k: number; problems: InputError['problems'] } | { kind: 'error'; k: number; message: string; stack?: string };

const now = () => performance.now();

/** Employees per load block: the inputs of so many are in memory at once (a multiple of the reconciliation block). */
export const LOAD_BLOCK = 4000;

async function run(job: WorkerJob): Promise<WorkerMessage> {
  const timings: Record<string, number> = { read: 0, compute: 0, reconcile: 0, write: 0 };
  let t = now();
  const book = preloaded.book ?? loadRuleBook(job.rules); // (loadRuleBook again: the error, as an input error)
  const mine = (id: string) => ownerOf(job.bounds, id) === job.k;
  // This worker's employees in id order (employees.csv's ids: those of its rows, as loadCompany keys them).
  const ids = employeeIds(join(job.dir, 'employees.csv')).filter(mine);
  // An id's place among the ids (an id employees.csv does not have: where it would be), and so its block.
  const placeById = new Map<string, number>();
  ids.forEach((id, i) => placeById.has(id) || placeById.set(id, i));
  const placeOf = (id: string) => placeById.get(id) ?? lowerBound(ids, id);
  const blockOf = (id: string) => Math.floor(placeOf(id) / job.block);
  // The inputs are read by load blocks of employees (whole reconciliation blocks), computed and reconciled, then
  // dropped: what is kept per employee for the whole run is its id, where its time rows are, and its register
  // rows' offsets. Any id falls in one load block (by its place among the ids), so every row is read once.
  const loadSize = job.block * Math.max(1, Math.round((job.loadBlock ?? LOAD_BLOCK) / job.block));
  const loads = Math.max(1, Math.ceil(ids.length / loadSize));
  const loadOf = (id: string) => Math.min(Math.floor(placeOf(id) / loadSize), loads - 1);
  // time.csv: with one load block, read with it; with several, indexed here and read by block.
  const known = new Set(ids);
  const timeFile = join(job.dir, 'time.csv');
  const timeIndex = loads > 1 ? TimeIndex.build(timeFile, mine, (id) => known.has(id)) : undefined;
  const rowsRead: Record<string, number> = {};
  if (timeIndex) rowsRead['time.csv'] = timeIndex.rows;
  // A time.csv the index cannot be made of (not read by the byte scanner, or rows of unknown employees) is read
  // whole, once (and its problems reported as loadCompany reports them).
  const wholeTime = loads === 1 || timeIndex || !existsSync(timeFile) ? undefined : await loadCompany(job.dir, { keep: mine });
  if (wholeTime) rowsRead['time.csv'] = wholeTime.rowsRead['time.csv'] ?? 0;
  let company: Company = { time: new Map() } as Company; // (the load block's, from the first block on)
  const loadBlock = async (L: number): Promise<void> => {
    const inBlock = (id: string) => mine(id) && loadOf(id) === L;
    company = await loadCompany(job.dir, { keep: inBlock, deferTime: loads > 1 });
    for (const [f, n] of Object.entries(company.rowsRead)) rowsRead[f] = f === 'pay_calendar.csv' ? n : (rowsRead[f] ?? 0) + n;
    // Every earning code of the company, so the columns do not depend on the share (no employee has this id).
    const codes = new Set<string>();
    for (const l of company.earnings.values()) for (const e of l) codes.add(e.code);
    const extra = job.earningCodes.filter((c) => !codes.has(c)).map((code) => ({ employee_id: '\u0000', pay_date: '0000-00-00', code, amount: ZERO }));
    if (extra.length) company.earnings.set('\u0000', extra);
    if (timeIndex) {
      const { time, problems } = await timeIndex.sheets(company.employees.keys());
      if (problems.length) throw new InputError(problems);
      company.time = time;
    } else if (wholeTime) company.time = wholeTime.time;
  };
  timings.read! += now() - t;

  // The register: find this worker's rows and group them by (pay date, block of employees), by byte offset.
  t = now();
  let recs: RegisterRecords | undefined;
  // key → runs of rows that follow each other in the file (a register sorted by pay date and employee gives one
  // run per chunk, so the memory kept does not grow with the rows): [start, end of the last row, its first line,
  // rows, where a next row would start]*. The scanner gives a record no line break, so a run's rows are its lines.
  const chunkRows = new Map<string, number[]>();
  const memChunks = new Map<string, Array<{ row?: RegisterRow; reject?: RejectedRow }>>(); // fallback
  let regRows = 0, regAccepted = 0, regRejected = 0;
  const keysByDate = new Map<string, string[]>(); // (each key made once)
  const keyOf = (date: string | undefined, id: string): string => {
    if (date === undefined) return '~';
    const block = blockOf(id);
    let keys = keysByDate.get(date);
    if (!keys) keysByDate.set(date, (keys = []));
    return (keys[block] ??= `${date}|${String(block).padStart(8, '0')}`);
  };
  /** The block of a chunk key ('~', rows of no pay date: none). */
  const blockOfKey = (key: string): number | undefined => (key === '~' ? undefined : Number(key.slice(key.indexOf('|') + 1)));
  const delim = job.reconcile ? job.reconcile.layout.delimiter.charCodeAt(0) : 0x2c;
  if (job.reconcile) {
    const { file, display, layout } = job.reconcile;
    const dates = new Map<string, string | undefined>();
    let empAt = -1, payAt = -1;
    try {
      if (layout.encoding !== 'utf-8' || layout.delimiter.length !== 1) throw new Fallback(0, 'encoding');
      /** A row of this worker's: its line added to its chunk's runs (its cells are read when the chunk is reconciled). */
      const note = (r: ScanRecord, id: string): void => {
        const raw = fieldText(r, payAt);
        let d = dates.get(raw);
        if (d === undefined && !dates.has(raw)) dates.set(raw, (d = recs!.date(raw)));
        const key = keyOf(d, id);
        let l = chunkRows.get(key);
        if (!l) chunkRows.set(key, (l = []));
        const n = l.length;
        const next = r.end + (r.buf[r.end - r.base] === 0x0d ? 2 : 1); // (past the line end)
        if (n > 0 && l[n - 1] === r.start && l[n - 3]! + l[n - 2]! === r.line) {
          l[n - 4] = r.end;
          l[n - 2]!++;
          l[n - 1] = next;
        } else l.push(r.start, r.end, r.line, 1, next);
      };
      // Once the key cells are read, the scanner passes over the rest of a plain line: another worker's row is
      // skipped, and so is this worker's, noted first (the whole row is read when its chunk is reconciled).
      const skip: ScanOptions['skip'] = {
        field: -2,
        test: (r) => {
          const id = fieldText(r, empAt).trim();
          if (mine(id)) note(r, id);
          return true;
        },
      };
      scanCsv(
        file,
        (r) => {
          if (!recs) {
            const header: string[] = [];
            for (let i = 0; i < r.n; i++) header.push(fieldText(r, i));
            recs = new RegisterRecords(layout, header, display);
            empAt = recs.bound.keys.employee_id;
            payAt = recs.bound.keys.pay_date;
            skip.field = Math.max(empAt, payAt);
            return;
          }
          // (A line the scanner split: not a plain one, or too short for the key cells, or blank in them.)
          const id = fieldText(r, empAt).trim();
          if (mine(id)) note(r, id);
        },
        { delimiter: delim, skipBlankRecords: true, skip },
      );
      if (!recs) throw new InputError([{ file: display, line: 1, message: 'the file is empty: expected a header row' }]);
    } catch (e) {
      if (!(e instanceof Fallback)) throw e;
      // Not a file the fast scanner reads: the register reader, keeping this worker's rows in memory.
      chunkRows.clear();
      recs = undefined;
      const read = await readRegister(file, layout, {
        row: (row) => {
          if (!mine(row.employee_id)) return;
          const key = keyOf(row.pay_date, row.employee_id);
          (memChunks.get(key) ?? memChunks.set(key, []).get(key)!).push({ row });
        },
        reject: (rej) => {
          if (!mine(rej.employee_id ?? '')) return;
          const key = rej.employee_id !== undefined && rej.pay_date !== undefined ? keyOf(rej.pay_date, rej.employee_id) : '~';
          (memChunks.get(key) ?? memChunks.set(key, []).get(key)!).push({ reject: rej });
        },
      }, display);
      memItems = read.items;
      memIgnored = read.ignored;
    }
  }
  timings.read! += now() - t;

  const fd = job.reconcile ? openSync(job.reconcile.file, 'r') : -1;
  const out = openSync(job.partFile, 'w');
  const items = job.reconcile ? (recs ? recs.items : memItems) : [];
  const liabilityItems = new Set(job.command ? [] : job.liabilityItems);
  const places: FindingPlace[] = [];
  const firstRejects: RejectedRow[] = [];
  const noteReject = (r: RejectedRow) => {
    firstRejects.push(r);
    if (firstRejects.length > 20) {
      firstRejects.sort((a, b) => a.line - b.line);
      firstRejects.length = 10;
    }
  };
  // The what-if hints of the single-threaded command (per employee, so a share of the company gives the same ones).
  const whatIfIds = new Set<string>();
  // Per item, the first register line and position that gives it: one record per item, updated in place, so
  // the record found by position in the previous row is the item's current one.
  const itemFirstSeen = new Map<string, { line: number; pos: number }>();
  const firstSeenOf = new ByPosition((item) => {
    let at = itemFirstSeen.get(item);
    if (!at) itemFirstSeen.set(item, (at = { line: Infinity, pos: Infinity }));
    return at;
  });
  // (per load block: the hints re-compute an employee with the block's inputs)
  let whatIf: ReturnType<typeof fitWhatIfs> | undefined;
  const alternatives = job.command
    ? (row: ExpectedRow, item: string) => {
        if (item === 'us.fit') whatIfIds.add(row.employee_id);
        return whatIf!(row, item);
      }
    : undefined;
  const dateTotals = new DateTotals(liabilityItems);
  const regDateTotals = new DateTotals(liabilityItems);
  const findings: Finding[] = [];
  const accounting: Accounting = {
    register: { read: 0, matched: 0, unexpected: 0, unknownEmployee: 0, paidAfterTermination: 0, duplicate: 0, rejected: 0 },
    expected: { rows: 0, matched: 0, missing: 0, rejectedInRegister: 0 },
  };
  const counts: ComparisonCounts = { compared: 0, exact: 0, withinTolerance: 0, explained: 0, mismatched: 0 };
  const totals = new Map<string, { expected: Decimal; register: Decimal }>();
  for (const i of items) totals.set(i, { expected: ZERO, register: ZERO });
  const ruleFor = ruleLookup(book);
  let periodOf: ReturnType<typeof periodLookup> = () => undefined; // (the load block's)

  /**
   * The register's common case without a RegisterRow (plain rows read by the fast scanner): a row whose
   * amounts are whole cents is compared with its payslip's cents column by column, and only a row that is
   * not equal on every value (or matches no unseen payslip) is converted and fed as any other. Per
   * register column (in `bound.columns` order), the expected.csv columns of the items it gives.
   */
  let fast: { keys: string[]; parts: Int32Array[] } | undefined;
  let rowCents = new Float64Array(0);
  /** The number of values of the register row at `at` in rowCents, each equal to the payslip's at `base` in `exp`; -1 if one is not. */
  const exactCents = (at: number, exp: Float64Array, base: number): number => {
    const { parts } = fast!;
    let compared = 0;
    for (let j = 0; j < parts.length; j++) {
      const v = rowCents[at + j]!;
      if (v !== v) continue; // no value in the register
      const p = parts[j]!;
      let x = exp[base + p[0]!]!;
      for (let m = 1; m < p.length; m++) x += exp[base + p[m]!]!;
      if (v !== x) return -1; // (NaN: a payslip value that is not whole cents)
      compared++;
    }
    return compared;
  };
  /** Per item, the first line and position that gives it (command mode), as the fed rows note it. */
  const noteFirstSeen = (key: string, line: number, pos: number) => {
    const at = firstSeenOf.get(key, pos);
    if (at.line > line || (at.line === line && at.pos > pos)) {
      at.line = line;
      at.pos = pos;
    }
  };

  /**
   * The facts of a chunk's employees: of its block's, indexed once per block (every id a chunk's rows give
   * is one of them, or an id employees.csv does not have); of the ids given, for a chunk of no pay date.
   */
  const blockFacts = new Map<number, ReadonlyMap<string, EmployeeFacts>>();
  const factsOf = (key: string, given: Iterable<string>): ReadonlyMap<string, EmployeeFacts> | EmployeeFacts[] => {
    const block = blockOfKey(key);
    if (block === undefined) return employeeFacts(company, given);
    let m = blockFacts.get(block);
    if (!m) blockFacts.set(block, (m = indexEmployees(employeeFacts(company, ids.slice(block * job.block, (block + 1) * job.block)))));
    return m;
  };

  type Fast = { id: string; date: string; at: number; buf: Buffer; s: number; e: number };
  const reconcileChunk = (key: string, expected: ExpectedRow[], expCents?: Float64Array) => {
    const blockIds = new Set(expected.map((r) => r.employee_id));
    const feed: Array<{ row?: RegisterRow; reject?: RejectedRow; fast?: Fast }> = [];
    const lines: number[] = [];
    // (A chunk's register rows are reconciled once: dropped here, what is left afterwards had no payslips.)
    const offs = chunkRows.get(key);
    const mem = memChunks.get(key);
    chunkRows.delete(key);
    memChunks.delete(key);
    if (offs && recs) {
      let lo = Infinity, hi = 0, len = 0, rows = 0;
      for (let i = 0; i < offs.length; i += 5) {
        lo = Math.min(lo, offs[i]!);
        hi = Math.max(hi, offs[i + 1]!);
        len += offs[i + 1]! - offs[i]!;
        rows += offs[i + 3]!;
      }
      const span = hi - lo;
      const whole = span <= Math.max(1 << 20, len * 4);
      const buf = whole ? Buffer.allocUnsafe(span) : undefined;
      if (buf) readSync(fd, buf, 0, span, lo);
      const nb = fast && expCents && expected.length > 0 ? fast.keys.length : 0;
      if (nb > 0 && rowCents.length < rows * nb) rowCents = new Float64Array(Math.max(rows * nb, rowCents.length * 2));
      let at = 0;
      for (let i = 0; i < offs.length; i += 5) {
        const from = offs[i]!, end = offs[i + 1]!, count = offs[i + 3]!;
        let line = offs[i + 2]!;
        // The run's bytes (in the chunk's span, or read alone when the span is mostly other rows).
        let b: Buffer, base: number;
        if (buf) [b, base] = [buf, lo];
        else {
          b = Buffer.allocUnsafe(end - from);
          readSync(fd, b, 0, end - from, from);
          base = from;
        }
        let bs = from - base;
        for (let k = 0; k < count; k++, line++) {
          let be: number, next = 0;
          if (k === count - 1) be = end - base;
          else {
            const lf = b.indexOf(0x0a, bs);
            if (lf < 0) throw new Error(`register run at byte ${from}: no line end after row ${k + 1} of ${count}`);
            be = lf > bs && b[lf - 1] === 0x0d ? lf - 1 : lf;
            next = lf + 1;
          }
          lines.push(line);
          const x = nb > 0 ? recs.centsRow(b, bs, be, delim, rowCents, at) : undefined;
          if (x) {
            feed.push({ fast: { id: x.employee_id, date: x.pay_date, at, buf: b, s: bs, e: be } });
            blockIds.add(x.employee_id);
            at += nb;
          } else feed.push(recs.convertBytes(b, bs, be, line, delim) as { row?: RegisterRow; reject?: RejectedRow });
          bs = next;
        }
      }
    } else
      for (const x of mem ?? []) {
        feed.push(x);
        lines.push(x.row ? (x.row.origin?.line ?? 0) : x.reject!.line);
      }
    for (const f of feed) {
      if (f.row) blockIds.add(f.row.employee_id);
      else if (f.reject?.employee_id) blockIds.add(f.reject.employee_id);
    }
    // Command mode sums every item of every row per pay date already (dateTotals, regDateTotals): the item totals come from those.
    const rec = new Reconciler({ expected, employees: factsOf(key, blockIds), tolerance: company.settings.tolerance, ruleFor, periodOf, ...(alternatives ? { alternatives } : {}), itemTotals: !job.command });
    rec.declareItems(items);
    const rowOf: number[] = []; // register line of each finding emitted while feeding
    const seen = () => (rec as unknown as { findings: Finding[] }).findings.length;
    feed.forEach((x, i) => {
      regRows++;
      let f: { row?: RegisterRow; reject?: RejectedRow } = x;
      if (x.fast) {
        const q = x.fast;
        const idx = rec.unseenIndex(q.id, q.date);
        const compared = idx >= 0 ? exactCents(q.at, expCents!, idx * columns.length) : -1;
        if (compared >= 0) {
          // Equal on every value: matched, nothing to report.
          regAccepted++;
          const { keys } = fast!;
          regDateTotals.addCents(q.date, keys, rowCents, q.at);
          if (job.command)
            for (let j = 0, pos = 0; j < keys.length; j++) if (rowCents[q.at + j] === rowCents[q.at + j]) noteFirstSeen(keys[j]!, lines[i]!, pos++);
          rec.matchedExactly(idx, lines[i]!, compared, keys, rowCents, q.at);
          return;
        }
        f = recs!.convertBytes(q.buf, q.s, q.e, lines[i]!, delim) as { row?: RegisterRow; reject?: RejectedRow };
      }
      if (f.row) {
        regAccepted++;
        regDateTotals.add(f.row.pay_date, f.row.values);
        if (job.command) {
          let pos = 0;
          for (const k of f.row.values.keys()) noteFirstSeen(k, lines[i]!, pos++);
        }
        rec.row(f.row);
      } else {
        regRejected++;
        if (job.command) noteReject(f.reject!);
        rec.reject(f.reject!);
      }
      if (job.command) while (rowOf.length < seen()) rowOf.push(lines[i]!);
    });
    const r = rec.finish();
    for (const f of r.findings) findings.push(f);
    if (job.command)
      r.findings.forEach((f, i) => {
        if (i < rowOf.length) places.push({ line: rowOf[i]! });
        else if (f.code === 'MISSING_IN_REGISTER') places.push({ missing: [f.pay_date ?? '', f.employee_id ?? ''] });
        else throw new Error(`unexpected ${f.code} finding at the end of a reconciliation chunk`);
      });
    for (const k of Object.keys(accounting.register) as Array<keyof Accounting['register']>) accounting.register[k] += r.accounting.register[k];
    for (const k of Object.keys(accounting.expected) as Array<keyof Accounting['expected']>) accounting.expected[k] += r.accounting.expected[k];
    for (const k of Object.keys(counts) as Array<keyof ComparisonCounts>) counts[k] += r.comparisons[k];
    for (const it of r.totals) {
      const x = totals.get(it.item);
      if (x) {
        x.expected = x.expected.plus(it.expected);
        x.register = x.register.plus(it.register);
      } else totals.set(it.item, { expected: it.expected, register: it.register });
    }
  };

  // Compute pay date by pay date; each (pay date, block) chunk is written and reconciled as it completes.
  const stats: ComputeStats = { payslips: 0, timeEntriesUsed: 0, earningsUsed: 0 };
  const parts: Array<[string, number, number]> = [];
  let columns: string[] = [];
  try {
    let chunk: ExpectedRow[] = [];
    let chunkKey = '';
    t = now();
    await loadBlock(0);
    timings.read! += now() - t;
    columns = planColumns(company, book).columns;
    const text = new ExpectedCsvBuffer(columns);
    text.sumColumns(); // the expected totals per pay date, summed as the amounts are written
    if (recs) {
      const keys = recs.bound.columns.map((c) => c.key);
      const parts = keys.map((k) => Int32Array.from(itemsOfKey(k), (p) => text.columnOfItem(p)));
      // (Not when two columns give one item, which the register row's map holds once; nor for an item with no column.)
      if (new Set(keys).size === keys.length && parts.every((p) => p.every((c) => c >= 0))) {
        text.recordCents();
        fast = { keys, parts };
      }
    }
    const flush = () => {
      if (chunk.length === 0) return;
      let t0 = now();
      const bytes = text.take();
      writeSync(out, bytes);
      parts.push([chunk[0]!.pay_date, bytes.length, chunk.length]);
      timings.write! += now() - t0;
      t0 = now();
      const date = chunk[0]!.pay_date; // a chunk is one pay date
      text.drainSums(
        (item, cents, rest) => dateTotals.addSum(date, item, cents, rest),
        (row, columns) => {
          for (const [k, v] of row.values) if (!columns.has(k)) dateTotals.addValue(row.pay_date, k, v);
        },
      );
      if (job.reconcile) reconcileChunk(chunkKey, chunk, fast ? text.takeCents() : undefined);
      chunk = [];
      timings.reconcile! += now() - t0;
    };
    /** Register rows with no expected payslip in their chunk (other dates, unreadable dates), of load block L's blocks (all blocks left: undefined). */
    const rest = (L: number | undefined) => {
      const t1 = now();
      if (job.reconcile) {
        const left = [...new Set([...chunkRows.keys(), ...memChunks.keys()])].sort();
        for (const k of left) {
          const block = blockOfKey(k);
          if (L === undefined || (block !== undefined && Math.floor((block * job.block) / loadSize) === L)) reconcileChunk(k, []);
        }
      }
      timings.reconcile! += now() - t1;
    };
    // Load block by load block, pay date by pay date within one (employees in id order): each (pay date,
    // block) chunk is one part of expected.csv, which the main thread puts in pay-date order.
    for (let L = 0; L < loads; L++) {
      if (L > 0) {
        const t0 = now();
        await loadBlock(L);
        timings.read! += now() - t0;
      }
      periodOf = periodLookup(company);
      whatIf = job.command ? fitWhatIfs(company, book) : undefined;
      blockFacts.clear();
      const gen = computePayslips(company, book, {}, stats);
      for (;;) {
        let t0 = now();
        const nx = gen.next();
        timings.compute! += now() - t0;
        if (nx.done) break;
        const row = nx.value.row;
        const key = keyOf(row.pay_date, row.employee_id);
        if (key !== chunkKey) {
          flush();
          chunkKey = key;
        }
        t0 = now();
        text.add(row);
        timings.write! += now() - t0;
        chunk.push(row);
      }
      flush();
      rest(L);
    }
    rest(undefined);
    if (job.reconcile && job.command) {
      // Per item, over the pay dates: the expected side sums the parts of the register's key.
      const over = (m: Map<string, Map<string, Tally>>, item: string, into: Tally) => {
        for (const t of m.values()) {
          const x = t.get(item);
          if (x) into.addTally(x);
        }
      };
      for (const key of totals.keys()) {
        const e = new Tally(), r = new Tally();
        for (const p of itemsOfKey(key)) over(dateTotals.byDate, p, e);
        over(regDateTotals.byDate, key, r);
        totals.set(key, { expected: e.value, register: r.value });
      }
    }
  } catch (e) {
    if (e instanceof RuleError) throw new InputError([{ file: 'rules', message: e.message }]);
    throw e;
  } finally {
    closeSync(out);
    if (fd >= 0) closeSync(fd);
  }
  return {
    kind: 'done',
    k: job.k,
    columns,
    parts,
    stats,
    rowsRead,
    unpaidTime: 0,
    timings,
    dateTotals: dateTotals.serial(),
    ...(job.reconcile
      ? {
          rec: {
            findings,
            accounting,
            counts,
            totals: [...totals].map(([k, v]) => [k, v.expected.toString(), v.register.toString()] as [string, string, string]),
            items,
            ignored: recs ? recs.bound.ignored : memIgnored,
            rows: regRows,
            accepted: regAccepted,
            rejected: regRejected,
            registerDateTotals: regDateTotals.serial(),
            ...(job.command ? { places, firstRejects: firstRejects.sort((a, b) => a.line - b.line).slice(0, 10), whatIfEmployees: whatIfIds.size, itemFirstSeen: [...itemFirstSeen].map(([k, at]) => [k, at.line, at.pos] as [string, number, number]) } : {}),
          },
        }
      : {}),
  };
}

let memItems: string[] = [];
let memIgnored: string[] = [];

/** What a worker is started with, before its job is known. */
export interface WorkerStart {
  rules?: string[];
}

/** The rule book, loaded as the worker starts (while the main thread prepares the job). */
const preloaded: { book?: RuleBook } = {};

if (parentPort) {
  try {
    preloaded.book = loadRuleBook((workerData as WorkerStart).rules);
  } catch {
    // (reported when the job runs)
  }
  parentPort.once('message', (job: WorkerJob) => void start(job));
}

function start(job: WorkerJob): void {
  run(job).then(
    (r) => parentPort!.postMessage(r),
    (e: unknown) => {
      if (e instanceof InputError) parentPort!.postMessage({ kind: 'input-error', k: job.k, problems: e.problems });
      else parentPort!.postMessage({ kind: 'error', k: job.k, message: (e as Error).message, stack: (e as Error).stack });
    },
  );
}

