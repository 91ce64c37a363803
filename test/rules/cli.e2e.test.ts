import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, defectLines, fixture } from './helpers.js';

const CLI = join(ROOT, 'dist', 'src', 'cli', 'main.js');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Newest modification time of the TypeScript sources. */
function newestSource(dir = join(ROOT, 'src')): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestSource(p) : e.name.endsWith('.ts') ? statSync(p).mtimeMs : 0);
  }
  return t;
}

beforeAll(() => {
  // Compile (npx tsc -p tsconfig.json) unless dist/ is newer than every source; type errors
  // elsewhere in the tree do not stop tsc from emitting.
  const built = join(ROOT, 'dist', 'src', 'cli', 'rules.js');
  if (existsSync(built) && statSync(built).mtimeMs >= newestSource() && statSync(join(ROOT, 'dist', 'src', 'cli', 'main.js')).mtimeMs >= newestSource()) return;
  try {
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: ROOT, stdio: 'pipe' });
  } catch {
    /* emitted anyway; checked below */
  }
  expect(existsSync(join(ROOT, 'dist', 'src', 'cli', 'rules.js'))).toBe(true);
});

describe('payrecon rules (built CLI)', () => {
  it('check: exit 0 on a good file, with a summary line', () => {
    const r = cli('rules', 'check', 'fixtures/rules-defects/good.yaml', '--today', '2026-06-01', '--runs', '20');
    expect(r.stdout).toBe('rules check: 1 file, property tests on 3 component-dates (20 runs each): 0 errors, 0 warnings — ok\n');
    expect(r.status).toBe(0);
  });

  it('check: exit 1 and "file:line: error: message" on a defect', () => {
    const r = cli('rules', 'check', 'fixtures/rules-defects/gap.yaml', '--today', '2026-06-01', '--runs', '20');
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n')[0]).toBe(`fixtures/rules-defects/gap.yaml:${defectLines(fixture('gap.yaml'))[0]}: error: zz.rate: no value from 2026-07-01 to 2026-07-31 (a gap inside the file's coverage 2026-01-01..2026-12-31)`);
    expect(r.stdout).toMatch(/1 error, 0 warnings — FAILED\n$/);
  });

  it('check --strict turns a stale value into a failure; --json reports the same', () => {
    const args = ['rules', 'check', 'fixtures/rules-defects/good.yaml', '--today', '2027-12-01', '--runs', '0'];
    const lax = cli(...args);
    expect(lax.status).toBe(0);
    expect(lax.stdout).toMatch(/: warning: zz\.rate \(2026-01-01\.\.2026-06-30\): last confirmed 2026-01-15, 685 days ago \(more than 400\)/);
    const strict = cli(...args, '--strict');
    expect(strict.status).toBe(1);
    expect(strict.stdout).toMatch(/: error: zz\.rate/);
    const json = JSON.parse(cli(...args, '--strict', '--json').stdout);
    expect(json.ok).toBe(false);
    expect(json.errors).toBeGreaterThan(0);
  });

  it('usage problems exit 2', () => {
    expect(cli('rules').status).toBe(2);
    expect(cli('rules', 'lint').status).toBe(2);
    expect(cli('rules', 'check', 'no/such/path').status).toBe(2);
    expect(cli('rules', 'check', 'fixtures/rules-defects/good.yaml', '--runs', 'many').status).toBe(2);
    expect(cli('rules', 'diff', 'fixtures/rules-defects/good.yaml').status).toBe(2);
    expect(cli('rules', 'check', '--bogus').status).toBe(2);
  });

  it('test: exit 1 with PASS/FAIL per example on the wrong example; exit 0 on the good file', () => {
    const bad = cli('rules', 'test', 'fixtures/rules-defects/wrong-example.yaml');
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/^FAIL fixtures\/rules-defects\/wrong-example\.yaml:\d+ zz\.flat 2026-03-13 /m);
    expect(bad.stdout).toMatch(/rules test: 3 examples in 1 file: 2 passed, 1 failed — FAILED\n$/);
    const good = cli('rules', 'test', 'fixtures/rules-defects/good.yaml');
    expect(good.status).toBe(0);
    expect(good.stdout.match(/^PASS /gm)).toHaveLength(3);
  });

  it('diff: exit 0 and one line per change', () => {
    const r = cli('rules', 'diff', 'fixtures/rules-defects/good.yaml', 'fixtures/rules-defects/good-2027.yaml');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/good-2027\.yaml:35: zz\.wage_base: 50000 → 52000/);
    expect(r.stdout).toMatch(/: 3 changes\n$/);
  });

  it('the default PATH is the bundled rules/, whatever the working directory', () => {
    const r = spawnSync(process.execPath, [CLI, 'rules', 'test'], { cwd: '/', encoding: 'utf8' });
    expect(r.stdout).toMatch(/rules test: \d+ examples? in [1-9]\d* files?/);
  });
});
