import { closeSync, openSync, readSync } from 'node:fs';

/**
 * A fast, conservative CSV scanner over the bytes of a file: RFC 4180 quoted
 * fields, a UTF-8 BOM, LF or CRLF line ends (one style per file), empty lines
 * skipped, records with only blank fields optionally skipped, `line` = the
 * file line of the record, exactly as csv-parse reports it with `info: true`.
 * Anything it is not sure to read as csv-parse would (a quote inside an
 * unquoted field, text after a closing quote, a line break inside quotes,
 * mixed line ends) throws Fallback: the caller reads the file with csv-parse
 * instead, from the record where the scanner stopped.
 */
export class Fallback extends Error {
  constructor(readonly records: number, why: string) {
    super(`fast CSV path not usable after ${records} records: ${why}`);
  }
}

export interface ScanRecord {
  /** The bytes the record's fields point into. */
  buf: Buffer;
  /** Absolute byte offsets of the record in the file (start of first field, end before the line end). */
  start: number;
  end: number;
  line: number;
  /** Number of fields; field i spans buf[fs[i], fe[i]) (inside the quotes when quoted[i]). */
  n: number;
  fs: Int32Array;
  fe: Int32Array;
  quoted: Uint8Array;
  /** Offset of buf[0] in the file. */
  base: number;
  /** Whether the `skip` test was asked about this record and kept it (the caller need not decide again). */
  kept: boolean;
}

const QUOTE = 0x22, LF = 0x0a, CR = 0x0d;

/** Text of field i (quotes removed, doubled quotes undone). */
export function fieldText(r: ScanRecord, i: number): string {
  if (i >= r.n) return '';
  const s = r.buf.toString('utf8', r.fs[i]!, r.fe[i]!);
  return r.quoted[i] && s.includes('"') ? s.replace(/""/g, '"') : s;
}

/**
 * A decision on a record's key field (field `at`, trimmed), remembered for the
 * field's bytes: a file lists the rows of one key (an employee) together, so
 * most records cost one byte comparison. Gives the key's text when `test`
 * keeps it, else undefined.
 */
export function keyMemo(test: (key: string) => boolean): (r: ScanRecord, at: number) => string | undefined {
  let lastKey: Buffer | undefined, lastQuoted = 0, lastKept: string | undefined;
  return (r, at) => {
    const s = r.fs[at]!, e = r.fe[at]!, k = lastKey;
    if (k !== undefined && r.quoted[at] === lastQuoted && e - s === k.length) {
      let same = true;
      for (let i = 0; same && i < k.length; i++) if (r.buf[s + i] !== k[i]) same = false; // (a key is a few bytes: no call into Buffer.compare)
      if (same) return lastKept;
    }
    const key = fieldText(r, at).trim();
    lastKept = test(key) ? key : undefined;
    lastKey = Buffer.from(r.buf.subarray(s, e));
    lastQuoted = r.quoted[at]!;
    return lastKept;
  };
}

export function recordFields(r: ScanRecord): string[] {
  const out = new Array<string>(r.n);
  for (let i = 0; i < r.n; i++) out[i] = fieldText(r, i);
  return out;
}

export interface ScanOptions {
  delimiter?: number;
  /** csv-parse skip_records_with_empty_values. */
  skipBlankRecords?: boolean;
  /** Read only [from, to) of the file (both at record starts); line numbering starts at `firstLine`. */
  from?: number;
  to?: number;
  firstLine?: number;
  chunkSize?: number;
  /**
   * Records the caller does not want split (another worker's rows, or rows the
   * caller notes by their bytes): once field `field` is read, `test` sees the
   * record with its first field + 1 fields (and its start, end and line) and,
   * when it says skip, the rest of the line is passed over without being split
   * into fields, provided its quotes open and close whole fields on the line and
   * it has no stray carriage return (other lines are split as usual), and the
   * fields read are not all blank. A skipped record is counted (`records`,
   * Fallback's count) but not passed to `onRecord`. Read for each record: a
   * caller may set it once it has read the header.
   */
  skip?: { field: number; test: (r: ScanRecord) => boolean };
}

/**
 * Scan a whole file (or a byte range of it), calling `onRecord` for each
 * record. The ScanRecord is reused between calls: copy what you keep.
 */
