import fc from 'fast-check';
import { PAY_FREQUENCIES, PERIODS_PER_YEAR, type Employee, type PayFrequency, type Settings } from '../../../model/index.js';
import { Decimal, ZERO } from '../../../money/index.js';
import type { TaxResult } from '../../../calc/methods/types.js';
import type { CheckProblem } from '../problems.js';
import { exampleSnippet, parameterLines, type CaseInput } from './counterexample.js';
import type { TaxMethod } from './lookup.js';
import type { ComponentAtDate } from './params.js';
import { SimulatedYtd, payDatesInYear, syntheticEmployee, syntheticSettings, taxInput } from './taxInput.js';

/**
 * Property tests `payrecon rules check` runs (fast-check) for every tax
 * component of every file on every effective date (see params.ts):
 *
 * - `bounds`: the amount is never negative and never above the period's wages;
 *   the taxable wages are between 0 and the wages;
 * - `monotone` (methods declaring `monotone: true`, for each of their profiles):
 *   the amount never falls as wages rise;
 * - `no_jump` (each profile): one more cent of wages never moves the amount by
 *   more than a cent (a dollar when the component rounds to dollars) — wages
 *   are drawn near every threshold the parameters name, per pay frequency;
 * - `annual_cap` (methods with `annualCap`): over a calendar year split into
 *   any number of payslips of any size, fed through year-to-date, the total
 *   never passes the cap.
 *
 * A failure is reported at the component's line with the shrunk
 * counterexample as a ready-to-paste `examples:` entry.
 */
export interface PropertyOptions {
  /** Runs per property (default 200). */
  runs: number;
  /** fast-check seed, to reproduce a failure. */
  seed?: number;
}

const ONE_CENT = new Decimal('0.01');
const cents = (n: number) => new Decimal(n).div(100);

class PropertyFailure extends Error {
  constructor(message: readonly string[] | string, readonly input: CaseInput, readonly got: Record<string, string>, readonly extra: string[] = []) {
    super(typeof message === 'string' ? message : message.join('; '));
  }
}

interface Ctx {
  item: ComponentAtDate;
  method: TaxMethod;
  settings: Settings;
  profiles: Array<{ name: string; fields: Record<string, string> }>;
  employees: Map<string, Employee>;
  allowance: Decimal;
}

function numericLeaves(v: unknown, key = '', out: Array<{ key: string; n: Decimal }> = []): Array<{ key: string; n: Decimal }> {
  if (typeof v === 'number' && Number.isFinite(v)) out.push({ key, n: new Decimal(v) });
  else if (Array.isArray(v)) v.forEach((x) => numericLeaves(x, key, out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) numericLeaves(x, k, out);
  return out;
}

/** Per-period wages (in cents) at which some threshold of the parameters is crossed, for every pay frequency. */
function edgeCents(item: ComponentAtDate): number[] {
  const leaves = numericLeaves(item.raw.values);
  const thresholds = leaves.filter((l) => l.key === 'at_least').map((l) => l.n);
  const amounts = leaves.filter((l) => l.key !== 'at_least' && l.key !== 'rate' && l.key !== 'base' && l.n.gte(1)).map((l) => l.n);
  const annual = new Set<string>();
  for (const t of [...thresholds, ...amounts]) annual.add(t.toString());
  for (const t of thresholds) for (const a of amounts) if (annual.size < 3000) annual.add(t.plus(a).toString());
  const out = new Set<number>();
  for (const a of annual) {
    const d = new Decimal(a);
    out.add(d.times(100).floor().toNumber());
    for (const f of PAY_FREQUENCIES) out.add(d.div(PERIODS_PER_YEAR[f]).times(100).floor().toNumber());
  }
  return [...out].filter((n) => n >= 0 && n < 1e10).sort((a, b) => a - b);
}

function wagesArb(edges: number[]): fc.Arbitrary<number> {
  const random = fc.oneof(fc.integer({ min: 0, max: 300_000 }), fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: 0, max: 200_000_000 }));
  if (edges.length === 0) return random;
  // right at an edge (its cent and the one before: the crossing), or within $3 of it (profiles shift edges)
  const offset = fc.oneof(fc.constantFrom(-1, 0), fc.integer({ min: -300, max: 300 }));
  const near = fc.tuple(fc.constantFrom(...edges), offset).map(([e, o]) => Math.max(0, e + o));
  return fc.oneof({ arbitrary: random, weight: 2 }, { arbitrary: near, weight: 3 });
}

