const QUOTE = 34, CR = 13, LF = 10;

/**
 * A streaming RFC 4180 record splitter for large registers: quoted fields
 * (with "" escapes and line breaks inside), LF, CRLF or CR line ends, a BOM,
 * empty lines skipped. Each record comes with the line it starts on. Several
 * times faster than a general CSV library with line tracking, which matters
 * for a register of a million rows.
 */
export class CsvRecords {
  private record: string[] = [];
  private field = '';
  private inQuotes = false;
  /** Just closed a quoted section: a second quote means a literal quote. */
  private afterQuote = false;
  private afterCR = false;
  private quotedCR = false;
  private line = 1;
  private recordLine = 1;
  private started = false;
  private first = true;
  private readonly delim: number;

  constructor(delimiter: string, private readonly onRecord: (record: string[], line: number) => void) {
    this.delim = delimiter.charCodeAt(0);
  }

  /** Whether a record is open at the end of input inside quotes (an unterminated quoted field). */
  get unterminated(): boolean {
    return this.inQuotes;
  }

  /** The line the record being read starts on. */
  get openLine(): number {
    return this.recordLine;
  }

  push(chunk: string): void {
    let i = 0;
    if (this.first && chunk.length) {
      this.first = false;
      if (chunk.charCodeAt(0) === 0xfeff) i = 1;
    }
    let start = i;
    const n = chunk.length;
    for (; i < n; i++) {
      const c = chunk.charCodeAt(i);
      if (this.inQuotes) {
        if (c === QUOTE) {
          this.field += chunk.slice(start, i);
          this.inQuotes = false;
          this.afterQuote = true;
          start = i + 1;
        } else if (c === CR || (c === LF && !this.quotedCR)) this.line++;
        this.quotedCR = c === CR;
        continue;
      }
      if (this.afterCR) {
        this.afterCR = false;
        if (c === LF) {
          start = i + 1;
          continue;
        }
      }
      if (c === QUOTE) {
        this.field += chunk.slice(start, i);
        if (this.afterQuote) this.field += '"';
        this.inQuotes = true;
        this.afterQuote = false;
        this.started = true;
        start = i + 1;
        continue;
      }
      this.afterQuote = false;
      if (c === this.delim) {
        this.record.push(this.field + chunk.slice(start, i));
        this.field = '';
        this.started = true;
        start = i + 1;
      } else if (c === LF || c === CR) {
        this.field += chunk.slice(start, i);
        this.endRecord();
        this.line++;
        this.recordLine = this.line;
        if (c === CR) this.afterCR = true;
        start = i + 1;
      } else if (!this.started) this.started = true;
    }
    if (start < n) this.field += chunk.slice(start, n);
  }

  end(): void {
    this.afterQuote = false;
    this.endRecord();
  }

  private endRecord(): void {
    if (!this.started && this.field === '' && this.record.length === 0) return; // empty line
    this.record.push(this.field);
    const rec = this.record;
    this.record = [];
    this.field = '';
    this.started = false;
    this.onRecord(rec, this.recordLine);
  }
}
