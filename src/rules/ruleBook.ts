import type { CivilDate } from '../dates/index.js';
import type { LoadedRuleFile, RuleProblem } from './load.js';
import { findRuleFiles, loadRuleFile } from './load.js';
import type { Component, Parameter, Source } from './schema.js';

/** Where a figure came from: rule file, parameter, line and cited source. */
export interface Provenance {
  file: string;
  param: string;
  line: number;
  source: Source;
  verified: boolean;
  from: CivilDate;
  to: CivilDate;
}

export interface ResolvedValue {
  value: unknown;
  prov: Provenance;
}

/** A component with every parameter it names resolved at one date. */
export interface ResolvedComponent {
  component: Component;
  file: LoadedRuleFile;
  /** Method parameter name → resolved value (literals get a provenance pointing at the component). */
  params: Record<string, ResolvedValue>;
  /** The wage-base definition (`wage_bases` parameter entry), when the component names one. */
  wageBase?: ResolvedValue;
}

export class RuleError extends Error {}

export function formatProvenance(p: Provenance): string {
  const src = [p.source.publication, p.source.section].filter(Boolean).join(', ');
  return `${p.file}:${p.line} ${p.param}${src ? ` (${src})` : ''}${p.verified ? '' : ' [unverified]'}`;
}

/** Resolve one parameter of one file at a date. No value past its `to`: a gap is an error. */
export function valueAt(file: LoadedRuleFile, name: string, date: CivilDate): ResolvedValue {
  const param: Parameter | undefined = file.rules.parameters[name];
  if (!param) throw new RuleError(`${file.path}: no parameter named "${name}"`);
  const idx = param.values.findIndex((v) => v.from <= date && date <= v.to);
  if (idx < 0) throw new RuleError(`${file.path}: parameter "${name}" has no value on ${date}`);
  const v = param.values[idx]!;
  return {
    value: v.value,
    prov: {
      file: file.path,
      param: name,
      line: file.lineOf(['parameters', name, 'values', idx, 'value']),
      source: v.source,
      verified: v.verified,
      from: v.from,
      to: v.to,
    },
  };
}

/**
 * All loaded rule files, and their resolution at a date. Resolution is cached
 * per (jurisdiction, date): a million payslips on 26 pay dates resolve 26 times.
 */
export class RuleBook {
  readonly files: readonly LoadedRuleFile[];
  private readonly cache = new Map<string, ResolvedComponent[]>();

  constructor(files: readonly LoadedRuleFile[]) {
    this.files = files;
  }

  static load(paths: readonly string[]): { book?: RuleBook; problems: RuleProblem[] } {
    const problems: RuleProblem[] = [];
    const files: LoadedRuleFile[] = [];
    for (const p of findRuleFiles(paths)) {
      const r = loadRuleFile(p);
      if (r.ok) files.push(r.file);
      else problems.push(...r.problems);
    }
    return problems.length ? { problems } : { book: new RuleBook(files), problems };
  }

  jurisdictions(): string[] {
    return [...new Set(this.files.map((f) => f.rules.jurisdiction))].sort((a, b) => (a === 'us' ? -1 : b === 'us' ? 1 : a.localeCompare(b)));
  }

  /** The file of a jurisdiction whose coverage contains the date, if any. */
  fileFor(jurisdiction: string, date: CivilDate): LoadedRuleFile | undefined {
    const hits = this.files.filter((f) => f.rules.jurisdiction === jurisdiction && f.rules.coverage.from <= date && date <= f.rules.coverage.to);
    if (hits.length > 1) {
      throw new RuleError(`rule files ${hits.map((h) => h.path).join(' and ')} both cover ${jurisdiction} on ${date}`);
    }
    return hits[0];
  }

  /** The components of a jurisdiction in force on a date, with their parameters resolved. */
  componentsAt(jurisdiction: string, date: CivilDate): ResolvedComponent[] {
    const key = `${jurisdiction}@${date}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const file = this.fileFor(jurisdiction, date);
    const out: ResolvedComponent[] = [];
    if (file) {
      file.rules.components.forEach((c, ci) => {
        const params: Record<string, ResolvedValue> = {};
        for (const [k, ref] of Object.entries(c.params)) {
          if (typeof ref === 'string') {
            params[k] = valueAt(file, ref, date);
          } else {
            params[k] = {
              value: typeof ref === 'object' ? ref.value : ref,
              prov: {
                file: file.path,
                param: `${c.id}.params.${k}`,
                line: file.lineOf(['components', ci, 'params', k]),
                source: { publication: 'literal in component' },
                verified: true,
                from: file.rules.coverage.from,
                to: file.rules.coverage.to,
              },
            };
          }
        }
        const rc: ResolvedComponent = { component: c, file, params };
        if (c.wages) {
          const wb = valueAt(file, 'wage_bases', date);
          const def = (wb.value as Record<string, unknown>)[c.wages];
          if (def === undefined) throw new RuleError(`${file.path}: wage_bases has no entry "${c.wages}" (component ${c.id})`);
          rc.wageBase = { value: def, prov: { ...wb.prov, param: `wage_bases.${c.wages}` } };
        }
        out.push(rc);
      });
    }
    this.cache.set(key, out);
    return out;
  }

  /** A named parameter of a jurisdiction at a date (for calendars, schedules, pay rules). */
  param(jurisdiction: string, name: string, date: CivilDate): ResolvedValue {
    const file = this.fileFor(jurisdiction, date);
    if (!file) throw new RuleError(`no rule file for ${jurisdiction} covers ${date}`);
    return valueAt(file, name, date);
  }
}