export function checkProperties(items: readonly ComponentAtDate[], opts: PropertyOptions): CheckProblem[] {
  const problems: CheckProblem[] = [];
  for (const item of items) {
    if (item.method.kind !== 'tax') continue;
    const method = item.method as TaxMethod;
    const line = item.file.lineOf(['components', item.componentIndex, 'method']);
    const report = (message: string, detail: string[] = []) =>
      problems.push({ file: item.file.path, line, severity: 'error', check: 'property', message, detail });

    const settings = syntheticSettings(method.propertySettings?.(item.params, item.date) ?? {});
    if (!settings.ok) throw new Error(settings.message);
    const profiles = method.profiles?.length ? method.profiles : [{ name: 'default employee', fields: {} }];
    const employees = new Map<string, Employee>();
    let bad = false;
    profiles.forEach((p, pi) => {
      for (const f of PAY_FREQUENCIES) {
        const e = syntheticEmployee(p.fields, f);
        if (e.ok) employees.set(`${pi}/${f}`, e.employee);
        else if (!bad) {
          bad = true;
          report(`method ${method.name}: profile "${p.name}" is not a valid employee: ${e.message}`);
        }
      }
    });
    if (bad) continue;
    const ctx: Ctx = { item, method, settings: settings.settings, profiles, employees, allowance: item.component.rounding?.to === 'dollars' ? ONE : ONE_CENT };
    for (const prop of PROPERTIES) {
      const res = prop.run(ctx, opts);
      if (res) report(`${item.component.id} on ${item.date}: property ${prop.name} fails (method ${method.name}): ${res.message}`, res.detail);
    }
  }
  return problems;
}
const ONE = new Decimal(1);

interface Outcome {
  message: string;
  detail: string[];
}

/** Run one payslip of the simulation. */
function pay(ctx: Ctx, profile: number, frequency: PayFrequency, payDate: string, wages: Decimal, supplemental: Decimal, ytd: SimulatedYtd): TaxResult {
  const employee = ctx.employees.get(`${profile}/${frequency}`)!;
  const input = taxInput({ employee, settings: ctx.settings, frequency, payDate, wages, supplemental, componentId: ctx.item.component.id, ytd: (i) => ytd.get(i) });
  return ctx.method.compute(input, ctx.item.params, ctx.item.raw.prov as never);
}

/** Feed `prior` payslips (cents) through YTD; returns the state before the next one. */
function simulate(ctx: Ctx, profile: number, frequency: PayFrequency, prior: readonly number[]): SimulatedYtd {
  const ytd = new SimulatedYtd(ctx.item.component.id);
  const dates = payDatesInYear(ctx.item.date, PERIODS_PER_YEAR[frequency]);
  prior.forEach((c, i) => {
    const w = cents(c);
    const r = pay(ctx, profile, frequency, dates[Math.min(i, dates.length - 1)]!, w, ZERO, ytd);
    ytd.add(w, ZERO, r.amount, r.taxableWages);
  });
  ytd.read.clear();
  return ytd;
}

function caseInput(ctx: Ctx, profile: number, frequency: PayFrequency, wages: Decimal, supplemental: Decimal, ytd: SimulatedYtd): CaseInput {
  return { frequency, wages: wages.toFixed(2), supplemental: supplemental.toFixed(2), ytd: ytd.snapshot(), employee: { ...ctx.profiles[profile]!.fields } };
}

