#!/usr/bin/env node
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runPipeline } from '../parallel/runner.js';
import { measureFloor } from './floor.js';
import { MANIFEST_FILE } from './register.js';

const usage = `Usage: npm run bench -- [--employees N] [--periods P] [--seed S] [--workers W] [--scales] [--regen] [--data DIR] [--rules PATH]...

Generates (or reuses, in bench-data/) a synthetic company and runs the full
reconciliation on it (register and deposits), printing per stage seconds,
payslips per second and peak RSS, the floor (one thread reading and parsing
the same files with csv-parse at its fastest; measured before and after the
run, the mean used) and total / floor.

  --employees N   employees (default 40000)
  --periods P     biweekly periods of 2026 (default 26)
  --seed S        generator seed (default 1)
  --workers W     worker threads (default: available parallelism)
  --scales        run at 1/4, 1/2 and full size (each in its own process) and print them side by side
  --regen         generate the company again even if bench-data has it
  --data DIR      where generated companies are kept (default bench-data)
  --no-floor      skip the floor measurement
  --json          print one JSON line of figures (used by --scales)
  --rules PATH    rule files or folders instead of the bundled rules/ (repeatable)`;

interface Figures {
  employees: number;
  periods: number;
  workers: number;
  payslips: number;
  registerRows: number;
  inputRows: number;
  generated: number | null;
  stages: Record<string, number>;
  threadSeconds: Record<string, number>;
  total: number;
  /** Mean of the floor measured before and after the run. */
  floor: number | null;
  floorRuns: [number, number] | null;
  floorRows: number | null;
  peakRssMb: number;
  findings: number;
  seeded: number;
  /** Workers run again without their heap limit (they needed more). */
  heapRetries?: number;
  /** The main thread's wall seconds before, while and after the workers run (runPipeline's mainThread). */
  mainThread: { prepare: number; workers: number; after: number };
}

const mb = () => Math.round(process.resourceUsage().maxRSS / 1024);

async function once(o: { employees: number; periods: number; seed: number; workers: number; data: string; regen: boolean; floor: boolean; rules?: string[] }): Promise<Figures> {
  const dir = join(o.data, `e${o.employees}-p${o.periods}-s${o.seed}`);
  let generated: number | null = null;
  if (o.regen || !existsSync(join(dir, MANIFEST_FILE))) {
    rmSync(dir, { recursive: true, force: true });
    const t = performance.now();
    // In a process of its own, so the peak RSS measured here is the reconciliation's only.
    const gen = join(fileURLToPath(new URL('.', import.meta.url)), 'generate-cli.js');
    const args = [gen, '--employees', String(o.employees), '--periods', String(o.periods), '--seed', String(o.seed), '--out', dir, '--workers', String(o.workers)];
    for (const r of o.rules ?? []) args.push('--rules', r);
    const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) throw new Error(`generating ${dir} failed (exit ${r.status})`);
    generated = (performance.now() - t) / 1000;
  }
  const { readFileSync } = await import('node:fs');
  const manifest = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as { errors: unknown[]; register: { rows: number } };
  const out = join(dir, 'out');
  // The floor is measured before and after the run and the two averaged: a shared machine's speed drifts
  // over minutes, and a floor taken at one end only would tilt the ratio with it.
  const before = o.floor ? await measureFloor(dir) : null;
  const res = await runPipeline({ dir, out, workers: o.workers, reconcile: true, rules: o.rules, failOn: 'never', command: true }); // as `payrecon reconcile` runs it
  const peak = mb();
  const after = o.floor ? await measureFloor(dir) : null;
  const floor = before && after ? { seconds: (before.seconds + after.seconds) / 2, rows: after.rows } : null;
  const inputRows = Object.values(res.rowsRead).reduce((s, n) => s + n, 0);
  return {
    employees: o.employees,
    periods: o.periods,
    workers: o.workers,
    payslips: res.payslips,
    registerRows: manifest.register.rows,
    inputRows,
    generated,
    stages: res.stages,
    threadSeconds: res.threadSeconds,
    total: res.wall,
    floor: floor?.seconds ?? null,
    floorRuns: before && after ? [before.seconds, after.seconds] : null,
    floorRows: floor?.rows ?? null,
    peakRssMb: peak,
    findings: res.findings.length,
    seeded: manifest.errors.length,
    heapRetries: res.heapRetries,
    mainThread: res.mainThread,
  };
}

const f1 = (x: number) => x.toFixed(1);

