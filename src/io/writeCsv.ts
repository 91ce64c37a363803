import { createWriteStream, type WriteStream } from 'node:fs';

/**
 * Make a cell safe to open in Excel: a cell from input data that starts with
 * = + - @ (or a tab / carriage return) could run as a formula, so it gets a
 * leading apostrophe. Numbers we format ourselves (`-12.50`) pass through.
 */
export function excelSafe(cell: string): string {
  if (/^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell)) return `'${cell}`;
  return cell;
}

/** RFC 4180 quoting. */
export function csvCell(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function csvLine(cells: readonly string[], safe = true): string {
  return cells.map((c) => csvCell(safe ? excelSafe(c) : c)).join(',') + '\n';
}

/** A buffered CSV writer (LF line ends, UTF-8, no BOM) whose close resolves when the file is flushed. */
export class CsvWriter {
  private readonly out: WriteStream;
  private buf: string[] = [];
  private size = 0;

  constructor(path: string, header: readonly string[]) {
    this.out = createWriteStream(path, { encoding: 'utf8' });
    this.write(header);
  }

  write(cells: readonly string[]): void {
    const line = csvLine(cells);
    this.buf.push(line);
    this.size += line.length;
    if (this.size > 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.buf.length) this.out.write(this.buf.join(''));
    this.buf = [];
    this.size = 0;
  }

  close(): Promise<void> {
    this.flush();
    return new Promise((resolve, reject) => {
      this.out.on('error', reject);
      this.out.end(resolve);
    });
  }
}

/** Mask all but the last four digits of an SSN-like identifier. */
export function maskSsn(ssn: string): string {
  const digits = ssn.replace(/\D/g, '');
  return digits.length >= 4 ? `***-**-${digits.slice(-4)}` : '***';
}
