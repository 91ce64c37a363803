import type { CivilDate } from '../../../dates/index.js';
import type { LoadedRuleFile } from '../../load.js';
import type { Provenance } from '../../ruleBook.js';

type Path = (string | number)[];

/** A component's method parameters as the rule file gives them on one date, before the method's schema parses them. */
export interface RawParams {
  date: CivilDate;
  values: Record<string, unknown>;
  prov: Record<string, Provenance>;
  /** YAML path of each method parameter's value on that date (for line numbers). */
  paths: Record<string, Path>;
  /** Method parameter name → rule-file parameter name (literals: `<component>.params.<name>`). */
  names: Record<string, string>;
  /** Parameters with no value on the date (a gap, reported by the coverage check). */
  missing: string[];
}

export function resolveRaw(file: LoadedRuleFile, ci: number, date: CivilDate): RawParams {
  const c = file.rules.components[ci]!;
  const out: RawParams = { date, values: {}, prov: {}, paths: {}, names: {}, missing: [] };
  for (const [k, ref] of Object.entries(c.params)) {
    if (typeof ref !== 'string') {
      const path = ['components', ci, 'params', k];
      out.values[k] = typeof ref === 'object' ? ref.value : ref;
      out.paths[k] = path;
      out.names[k] = `${c.id}.params.${k}`;
      out.prov[k] = {
        file: file.path,
        param: `${c.id}.params.${k}`,
        line: file.lineOf(path),
        source: { publication: 'literal in component' },
        verified: true,
        from: file.rules.coverage.from,
        to: file.rules.coverage.to,
      };
      continue;
    }
    out.names[k] = ref;
    const param = file.rules.parameters[ref];
    const idx = param ? param.values.findIndex((v) => v.from <= date && date <= v.to) : -1;
    if (!param || idx < 0) {
      out.missing.push(k);
      continue;
    }
    const v = param.values[idx]!;
    const path = ['parameters', ref, 'values', idx, 'value'];
    out.values[k] = v.value;
    out.paths[k] = path;
    out.prov[k] = { file: file.path, param: ref, line: file.lineOf(path), source: v.source, verified: v.verified, from: v.from, to: v.to };
  }
  return out;
}
