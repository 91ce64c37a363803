import { existsSync } from 'node:fs';
import { getMethod } from '../calc/methods/index.js';
import { isCivilDate, type CivilDate } from '../dates/index.js';
import { bundledRulesDir, findRuleFiles, loadRuleFile, type LoadedRuleFile } from '../rules/index.js';
import { DEFAULT_MAX_AGE_DAYS, checkRuleFiles, formatProblem, type CheckProblem } from '../rules/check/index.js';
import { diffDates, diffFiles, formatChange } from '../rules/diff/index.js';
import { testRuleFiles } from '../rules/test/index.js';
import { parseCommandArgs } from './args.js';
import type { Command } from './main.js';
import { UsageError } from './usage.js';

/**
 * `payrecon rules check | test | diff`. This is where the layers meet: the
 * rule checks (src/rules/check, src/rules/test) never import src/calc; this
 * command imports calc's method registry (src/calc/methods/index.ts registers
 * every method) and hands them `getMethod`.
 */

const usage = `Usage:
  payrecon rules check [PATH...] [--strict] [--max-age DAYS] [--runs N] [--seed N] [--today DATE] [--json]
  payrecon rules test  [PATH...] [--json]
  payrecon rules diff A B
  payrecon rules diff FILE --at DATE1 --at DATE2

PATH: rule files or folders (default: the bundled rules/).

check   schema, dated values (no overlap, no gap inside the file's coverage),
        bracket tables, rates, component references and method parameters,
        then property tests (fast-check) of every tax method at every
        effective date. Unverified or stale values are warnings.
          --strict         warnings fail too
          --max-age DAYS   a confirmed_on older than this is stale (default:
                           the file's review_max_age_days, else ${DEFAULT_MAX_AGE_DAYS})
          --runs N         fast-check runs per property (default 200; 0 skips them)
          --seed N         fast-check seed, to reproduce a reported failure
          --today DATE     the date to measure staleness from (default: today)
          --json           the report as JSON on stdout
test    runs each file's worked examples; prints PASS/FAIL per example.
diff    what changed between two rule files, or in one file between two
        dates: parameter, old value, new value, source.

Problems print as "file:line: severity: message". Exit status: 0 ok,
1 a check or example failed, 2 usage or a rule file that cannot be read.`;

function rulePaths(positionals: string[]): string[] {
  const given = positionals.length ? positionals : [bundledRulesDir()];
  for (const p of given) if (!existsSync(p)) throw new UsageError(`no such file or folder: ${p}`, usage);
  const files = findRuleFiles(given);
  if (files.length === 0) throw new UsageError(`no rule files (*.yaml, *.yml) in ${given.join(', ')}`, usage);
  return files;
}

function intOption(v: string | undefined, name: string, min: number): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < min) throw new UsageError(`${name} expects a whole number of at least ${min}, got "${v}"`, usage);
  return Number(v);
}

function todayIso(): CivilDate {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

async function check(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      strict: { type: 'boolean' },
      'max-age': { type: 'string' },
      runs: { type: 'string' },
      seed: { type: 'string' },
      today: { type: 'string' },
      json: { type: 'boolean' },
    },
    usage,
  );
  const today = values.today ?? todayIso();
  if (!isCivilDate(today)) throw new UsageError(`--today expects a date written YYYY-MM-DD, got "${today}"`, usage);
  const maxAgeDays = intOption(values['max-age'], '--max-age', 1);
  const runs = intOption(values.runs, '--runs', 0) ?? 200;
  const seedText = values.seed;
  if (seedText !== undefined && !/^-?\d+$/.test(seedText)) throw new UsageError(`--seed expects a whole number, got "${seedText}"`, usage);
  const files = rulePaths(positionals);
  const report = await checkRuleFiles(files, {
    today,
    strict: values.strict ?? false,
    methods: getMethod,
    runs,
    ...(maxAgeDays !== undefined ? { maxAgeDays } : {}),
    ...(seedText !== undefined ? { seed: Number(seedText) } : {}),
  });
  if (values.json) {
    process.stdout.write(JSON.stringify({ ...report, ok: report.errors === 0 }, null, 2) + '\n');
  } else {
    for (const p of report.problems) process.stdout.write(formatProblem(p) + '\n');
    const props = runs > 0 ? `, property tests on ${plural(report.propertyTargets, 'component-date')} (${runs} runs each)` : ', property tests skipped';
    process.stdout.write(
      `rules check: ${plural(report.files, 'file')}${props}: ${plural(report.errors, 'error')}, ${plural(report.warnings, 'warning')} — ${report.errors ? 'FAILED' : 'ok'}\n`,
    );
  }
  return report.errors ? 1 : 0;
}

