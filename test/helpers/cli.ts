import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const CLI = join(ROOT, 'dist', 'src', 'cli', 'main.js');

function newestMtime(dir: string): number {
  let t = 0;
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, name.name);
    t = Math.max(t, name.isDirectory() ? newestMtime(p) : name.name.endsWith('.ts') ? statSync(p).mtimeMs : 0);
  }
  return t;
}

/**
 * Make sure dist/ holds a build of src/ (`npm test` builds it in `pretest`).
 * Builds with tsc when dist is missing or older than a source file; test files
 * running in parallel wait on one build through a lock directory.
 * PAYRECON_TEST_NO_REBUILD=1 skips the staleness check (dist must exist).
 */
export function ensureBuilt(): void {
  const fresh = () => existsSync(CLI) && (process.env.PAYRECON_TEST_NO_REBUILD === '1' || newestJs() >= newestMtime(join(ROOT, 'src')));
  if (fresh()) return;
  const lock = join(tmpdir(), `payrecon-build-${Buffer.from(ROOT).toString('hex').slice(-24)}.lock`);
  const deadline = Date.now() + 110_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`timed out waiting for the build lock ${lock}`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
      if (fresh()) return;
    }
  }
  try {
    if (!fresh()) {
      // tsc emits even when another contributor's work in progress has type errors; only the built CLI matters here.
      spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: ROOT, stdio: 'ignore' });
    }
  } finally {
    rmdirSync(lock);
  }
  if (!existsSync(CLI)) throw new Error(`the build did not produce ${CLI}: run npx tsc -p tsconfig.json`);
}

function newestJs(): number {
  const walk = (dir: string): number => {
    let t = 0;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      t = Math.max(t, e.isDirectory() ? walk(p) : e.name.endsWith('.js') ? statSync(p).mtimeMs : 0);
    }
    return t;
  };
  return walk(join(ROOT, 'dist', 'src'));
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run the built CLI (`node dist/src/cli/main.js …`) from the repository root, with extra environment (TZ…). */
export function runCli(args: string[], env: Record<string, string> = {}): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', PAYRECON_DEBUG: '', ...env },
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** As runCli, without blocking: start several runs at once and await them together. */
export function runCliAsync(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', PAYRECON_DEBUG: '', ...env }, timeout: 60_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : null) : 0;
      resolve({ status: code, stdout, stderr });
    });
  });
}

/** Run a Node script (ESM) with extra environment and return its stdout. */
export function runNode(script: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync(process.execPath, [script, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
}

export function tempDir(name: string): string {
  const d = join(tmpdir(), `payrecon-test-${process.pid}-${name}-${Math.random().toString(36).slice(2, 8)}`);
  mkdirSync(d, { recursive: true });
  return d;
}
