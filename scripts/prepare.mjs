// Makes a fresh clone runnable: installs the locked dependencies when they are
// missing, then compiles the TypeScript sources to dist/. Called by the npm
// "pre" hooks of test, demo, gen and bench, so the README's commands work as-is.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd) => execSync(cmd, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });

if (!existsSync(join(root, 'node_modules', '.package-lock.json'))) {
  console.error('payrecon: installing dependencies (npm ci)…');
  run('npm ci --no-audit --no-fund');
}
run('node node_modules/typescript/bin/tsc -p tsconfig.json');
