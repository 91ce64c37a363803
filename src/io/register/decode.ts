import { Transform } from 'node:stream';

export type RegisterEncoding = 'utf-8' | 'windows-1252' | 'latin1';

/**
 * Windows-1252 bytes 0x80–0x9F. Some Node builds decode "windows-1252" as
 * ISO-8859-1 and leave these as C1 control characters; they never occur in
 * real text, so mapping them is safe either way.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function fixCp1252(s: string): string {
  return s.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

export class EncodingError extends Error {}

/**
 * A stream that turns bytes into text. UTF-8 is decoded strictly (a Latin-1
 * file read as UTF-8 fails with a clear message instead of producing
 * replacement characters); Windows-1252 and Latin-1 use Node's TextDecoder.
 */
export function decoder(encoding: RegisterEncoding): Transform {
  const utf8 = encoding === 'utf-8';
  const td = new TextDecoder(utf8 ? 'utf-8' : 'windows-1252', { fatal: utf8 });
  const fix = utf8 ? (s: string) => s : fixCp1252;
  return new Transform({
    decodeStrings: true,
    readableObjectMode: true,
    transform(chunk: Buffer, _enc, cb) {
      try {
        const text = fix(td.decode(chunk, { stream: true }));
        cb(null, text === '' ? undefined : text);
      } catch {
        cb(new EncodingError('the file is not valid UTF-8 text (set `encoding: windows-1252` in the mapping profile if it comes from Excel on Windows)'));
      }
    },
    flush(cb) {
      try {
        const text = fix(td.decode());
        cb(null, text === '' ? undefined : text);
      } catch {
        cb(new EncodingError('the file ends in the middle of a UTF-8 character'));
      }
    },
  });
}

/** Decode a whole buffer (for tests and small files). */
export function decodeBuffer(buf: Uint8Array, encoding: RegisterEncoding): string {
  const utf8 = encoding === 'utf-8';
  const s = new TextDecoder(utf8 ? 'utf-8' : 'windows-1252', { fatal: utf8 }).decode(buf);
  return utf8 ? s : fixCp1252(s);
}
