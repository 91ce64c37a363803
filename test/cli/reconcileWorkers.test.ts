import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, ensureBuilt, runCli, tempDir } from '../helpers/cli.js';

// `payrecon reconcile --workers N` runs on worker threads (the compiled dist/ code) and must give
// exactly what `--workers 1` (the single-threaded command) gives: files, stdout, stderr, exit status.
const RULES = ['federal-2025.yaml', 'federal-2026.yaml', 'irs-deposits.yaml', 'dc-holidays.yaml'].map((f) => join(ROOT, 'rules', 'us', f));
const GEN = join(ROOT, 'dist', 'src', 'bench', 'generate-cli.js');

let tmp: string;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  files: Record<string, Buffer>;
}

/** Run the command into one output folder (so the paths it prints are the same), and read what it wrote. */
function reconcile(dir: string, workers: number, extra: string[] = [], env: Record<string, string> = {}): Run {
  const out = join(tmp, 'out');
  rmSync(out, { recursive: true, force: true });
  const r = runCli(['reconcile', dir, '--out', out, '--workers', String(workers), ...extra], env);
  const files: Record<string, Buffer> = {};
  if (existsSync(out)) for (const f of readdirSync(out).sort()) files[f] = readFileSync(join(out, f));
  return { ...r, files };
}

function expectSame(dir: string, extra: string[] = [], env: Record<string, string> = {}): Run {
  const one = reconcile(dir, 1, extra);
  for (const workers of [2, 3]) {
    const par = reconcile(dir, workers, extra, env);
    expect(par.status, `exit status, ${workers} workers: ${par.stderr}`).toBe(one.status);
    expect(par.stdout, `stdout, ${workers} workers`).toBe(one.stdout);
    expect(par.stderr, `stderr, ${workers} workers`).toBe(one.stderr);
    expect(Object.keys(par.files), `files, ${workers} workers`).toEqual(Object.keys(one.files));
    for (const f of Object.keys(one.files)) expect(par.files[f]!.equals(one.files[f]!), `${f}, ${workers} workers`).toBe(true);
  }
  return one;
}

const GEN_RULES = RULES.flatMap((r) => ['--rules', r]);

/** A copy of the generated company whose register a test rewrites: its rows as generated, and a writer (header first). */
function registerCopy(name: string): { dir: string; rows: string[]; write: (rows: readonly string[], eol?: string) => void } {
  const dir = join(tmp, name);
  cpSync(join(tmp, 'gen'), dir, { recursive: true });
  const [head, ...rows] = readFileSync(join(dir, 'register.csv'), 'utf8').split('\n').filter((l) => l !== '');
  return { dir, rows, write: (lines, eol = '\n') => writeFileSync(join(dir, 'register.csv'), [head, ...lines].join(eol) + eol) };
}