function runCheck<T>(ctx: Ctx, opts: PropertyOptions, name: string, arb: fc.Arbitrary<T>, body: (v: T) => void): Outcome | undefined {
  const details = fc.check(fc.property(arb, body), { numRuns: opts.runs, ...(opts.seed !== undefined ? { seed: opts.seed } : {}) });
  if (!details.failed) return undefined;
  const e = details.errorInstance;
  const detail = [`parameters: ${parameterLines(ctx.item)}`];
  if (e instanceof PropertyFailure) {
    detail.push(...e.extra, 'counterexample (shrunk), as an example for the rule file:', ...exampleSnippet(ctx.item, `${name} counterexample`, e.input, e.got).map((l) => `  ${l}`));
  } else {
    detail.push(`counterexample (shrunk): ${fc.stringify(details.counterexample)}`);
  }
  detail.push(`reproduce: --seed ${details.seed} (fast-check path ${details.counterexamplePath})`);
  const message = e instanceof Error ? (e instanceof PropertyFailure ? e.message : `compute threw: ${e.message}`) : String(e);
  return { message, detail };
}

interface Property {
  name: string;
  run(ctx: Ctx, opts: PropertyOptions): Outcome | undefined;
}

const freqArb = fc.constantFrom(...PAY_FREQUENCIES);

const bounds: Property = {
  name: 'bounds',
  run(ctx, opts) {
    const w = wagesArb(edgeCents(ctx.item));
    const arb = fc.record({
      profile: fc.integer({ min: 0, max: ctx.profiles.length - 1 }),
      frequency: freqArb,
      prior: fc.array(w, { maxLength: 6 }),
      wages: w,
      suppPercent: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 100 })),
    });
    return runCheck(ctx, opts, 'bounds', arb, (v) => {
      const ytd = simulate(ctx, v.profile, v.frequency, v.prior);
      const wages = cents(v.wages);
      const supp = wages.times(v.suppPercent).div(100).toDecimalPlaces(2);
      const r = pay(ctx, v.profile, v.frequency, ctx.item.date, wages, supp, ytd);
      const bad: string[] = [];
      if (r.amount.isNegative()) bad.push(`amount ${r.amount.toFixed(2)} is negative`);
      if (r.amount.greaterThan(wages)) bad.push(`amount ${r.amount.toFixed(2)} is above the wages ${wages.toFixed(2)}`);
      if (r.taxableWages.isNegative()) bad.push(`taxable wages ${r.taxableWages.toFixed(2)} are negative`);
      if (r.taxableWages.greaterThan(wages)) bad.push(`taxable wages ${r.taxableWages.toFixed(2)} are above the wages ${wages.toFixed(2)}`);
      if (bad.length) {
        throw new PropertyFailure(`${bad.join('; ')} (profile "${ctx.profiles[v.profile]!.name}")`, caseInput(ctx, v.profile, v.frequency, wages, supp, ytd), {
          amount: r.amount.toFixed(2),
          taxable_wages: r.taxableWages.toFixed(2),
        });
      }
    });
  },
};

/** Runs `body` once per profile, so every profile the method lists gets its own runs. */
function perProfile(ctx: Ctx, f: (profile: number) => Outcome | undefined): Outcome | undefined {
  for (let p = 0; p < ctx.profiles.length; p++) {
    const r = f(p);
    if (r) return r;
  }
  return undefined;
}

const monotone: Property = {
  name: 'monotone',
  run(ctx, opts) {
    if (!ctx.method.monotone) return undefined;
    const w = wagesArb(edgeCents(ctx.item));
    const arb = fc.record({
      frequency: freqArb,
      prior: fc.array(w, { maxLength: 3 }),
      wages: w,
      more: fc.oneof(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 1_000_000 })),
    });
    return perProfile(ctx, (profile) =>
      runCheck(ctx, opts, 'monotone', arb, (v) => {
        const ytd = simulate(ctx, profile, v.frequency, v.prior);
        const a = cents(v.wages), b = cents(v.wages + v.more);
        const ra = pay(ctx, profile, v.frequency, ctx.item.date, a, ZERO, ytd);
        const rb = pay(ctx, profile, v.frequency, ctx.item.date, b, ZERO, ytd);
        if (rb.amount.lessThan(ra.amount)) {
          throw new PropertyFailure(
            `wages ${a.toFixed(2)} give ${ra.amount.toFixed(2)} but more wages, ${b.toFixed(2)}, give less: ${rb.amount.toFixed(2)} (profile "${ctx.profiles[profile]!.name}", ${v.frequency})`,
            caseInput(ctx, profile, v.frequency, b, ZERO, ytd),
            { amount: rb.amount.toFixed(2) },
            [`with wages ${a.toFixed(2)} the amount is ${ra.amount.toFixed(2)}`],
          );
        }
      }),
    );
  },
};

