#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { generateAll } from './generateAll.js';

const usage = `Usage: npm run gen -- --employees N --periods P --seed S --out DIR [--error-rate R] [--workers W]

Writes a deterministic synthetic company folder (employees.csv, pay_calendar.csv,
time.csv, earnings.csv, deductions.csv, ytd.csv, payrecon.yaml), the partner's
register in a provider layout (register.csv, register-profile.yaml) with a
seeded share of errors, deposits.csv, and seeded-errors.json listing every
finding a reconciliation must report. Same options, byte-identical files.

  --employees N     employees (default 1000)
  --periods P       biweekly pay periods of 2026, 1-26 (default 26)
  --seed S          PRNG seed (default 1)
  --out DIR         output folder (required)
  --error-rate R    share of register rows with a seeded error (default 0.001)
  --workers W       threads for the re-computation behind the register (default: CPU count)
  --rules PATH      rule files or folders instead of the bundled rules/ (repeatable)`;

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        employees: { type: 'string' },
        periods: { type: 'string' },
        seed: { type: 'string' },
        out: { type: 'string' },
        'error-rate': { type: 'string' },
        workers: { type: 'string' },
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
  if (!values.out) {
    process.stderr.write(`--out DIR is required\n\n${usage}\n`);
    return 2;
  }
  const num = (s: string | undefined, d: number) => (s === undefined ? d : Number(s));
  const opts = {
    employees: num(values.employees, 1000),
    periods: num(values.periods, 26),
    seed: num(values.seed, 1),
    out: values.out,
    errorRate: num(values['error-rate'], 0.001),
    workers: values.workers === undefined ? undefined : Number(values.workers),
    rules: values.rules,
  };
  if (!Number.isFinite(opts.errorRate) || opts.errorRate < 0 || opts.errorRate > 1) {
    process.stderr.write('--error-rate must be a number from 0 to 1\n');
    return 2;
  }
  const t0 = performance.now();
  try {
    const r = await generateAll(opts);
    const secs = ((performance.now() - t0) / 1000).toFixed(1);
    process.stdout.write(`generated ${opts.out} in ${secs} s\n`);
    for (const [f, n] of Object.entries(r.rows)) process.stdout.write(`  ${f.padEnd(20)} ${String(n).padStart(10)} rows\n`);
    process.stdout.write(`  seeded errors: ${r.manifest.errors.length} (${opts.out}/seeded-errors.json)\n`);
  } catch (e) {
    process.stderr.write(`gen: ${(e as Error).message}\n`);
    return 2;
  }
  return 0;
}

main().then((c) => (process.exitCode = c));