beforeAll(() => {
  ensureBuilt();
  tmp = tempDir('reconcile-workers');
  const args = [GEN, '--employees', '40', '--periods', '6', '--seed', '12', '--out', join(tmp, 'gen'), '--error-rate', '0.05', '--workers', '2'];
  for (const r of RULES) args.push('--rules', r);
  const g = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  if (g.status !== 0) throw new Error(`gen failed: ${g.stderr}`);
}, 300_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('payrecon reconcile --workers', () => {
  it('gives byte-identical outputs on the demo with 1, 2 and 3 workers (what-if hints, deposits, findings)', () => {
    const one = expectSame('fixtures/demo');
    expect(one.status).toBe(1);
    expect(Object.keys(one.files)).toEqual(['expected.csv', 'findings.csv', 'findings.json', 'remittances.csv']);
    expect(one.files['findings.csv']!.toString()).toMatch(/prior-year federal withholding tables|W-4 Step 2/);
  }, 120_000);

  it('gives byte-identical outputs on a generated company, with --show-pii and --fail-on', () => {
    const dir = join(tmp, 'gen');
    expect(expectSame(dir, [...GEN_RULES, '--fail-on', 'never']).status).toBe(0);
    expectSame(dir, [...GEN_RULES, '--fail-on', 'warning', '--show-pii']);
    // Each worker reading its inputs in several load blocks of a few employees (chunks of 3, load blocks of 6).
    expectSame(dir, [...GEN_RULES, '--fail-on', 'never'], { PAYRECON_BLOCK: '3', PAYRECON_LOAD_BLOCK: '6' });
  }, 240_000);

  it('gives byte-identical outputs on a register with CRLF line ends, its rows in order or in none', () => {
    const { dir, rows, write } = registerCopy('crlf');
    // As generated (a chunk's rows follow each other), then in a fixed shuffle (they do not).
    const shuffled = rows.map((r, i) => [(i * 7919) % rows.length, r] as const).sort((a, b) => a[0] - b[0]).map((x) => x[1]);
    for (const order of [rows, shuffled]) {
      write(order, '\r\n');
      expectSame(dir, [...GEN_RULES, '--fail-on', 'never']);
      expectSame(dir, [...GEN_RULES, '--fail-on', 'never'], { PAYRECON_BLOCK: '3', PAYRECON_LOAD_BLOCK: '6' });
    }
  }, 300_000);

  it('gives byte-identical outputs on a register with quoted cells, short and blank rows, and (then) a quoted line break', () => {
    const { dir, rows, write } = registerCopy('awkward');
    const cellsOf = (l: string) => l.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '')).slice(0, -1);
    // Key cells quoted, names quoted with a comma and a doubled quote, a date quoted, a row cut short, a row with blank
    // keys: the scanner passes over the plain ones (quoted fields whole on the line) and splits the others.
    const awkward = rows.map((l, i) => {
      const c = cellsOf(l);
      if (i % 5 === 1) c[0] = `"${c[0]}"`;
      if (i % 7 === 2) c[1] = `"${c[1]!.replace(/^"|"$/g, '')}, ""Jr"""`;
      if (i % 11 === 3) c[2] = `"${c[2]}"`;
      if (i === 4) return c.slice(0, 4).join(',');
      if (i === 6) return ['', '', '', ...c.slice(3)].join(',');
      return c.join(',');
    });
    write(awkward);
    expectSame(dir, [...GEN_RULES, '--fail-on', 'never']);
    expectSame(dir, [...GEN_RULES, '--fail-on', 'never'], { PAYRECON_BLOCK: '3', PAYRECON_LOAD_BLOCK: '6' });
    // A line break inside a quoted name: the register is read by the full reader.
    awkward[9] = awkward[9]!.replace(/^([^,]*),([^,]*),/, '$1,"two\nlines",');
    write(awkward);
    expectSame(dir, [...GEN_RULES, '--fail-on', 'never']);
  }, 300_000);

  it('reports unreadable register rows and unusable input as the single-threaded command does', () => {
    const rej = join(tmp, 'rejected');
    cpSync(join(ROOT, 'fixtures', 'demo'), rej, { recursive: true });
    const lines = readFileSync(join(rej, 'register.csv'), 'utf8').split('\n');
    for (const i of [3, 20, 41, 60, 77, 90, 101, 110, 115, 120, 125, 130]) lines[i] = lines[i]!.replace(/\d\d\/\d\d\/20\d\d/, '13/45/2026');
    writeFileSync(join(rej, 'register.csv'), lines.join('\n'));
    const r = expectSame(rej);
    expect(r.stderr).toMatch(/12 register rows could not be read/);

    const all = join(tmp, 'all-rejected');
    cpSync(rej, all, { recursive: true });
    writeFileSync(join(all, 'register.csv'), lines.map((l, i) => (i === 0 ? l : l.replace(/\d\d\/\d\d\/20\d\d/, '13/45/2026'))).join('\n'));
    expect(expectSame(all).status).toBe(2);

    const noReg = join(tmp, 'no-register');
    cpSync(join(ROOT, 'fixtures', 'demo'), noReg, { recursive: true });
    rmSync(join(noReg, 'register.csv'));
    expect(expectSame(noReg).stderr).toMatch(/the partner's register is not there/);
  }, 180_000);

  it('rejects a number of workers that is not a whole number of at least 1', () => {
    const r = runCli(['reconcile', 'fixtures/demo', '--out', join(tmp, 'x'), '--workers', '0']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--workers must be a whole number of at least 1/);
  });
});
