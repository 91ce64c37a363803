import { readFileSync } from 'node:fs';
import { LineCounter, isNode, parseDocument } from 'yaml';
import { registerProfileSchema, type RegisterProfile } from '../../model/registerProfile.js';
import { InputError } from '../problems.js';
import { checkDatePattern } from './dateFormat.js';
import { profileLayout, type RegisterLayout } from './layout.js';

/** Read and validate a mapping profile (YAML). Every problem is reported with its line; throws InputError. */
export function parseProfile(text: string, file: string): RegisterProfile {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length) {
    throw new InputError(doc.errors.map((e) => ({ file, line: e.linePos?.[0]?.line ?? 1, message: `YAML: ${e.message.split('\n')[0]}` })));
  }
  const lineOf = (path: readonly PropertyKey[]): number => {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as unknown[], true);
      if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
    }
    return 1;
  };
  const parsed = registerProfileSchema.safeParse(doc.toJS({ maxAliasCount: 100 }));
  if (!parsed.success) {
    throw new InputError(
      parsed.error.issues.map((i) => ({ file, line: lineOf(i.path), message: `${i.path.map(String).join('.') || '(profile)'}: ${i.message}` })),
    );
  }
  const bad = checkDatePattern(parsed.data.date_format);
  if (bad) throw new InputError([{ file, line: lineOf(['date_format']), message: `date_format: not a date pattern (${bad})` }]);
  return parsed.data;
}

export function loadProfile(path: string, display = path): RegisterLayout {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new InputError([{ file: display, message: `cannot read the mapping profile: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (e as Error).message}` }]);
  }
  const p = parseProfile(text, display);
  return profileLayout(p, `mapping profile ${p.name ? `"${p.name}" ` : ''}(${display})`);
}