function print(fig: Figures): void {
  const w = process.stdout;
  w.write(`\npayrecon bench: ${fig.employees} employees, ${fig.periods} biweekly periods (every frequency), ${fig.workers} worker thread(s)\n`);
  w.write(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, node ${process.version}\n`);
  if (fig.generated !== null) w.write(`generated the company in ${f1(fig.generated)} s\n`);
  w.write(`payslips ${fig.payslips}, register rows ${fig.registerRows}, input rows ${fig.inputRows}; findings ${fig.findings} (seeded ${fig.seeded})\n\n`);
  w.write(`${'stage'.padEnd(12)} ${'seconds'.padStart(9)} ${'thread-s'.padStart(9)} ${'payslips/s'.padStart(11)}\n`);
  for (const s of ['read', 'compute', 'reconcile', 'remittances', 'write']) {
    const sec = fig.stages[s] ?? 0;
    const th = fig.threadSeconds[s];
    w.write(`${s.padEnd(12)} ${f1(sec).padStart(9)} ${(th === undefined ? '' : f1(th)).padStart(9)} ${(sec > 0 ? Math.round(fig.payslips / sec).toLocaleString('en-US') : '').padStart(11)}\n`);
  }
  w.write(`${'total'.padEnd(12)} ${f1(fig.total).padStart(9)} ${''.padStart(9)} ${Math.round(fig.payslips / fig.total).toLocaleString('en-US').padStart(11)}\n`);
  const m = fig.mainThread;
  w.write(`(main thread: ${f1(m.prepare)} s preparing the jobs, ${f1(m.workers)} s waiting for the workers, ${f1(m.after)} s merging and writing)\n`);
  w.write(`\npeak RSS (whole process, all threads): ${fig.peakRssMb} MB\n`);
  if (fig.heapRetries) w.write(`(${fig.heapRetries} worker(s) outgrew the heap limit and ran again without it: see docs/performance.md)\n`);
  if (fig.floor !== null) {
    const runs = fig.floorRuns ? ` (${f1(fig.floorRuns[0])} s before the run, ${f1(fig.floorRuns[1])} s after)` : '';
    w.write(`floor (csv-parse, one thread, ${fig.floorRows} rows): ${f1(fig.floor)} s${runs}; total / floor = ${(fig.total / fig.floor).toFixed(2)}\n`);
  }
  w.write('(stage seconds: the slowest worker; stages overlap inside the workers, thread-s sums them over workers)\n');
}

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        employees: { type: 'string' },
        periods: { type: 'string' },
        seed: { type: 'string' },
        workers: { type: 'string' },
        scales: { type: 'boolean' },
        regen: { type: 'boolean' },
        data: { type: 'string' },
        'no-floor': { type: 'boolean' },
        json: { type: 'boolean' },
        rules: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n\n${usage}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(usage + '\n');
    return 0;
  }
  const o = {
    employees: Number(values.employees ?? 40000),
    periods: Number(values.periods ?? 26),
    seed: Number(values.seed ?? 1),
    workers: Number(values.workers ?? availableParallelism()),
    data: values.data ?? 'bench-data',
    regen: values.regen ?? false,
    floor: !values['no-floor'],
    rules: values.rules,
  };
  if (!values.scales) {
    const fig = await once(o);
    if (values.json) process.stdout.write(JSON.stringify(fig) + '\n');
    else print(fig);
    return 0;
  }
  // Each size in its own process, so each peak RSS is its own.
  const self = fileURLToPath(import.meta.url);
  const figs: Figures[] = [];
  for (const share of [4, 2, 1]) {
    const n = Math.max(1, Math.round(o.employees / share));
    const args = [self, '--json', '--employees', String(n), '--periods', String(o.periods), '--seed', String(o.seed), '--workers', String(o.workers), '--data', o.data];
    if (o.regen) args.push('--regen');
    if (!o.floor) args.push('--no-floor');
    for (const r of o.rules ?? []) args.push('--rules', r);
    const r = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(`bench at ${n} employees failed (exit ${r.status})`);
    const line = r.stdout.trim().split('\n').pop()!;
    const fig = JSON.parse(line) as Figures;
    figs.push(fig);
    print(fig);
  }
  const w = process.stdout;
  w.write('\nMemory flatness (1/4, 1/2, full):\n');
  const row = (label: string, f: (x: Figures) => string) => w.write(`  ${label.padEnd(22)} ${figs.map((x) => f(x).padStart(12)).join(' ')}\n`);
  row('employees', (x) => String(x.employees));
  row('payslips', (x) => String(x.payslips));
  row('total seconds', (x) => f1(x.total));
  row('payslips / s', (x) => Math.round(x.payslips / x.total).toLocaleString('en-US'));
  row('peak RSS MB', (x) => String(x.peakRssMb));
  row('total / floor', (x) => (x.floor ? (x.total / x.floor).toFixed(2) : ''));
  return 0;
}

main().then(
  (c) => (process.exitCode = c),
  (e: unknown) => {
    process.stderr.write(`bench: ${(e as Error).message}\n`);
    if (process.env.PAYRECON_DEBUG) process.stderr.write(`${(e as Error).stack}\n`);
    process.exitCode = 1;
  },
);