export function scanCsv(file: string, onRecord: (r: ScanRecord) => void, opts: ScanOptions = {}): { records: number; lines: number; crlf: boolean | undefined } {
  const delim = opts.delimiter ?? 0x2c;
  const fd = openSync(file, 'r');
  let buf = Buffer.allocUnsafe(opts.chunkSize ?? 1 << 22);
  let fsA = new Int32Array(64), feA = new Int32Array(64), qA = new Uint8Array(64);
  const rec: ScanRecord = { buf, start: 0, end: 0, line: 0, n: 0, fs: fsA, fe: feA, quoted: qA, base: 0, kept: false };
  let filePos = opts.from ?? 0;
  const limit = opts.to ?? Infinity;
  let base = filePos; // file offset of buf[0]
  let have = 0;
  let pos = 0;
  let eof = false;
  let line = (opts.firstLine ?? 1) - 1;
  let records = 0;
  let crlf: boolean | undefined;
  // The first quote / carriage return at or after the position they were searched from (have: none in the buffer).
  let nextQuote = -1, nextCr = -1, searchedQ = 0, searchedCr = 0;
  /**
   * Whether the quotes from q (the first at or after a field start) to the line feed at lf are those of whole
   * quoted fields, so the record ends at lf: each quote opens a field (right after a delimiter), its content
   * has no quote but doubled ones, and the closing quote comes before a delimiter or the line end. A line break
   * inside a quoted field, or any other quote, is for the full scanner (which reads it or hands it over).
   */
  const quotedFieldsEnd = (q: number, lf: number): boolean => {
    while (q < lf) {
      if (buf[q - 1] !== delim) return false;
      let c = q + 1;
      for (;;) {
        c = buf.indexOf(QUOTE, c);
        if (c < 0 || c >= lf) return false; // not closed before the line feed
        if (buf[c + 1] !== QUOTE) break;
        c += 2; // a doubled quote inside the field
      }
      const after = c + 1;
      if (after !== lf && buf[after] !== delim && !(buf[after] === CR && after + 1 === lf)) return false;
      q = buf.indexOf(QUOTE, after);
      if (q < 0) return true;
    }
    return true;
  };
  /** With i at the delimiter after the skip field: the line feed ending this line if it can be passed over, else -1. */
  const lineEndIfPlain = (i: number): number => {
    const lf = buf.indexOf(LF, i);
    if (lf < 0 || lf >= have) return -1;
    if (nextQuote < i || searchedQ > i) {
      const q = buf.indexOf(QUOTE, i);
      nextQuote = q < 0 || q >= have ? have : q;
      searchedQ = i;
    }
    if (nextQuote < lf && !quotedFieldsEnd(nextQuote, lf)) return -1;
    if (nextCr < i || searchedCr > i) {
      const c = buf.indexOf(CR, i);
      nextCr = c < 0 || c >= have ? have : c;
      searchedCr = i;
    }
    const crEnd = nextCr === lf - 1;
    if (nextCr < lf - 1 || (crEnd && crlf === false) || (!crEnd && crlf === true)) return -1;
    return lf;
  };
  /** Whether the caller skips the record whose first n fields are read (i at the delimiter after them): its line end, or -1. */
  const trySkip = (i: number, n: number): number => {
    const lf = lineEndIfPlain(i);
    if (lf < 0) return -1;
    rec.start = base + pos;
    rec.end = base + lf - (buf[lf - 1] === CR ? 1 : 0);
    rec.line = line + 1;
    rec.n = n;
    rec.base = base;
    if (opts.skip!.test(rec)) return lf;
    rec.kept = true;
    return -1;
  };
  const fill = (): void => {
    nextQuote = nextCr = -1; // the bytes move
    if (pos > 0) {
      buf.copy(buf, 0, pos, have);
      base += pos;
      have -= pos;
      pos = 0;
    }
    if (have === buf.length) {
      const bigger = Buffer.allocUnsafe(buf.length * 2);
      buf.copy(bigger, 0, 0, have);
      buf = bigger;
      rec.buf = buf;
    }
    const want = Math.min(buf.length - have, limit - filePos);
    const n = want > 0 ? readSync(fd, buf, have, want, filePos) : 0;
    if (n === 0) eof = true;
    filePos += n;
    have += n;
  };
  try {
    fill();
    if (base === 0 && have >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) pos = 3;
    for (;;) {
      // Scan one record starting at pos; on running out of bytes, refill and restart the record.
      let i = pos;
      let n = 0;
      let ended = false;
      let needMore = false;
      let blank = true;
      let maybe = false;
      let skipEnd = -1;
      rec.kept = false;
      const skipN = opts.skip ? opts.skip.field + 1 : -1; // (read per record: a caller may set it from the header)
      for (;;) {
        if (n === fsA.length) {
          const m = n * 2;
          const a = new Int32Array(m), b = new Int32Array(m), c = new Uint8Array(m);
          a.set(fsA), b.set(feA), c.set(qA);
          fsA = a, feA = b, qA = c;
          rec.fs = fsA, rec.fe = feA, rec.quoted = qA;
        }
        if (i < have && buf[i] === QUOTE) {
          // Quoted field.
          let j = i + 1;
          let closed = -1;
          while (j < have) {
            const c = buf[j]!;
            if (c === QUOTE) {
              if (j + 1 >= have && !eof) break;
              if (j + 1 < have && buf[j + 1] === QUOTE) {
                j += 2;
                continue;
              }
              closed = j;
              break;
            }
            if (c === LF || c === CR) throw new Fallback(records, 'line break inside a quoted field');
            j++;
          }
          if (closed < 0) {
            if (eof) throw new Fallback(records, 'quote not closed');
            needMore = true;
            break;
          }
          fsA[n] = i + 1;
          feA[n] = closed;
          qA[n] = 1;
          for (let x = i + 1; blank && x < closed; x++) {
            const c = buf[x]!;
            if (c >= 0x80) maybe = true;
            else if (c !== 0x20 && (c < 0x09 || c > 0x0d)) blank = false;
          }
          n++;
          i = closed + 1;
          if (i >= have && !eof) {
            needMore = true;
            break;
          }
          const c = i < have ? buf[i]! : -1;
          if (c === delim) {
            if (n === skipN && !blank && (skipEnd = trySkip(i, n)) >= 0) break;
            i++;
            continue;
          }
          if (c === -1 || c === LF || c === CR) {
            ended = true;
            break;
          }
          throw new Fallback(records, 'text after a closing quote');
        }
        // Unquoted field.
        let j = i;
        // (Whether the record is blank matters only until a field shows it is not.)
        while (j < have) {
          const c = buf[j]!;
          if (c === delim || c === LF || c === CR) break;
          if (c === QUOTE) throw new Fallback(records, 'quote inside an unquoted field');
          if (blank) {
            if (c >= 0x80) maybe = true;
            else if (c !== 0x20 && (c < 0x09 || c > 0x0d)) blank = false;
          }
          j++;
        }
        if (j >= have && !eof) {
          needMore = true;
          break;
        }
        fsA[n] = i;
        feA[n] = j;
        qA[n] = 0;
        n++;
        i = j;
        if (i < have && buf[i] === delim) {
          if (n === skipN && !blank && (skipEnd = trySkip(i, n)) >= 0) break;
          i++;
          continue;
        }
        ended = true;
        break;
      }
      if (skipEnd >= 0) {
        // A record the caller skips: counted, its line passed over.
        crlf = skipEnd > 0 && buf[skipEnd - 1] === CR;
        line++;
        records++;
        pos = skipEnd + 1;
        skipEnd = -1;
        if (pos >= have) {
          if (eof) break;
          fill();
          if (pos >= have && eof) break;
        }
        continue;
      }
      if (needMore) {
        const before = have - pos;
        fill();
        if (have - pos === before && !eof) throw new Fallback(records, 'read error');
        continue;
      }
      if (!ended) break;
      // Line end: i is at LF, CR or end of data.
      let next = i;
      if (i < have) {
        if (buf[i] === CR) {
          if (i + 1 >= have && !eof) {
            fill();
            continue;
          }
          if (i + 1 >= have || buf[i + 1] !== LF) throw new Fallback(records, 'a lone carriage return'); // (at the end of the file: nothing after it)
          if (crlf === false) throw new Fallback(records, 'mixed line ends');
          crlf = true;
          next = i + 2;
        } else {
          if (crlf === true) throw new Fallback(records, 'mixed line ends');
          crlf = false;
          next = i + 1;
        }
      }
      const atEnd = i >= have;
      line++;
      const empty = n === 1 && qA[0] === 0 && feA[0] === fsA[0];
      if (!(empty && !atEnd) && !(empty && atEnd && i === pos)) {
        rec.start = base + pos;
        rec.end = base + i;
        rec.line = line;
        rec.n = n;
        rec.base = base;
        // csv-parse's test for a record of blank values is String.trim(): non-ASCII spaces count too.
        if (blank && maybe && opts.skipBlankRecords) for (let f = 0; f < n && blank; f++) if (fieldText(rec, f).trim() !== '') blank = false;
        if (!empty && !(opts.skipBlankRecords && blank)) {
          onRecord(rec);
          records++;
        }
      }
      pos = next;
      if (atEnd) break;
      if (pos >= have) {
        if (eof) break;
        fill();
        if (pos >= have && eof) break;
      }
    }
  } finally {
    closeSync(fd);
  }
  return { records, lines: line, crlf };
}
