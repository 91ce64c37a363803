#!/usr/bin/env node
import { InputError, formatProblem } from '../io/problems.js';
import { UsageError } from './usage.js';

/** A CLI command: takes its arguments, returns the exit status. */
export interface Command {
  summary: string;
  usage: string;
  run(args: string[]): Promise<number>;
}

/** Command name → module. Each module's default export is a Command. */
const COMMANDS: Record<string, () => Promise<{ default: Command }>> = {
  compute: () => import('./compute.js'),
  explain: () => import('./explain.js'),
  reconcile: () => import('./reconcile.js'),
  remittances: () => import('./remittances.js'),
  rules: () => import('./rules.js'),
};

async function usage(): Promise<string> {
  const lines = ['Usage: payrecon <command> [options]', '', 'Commands:'];
  for (const [name, load] of Object.entries(COMMANDS)) lines.push(`  ${name.padEnd(12)} ${(await load()).default.summary}`);
  lines.push('', 'Run `payrecon <command> --help` for the options of one command.');
  return lines.join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write((await usage()) + '\n');
    return name ? 0 : 2;
  }
  if (name === '--version') {
    process.stdout.write('payrecon 0.1.0\n');
    return 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    process.stderr.write(`payrecon: unknown command "${name}"\n\n${await usage()}\n`);
    return 2;
  }
  const cmd = (await load()).default;
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(cmd.usage + '\n');
    return 0;
  }
  try {
    return await cmd.run(args);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`payrecon ${name}: ${e.message}\n\n${e.usage ?? cmd.usage}\n`);
      return 2;
    }
    if (e instanceof InputError) {
      process.stderr.write(`payrecon ${name}: the input cannot be used (${e.problems.length} problem${e.problems.length === 1 ? '' : 's'}):\n`);
      for (const p of e.problems) process.stderr.write(`  ${formatProblem(p)}\n`);
      return 2;
    }
    const err = e as Error;
    process.stderr.write(`payrecon ${name}: internal error: ${err.message}\n`);
    if (process.env.PAYRECON_DEBUG) process.stderr.write(`${err.stack}\n`);
    else process.stderr.write('(set PAYRECON_DEBUG=1 to see where it happened; please report it)\n');
    return 70;
  }
}

// A reader that stops early (`payrecon … | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`payrecon: ${(e as Error).message}\n`);
    process.exitCode = 70;
  },
);
