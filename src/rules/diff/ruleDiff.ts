import type { CivilDate } from '../../dates/index.js';
import type { LoadedRuleFile } from '../load.js';
import type { DatedValue, Source } from '../schema.js';
import { diffValues, NONE, render } from './valueDiff.js';

/** One line of `payrecon rules diff`. */
export interface RuleChange {
  /** Where the new figure is written (or the old one, when removed). */
  file: string;
  line: number;
  /** `ss.wage_base`, `fit.standard.single row 3`, `component us.fit method`. */
  parameter: string;
  old: string;
  new: string;
  /** The date the new value takes effect. */
  from?: CivilDate;
  source?: string;
}

const sourceText = (s: Source) => [s.publication, s.section].filter(Boolean).join(', ') + (s.seen ? ` [${s.seen}]` : '');

function valueChanges(name: string, a: DatedValue | undefined, b: DatedValue | undefined, where: { file: LoadedRuleFile; idx: number } | undefined, old: { file: LoadedRuleFile; idx: number } | undefined): RuleChange[] {
  const loc = where ?? old;
  if (!loc) return [];
  const valuePath = ['parameters', name, 'values', loc.idx, 'value'];
  const meta = b ? { from: b.from, source: sourceText(b.source) } : {};
  if (!a || !b) return [{ file: loc.file.path, line: loc.file.lineOf(valuePath), parameter: name, old: a ? render(a.value) : NONE, new: b ? render(b.value) : NONE, ...meta }];
  return diffValues(a.value, b.value).map((c) => ({ file: loc.file.path, line: loc.file.lineOf([...valuePath, ...c.path]), parameter: `${name}${c.at}`, old: c.old, new: c.new, ...meta }));
}

const byFrom = (vs: readonly DatedValue[]) => vs.map((v, idx) => ({ v, idx })).sort((x, y) => (x.v.from < y.v.from ? -1 : x.v.from > y.v.from ? 1 : 0));

/**
 * Next year's file against this year's: for each parameter, the value in force
 * at the end of A's coverage against B's first value, then each later value of
 * B against the one before it. Parameters and components added or removed are
 * listed too.
 */
export function diffFiles(A: LoadedRuleFile, B: LoadedRuleFile): RuleChange[] {
  const out: RuleChange[] = [];
  const names = [...new Set([...Object.keys(A.rules.parameters), ...Object.keys(B.rules.parameters)])];
  for (const name of names) {
    const pa = A.rules.parameters[name], pb = B.rules.parameters[name];
    const lastA = pa ? byFrom(pa.values).filter(({ v }) => v.from <= A.rules.coverage.to).pop() : undefined;
    if (!pb) {
      if (lastA) out.push(...valueChanges(name, lastA.v, undefined, undefined, { file: A, idx: lastA.idx }));
      continue;
    }
    if (pa && pa.unit !== pb.unit) out.push({ file: B.path, line: B.lineOf(['parameters', name, 'unit']), parameter: `${name} (unit)`, old: pa.unit, new: pb.unit });
    let prev = lastA?.v;
    for (const { v, idx } of byFrom(pb.values)) {
      out.push(...valueChanges(name, prev, v, { file: B, idx }, undefined));
      prev = v;
    }
  }
  out.push(...diffComponents(A, B));
  return out;
}

function diffComponents(A: LoadedRuleFile, B: LoadedRuleFile): RuleChange[] {
  const out: RuleChange[] = [];
  const ids = [...new Set([...A.rules.components.map((c) => c.id), ...B.rules.components.map((c) => c.id)])];
  for (const id of ids) {
    const ia = A.rules.components.findIndex((c) => c.id === id), ib = B.rules.components.findIndex((c) => c.id === id);
    const a = A.rules.components[ia], b = B.rules.components[ib];
    const { params: pa, ...ra } = a ?? { params: undefined };
    const { params: pb, ...rb } = b ?? { params: undefined };
    const file = b ? B : A, line = b ? B.lineOf(['components', ib]) : A.lineOf(['components', ia]);
    if (!a || !b) {
      out.push({ file: file.path, line, parameter: `component ${id}`, old: a ? `method ${a.method}` : NONE, new: b ? `method ${b.method}` : NONE });
      continue;
    }
    for (const c of [...diffValues(ra, rb), ...diffValues(pa, pb, '.params', ['params'])]) out.push({ file: file.path, line, parameter: `component ${id}${c.at}`, old: c.old, new: c.new });
  }
  return out;
}

/** One file at two dates: each parameter's value in force on each, compared. */
export function diffDates(F: LoadedRuleFile, d1: CivilDate, d2: CivilDate): RuleChange[] {
  const out: RuleChange[] = [];
  const at = (vs: readonly DatedValue[], d: CivilDate) => {
    const idx = vs.findIndex((v) => v.from <= d && d <= v.to);
    return idx < 0 ? undefined : { v: vs[idx]!, idx };
  };
  for (const [name, p] of Object.entries(F.rules.parameters)) {
    const a = at(p.values, d1), b = at(p.values, d2);
    if (a?.idx === b?.idx) continue;
    out.push(...valueChanges(name, a?.v, b?.v, b ? { file: F, idx: b.idx } : undefined, a ? { file: F, idx: a.idx } : undefined));
  }
  return out;
}

/** `file:line: parameter: old → new (from DATE; source)` */
export function formatChange(c: RuleChange): string {
  const meta = [c.from ? `from ${c.from}` : undefined, c.source].filter(Boolean).join('; ');
  return `${c.file}:${c.line}: ${c.parameter}: ${c.old} → ${c.new}${meta ? `  (${meta})` : ''}`;
}
