import type { CivilDate } from '../dates/index.js';
import { itemSlot, type DeductionKind } from '../model/index.js';
import { RuleError, type Provenance, type ResolvedComponent, type RuleBook } from '../rules/index.js';
import { getMethod } from './methods/index.js';
import type { OvertimeMethod, TaxMethod } from './methods/types.js';
import { z } from 'zod';

export interface BoundTax {
  id: string;
  party: 'employee' | 'employer';
  method: TaxMethod;
  params: unknown;
  prov: Record<string, Provenance>;
  /** Deduction kinds that reduce this component's wages. */
  reducedBy: ReadonlySet<DeductionKind>;
  /** `<id>.wages`: the column of the component's taxable wages. */
  wagesId: string;
  /** The item slots (itemSlot) of `id` and `wagesId`. */
  slot: number;
  wagesSlot: number;
  /** The deduction kinds of `reducedBy`, sorted and joined: components with equal keys start from the same wages. */
  wagesKey: string;
  wageBaseProv?: Provenance;
  workStates?: readonly string[];
  resolved: ResolvedComponent;
}

export interface BoundOvertime {
  id: string;
  method: OvertimeMethod;
  params: unknown;
  prov: Record<string, Provenance>;
  workStates?: readonly string[];
}

export interface BoundJurisdiction {
  jurisdiction: string;
  taxes: BoundTax[];
  overtime?: BoundOvertime;
}

const wageBaseDef = z.strictObject({ reduced_by: z.array(z.enum(['401k', 'roth401k', 'sec125', 'hsa', 'post_tax'])) });

const cache = new WeakMap<RuleBook, Map<string, BoundJurisdiction>>();

/**
 * A jurisdiction's components at a date, each bound to its registered method
 * with its parameters validated. Cached per rule book, jurisdiction and date:
 * parameters resolve once per pay date, not once per employee.
 */
export function boundAt(book: RuleBook, jurisdiction: string, date: CivilDate): BoundJurisdiction {
  let byKey = cache.get(book);
  if (!byKey) cache.set(book, (byKey = new Map()));
  const key = `${jurisdiction}@${date}`;
  const hit = byKey.get(key);
  if (hit) return hit;
  const out: BoundJurisdiction = { jurisdiction, taxes: [] };
  for (const rc of book.componentsAt(jurisdiction, date)) {
    const c = rc.component;
    const method = getMethod(c.method);
    const where = `${rc.file.path}: component ${c.id}`;
    if (!method) throw new RuleError(`${where}: no calculation method named "${c.method}"`);
    if (method.kind !== c.kind) throw new RuleError(`${where}: method "${c.method}" is a ${method.kind} method, the component is ${c.kind}`);
    const raw: Record<string, unknown> = {};
    const prov: Record<string, Provenance> = {};
    for (const [k, v] of Object.entries(rc.params)) {
      raw[k] = v.value;
      prov[k] = v.prov;
    }
    const parsed = method.params.safeParse(raw);
    if (!parsed.success) {
      throw new RuleError(`${where} on ${date}: parameters do not fit method ${c.method}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
    const workStates = c.applies_to?.work_state;
    if (method.kind === 'overtime') {
      out.overtime = { id: c.id, method, params: parsed.data, prov, workStates };
      continue;
    }
    let reducedBy = new Set<DeductionKind>();
    if (rc.wageBase) {
      const def = wageBaseDef.safeParse(rc.wageBase.value);
      if (!def.success) throw new RuleError(`${where}: wage_bases.${c.wages} must be { reduced_by: [kinds] }`);
      reducedBy = new Set(def.data.reduced_by);
    }
    out.taxes.push({ id: c.id, wagesId: `${c.id}.wages`, slot: itemSlot(c.id), wagesSlot: itemSlot(`${c.id}.wages`), party: c.party, method, params: parsed.data, prov, reducedBy, wagesKey: [...reducedBy].sort().join(','), wageBaseProv: rc.wageBase?.prov, workStates, resolved: rc });
  }
  byKey.set(key, out);
  return out;
}