const noJump: Property = {
  name: 'no_jump',
  run(ctx, opts) {
    if (ctx.method.discontinuous) return undefined; // a cliff the law itself draws (the method says why)
    const edges = edgeCents(ctx.item);
    const arb = fc.record({ frequency: freqArb, prior: fc.array(wagesArb(edges), { maxLength: 3 }), wages: wagesArb(edges) });
    return perProfile(ctx, (profile) =>
      runCheck(ctx, opts, 'no_jump', arb, (v) => {
        const ytd = simulate(ctx, profile, v.frequency, v.prior);
        const a = cents(v.wages), b = cents(v.wages + 1);
        const ra = pay(ctx, profile, v.frequency, ctx.item.date, a, ZERO, ytd);
        const rb = pay(ctx, profile, v.frequency, ctx.item.date, b, ZERO, ytd);
        const jump = rb.amount.minus(ra.amount);
        if (jump.abs().greaterThan(ctx.allowance)) {
          throw new PropertyFailure(
            `one more cent of wages (${a.toFixed(2)} → ${b.toFixed(2)}) moves the amount by ${jump.toFixed(2)} (${ra.amount.toFixed(2)} → ${rb.amount.toFixed(2)}), more than ${ctx.allowance.toFixed(2)} (profile "${ctx.profiles[profile]!.name}", ${v.frequency})`,
            caseInput(ctx, profile, v.frequency, b, ZERO, ytd),
            { amount: rb.amount.toFixed(2) },
            [`with wages ${a.toFixed(2)} the amount is ${ra.amount.toFixed(2)}`],
          );
        }
      }),
    );
  },
};

const annualCap: Property = {
  name: 'annual_cap',
  run(ctx, opts) {
    const cap = ctx.method.annualCap?.(ctx.item.params);
    if (!cap) return undefined;
    const w = wagesArb(edgeCents(ctx.item));
    const arb = fc.record({
      profile: fc.integer({ min: 0, max: ctx.profiles.length - 1 }),
      frequency: freqArb,
      split: fc.array(fc.tuple(w, fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 100 }))), { minLength: 1, maxLength: 60 }),
    });
    return runCheck(ctx, opts, 'annual_cap', arb, (v) => {
      const ytd = new SimulatedYtd(ctx.item.component.id);
      const dates = payDatesInYear(ctx.item.date, v.split.length);
      const lines: string[] = [];
      for (let i = 0; i < v.split.length; i++) {
        const [c, pct] = v.split[i]!;
        const wages = cents(c), supp = wages.times(pct).div(100).toDecimalPlaces(2);
        ytd.read.clear();
        const before = caseInput(ctx, v.profile, v.frequency, wages, supp, ytd);
        const r = pay(ctx, v.profile, v.frequency, dates[i]!, wages, supp, ytd);
        const snap = ytd.snapshot();
        ytd.add(wages, supp, r.amount, r.taxableWages);
        lines.push(`payslip ${i + 1} on ${dates[i]}: wages ${wages.toFixed(2)} → ${r.amount.toFixed(2)}, year so far ${ytd.amount.toFixed(2)}`);
        if (ytd.amount.greaterThan(cap)) {
          throw new PropertyFailure(
            `over ${i + 1} payslip(s) the year's total ${ytd.amount.toFixed(2)} passes the annual cap ${cap.toFixed(2)} (${v.frequency}, profile "${ctx.profiles[v.profile]!.name}")`,
            { ...before, ytd: snap },
            { amount: r.amount.toFixed(2) },
            lines,
          );
        }
      }
    });
  },
};

const PROPERTIES: Property[] = [bounds, monotone, noJump, annualCap];