async function test(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } }, usage);
  const report = testRuleFiles(rulePaths(positionals), getMethod);
  if (values.json) {
    process.stdout.write(JSON.stringify({ ...report, ok: report.failed === 0 && report.loadProblems.length === 0 }, null, 2) + '\n');
  } else {
    for (const p of report.loadProblems) process.stdout.write(formatProblem(p) + '\n');
    for (const r of report.results) {
      process.stdout.write(`${r.pass ? 'PASS' : 'FAIL'} ${r.file}:${r.line} ${r.component} ${r.date} "${r.name}" (${r.kind}: ${r.source})\n`);
      for (const p of r.problems) process.stdout.write(`  ${formatProblem(p)}\n`);
    }
    const bad = report.failed > 0 || report.loadProblems.length > 0;
    process.stdout.write(
      `rules test: ${plural(report.results.length, 'example')} in ${plural(report.files, 'file')}: ${report.passed} passed, ${report.failed} failed` +
        `${report.loadProblems.length ? `, ${plural(report.loadProblems.length, 'file problem')}` : ''} — ${bad ? 'FAILED' : 'ok'}\n`,
    );
  }
  return report.failed > 0 || report.loadProblems.length > 0 ? 1 : 0;
}

function load(path: string): LoadedRuleFile | CheckProblem[] {
  if (!existsSync(path)) throw new UsageError(`no such file: ${path}`, usage);
  const r = loadRuleFile(path);
  return r.ok ? r.file : r.problems.map((p) => ({ ...p, check: 'schema' }));
}

async function diff(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { at: { type: 'string', multiple: true }, json: { type: 'boolean' } }, usage);
  const at = values.at ?? [];
  for (const d of at) if (!isCivilDate(d)) throw new UsageError(`--at expects a date written YYYY-MM-DD, got "${d}"`, usage);
  if (!((positionals.length === 2 && at.length === 0) || (positionals.length === 1 && at.length === 2))) {
    throw new UsageError('expected two rule files, or one rule file and --at DATE1 --at DATE2', usage);
  }
  const loaded = positionals.map(load);
  const problems = loaded.filter((l): l is CheckProblem[] => Array.isArray(l)).flat();
  if (problems.length) {
    for (const p of problems) process.stderr.write(formatProblem(p) + '\n');
    process.stderr.write(`rules diff: ${plural(problems.length, 'problem')} in the rule files — cannot compare\n`);
    return 2;
  }
  const [a, b] = loaded as LoadedRuleFile[];
  const changes = b ? diffFiles(a!, b) : diffDates(a!, at[0]!, at[1]!);
  if (values.json) process.stdout.write(JSON.stringify(changes, null, 2) + '\n');
  else {
    for (const c of changes) process.stdout.write(formatChange(c) + '\n');
    const what = b ? `${a!.path} → ${b.path}` : `${a!.path} ${at[0]} → ${at[1]}`;
    process.stdout.write(`rules diff: ${what}: ${plural(changes.length, 'change')}\n`);
  }
  return 0;
}

const command: Command = {
  summary: 'Check rule files, run their worked examples, or diff two of them (for CI)',
  usage,
  async run(args) {
    const [sub, ...rest] = args;
    if (sub === 'check') return check(rest);
    if (sub === 'test') return test(rest);
    if (sub === 'diff') return diff(rest);
    throw new UsageError(sub ? `unknown rules command "${sub}"` : 'expected check, test or diff', usage);
  },
};
export default command;
