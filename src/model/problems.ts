/** A problem with an input file, located so a person can open the file and fix it. */
export interface InputProblem {
  file: string;
  line?: number;
  column?: string;
  message: string;
}

export function formatProblem(p: InputProblem): string {
  const where = [p.file, p.line !== undefined ? `line ${p.line}` : undefined, p.column ? `column ${p.column}` : undefined].filter(Boolean).join(', ');
  return `${where}: ${p.message}`;
}

/** Unusable input: the CLI prints every problem and exits with status 2. */
export class InputError extends Error {
  constructor(readonly problems: InputProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'InputError';
  }
}
