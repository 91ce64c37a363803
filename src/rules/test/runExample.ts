import { ZERO, type Decimal } from '../../money/index.js';
import type { LoadedRuleFile } from '../load.js';
import type { Example } from '../schema.js';
import type { MethodLookup, OvertimeMethod, TaxMethod } from '../check/methods/lookup.js';
import { resolveRaw } from '../check/methods/resolve.js';
import { syntheticEmployee, syntheticSettings, taxInput } from '../check/methods/taxInput.js';
import { toDecimal } from '../check/numbers.js';
import type { CheckProblem } from '../check/problems.js';
import { overtimeExampleInputSchema, taxExampleInputSchema } from './exampleInput.js';

export interface ExampleResult {
  file: string;
  line: number;
  name: string;
  component: string;
  date: string;
  kind: Example['kind'];
  source: string;
  pass: boolean;
  /** One per mismatch or error, located at the output's (or the example's) line. */
  problems: CheckProblem[];
}

type Path = (string | number)[];

/** Run one worked example through its component's method, resolved at the example's date. */
export function runExample(file: LoadedRuleFile, index: number, methods: MethodLookup): ExampleResult {
  const ex = file.rules.examples[index]!;
  const base: Path = ['examples', index];
  const problems: CheckProblem[] = [];
  const fail = (path: Path, message: string) =>
    problems.push({ file: file.path, line: file.lineOf(path), severity: 'error', check: 'example', message: `example "${ex.name}": ${message}` });
  const result = (): ExampleResult => ({
    file: file.path,
    line: file.lineOf(base),
    name: ex.name,
    component: ex.component,
    date: ex.date,
    kind: ex.kind,
    source: [ex.source.publication, ex.source.section].filter(Boolean).join(', '),
    pass: problems.length === 0,
    problems,
  });

  const ci = file.rules.components.findIndex((c) => c.id === ex.component);
  if (ci < 0) return fail([...base, 'component'], `no component ${ex.component} in this file`), result();
  const c = file.rules.components[ci]!;
  const method = methods(c.method);
  if (!method) return fail([...base, 'component'], `component ${c.id}: no calculation method named "${c.method}" is registered`), result();
  const raw = resolveRaw(file, ci, ex.date);
  if (raw.missing.length) return fail([...base, 'date'], `component ${c.id} has no value of ${raw.missing.map((k) => raw.names[k]).join(', ')} on ${ex.date}`), result();
  const parsedParams = method.params.safeParse(raw.values);
  if (!parsedParams.success) return fail([...base, 'component'], `the parameters of ${c.id} on ${ex.date} do not fit method ${c.method}: ${parsedParams.error.issues[0]?.message}`), result();

  // actual values by output key
  let actual: (key: string) => { value?: string; error?: string };
  try {
    if (method.kind === 'tax') {
      const inp = taxExampleInputSchema.safeParse(ex.input);
      if (!inp.success) {
        for (const i of inp.error.issues) fail([...base, 'input', ...(i.path as Path)], `input ${i.path.join('.') || ''}: ${i.message}`.replace('input :', 'input:'));
        return result();
      }
      const x = inp.data;
      const emp = syntheticEmployee(x.employee, x.frequency);
      if (!emp.ok) return fail([...base, 'input', 'employee'], `input.employee: ${emp.message}`), result();
      const settings = syntheticSettings(x.settings);
      if (!settings.ok) return fail([...base, 'input', 'settings'], `input.settings: ${settings.message}`), result();
      const ytd = x.ytd;
      const r = (method as TaxMethod).compute(
        taxInput({
          employee: emp.employee,
          settings: settings.settings,
          frequency: x.frequency,
          payDate: x.pay_date ?? ex.date,
          ...(x.period ? { period: x.period } : {}),
          wages: x.wages,
          ...(x.gross ? { gross: x.gross } : {}),
          ...(x.supplemental ? { supplemental: x.supplemental } : {}),
          componentId: c.id,
          ytd: (item) => ytd[item] ?? ZERO,
        }),
        parsedParams.data,
        raw.prov as never,
      );
      actual = (key) => {
        if (key === 'amount') return { value: r.amount.toFixed(2) };
        if (key === 'taxable_wages') return { value: r.taxableWages.toFixed(2) };
        if (key.startsWith('line:')) {
          const label = key.slice(5);
          const hit = r.lines.find((l) => l.label === label) ?? r.lines.find((l) => l.label.startsWith(`${label} `));
          return hit ? { value: hit.value } : { error: `no trace line labelled "${label}" (labels: ${r.lines.map((l) => l.label.split(' ')[0]).join(', ')})` };
        }
        return { error: `unknown output "${key}" (a tax example has amount, taxable_wages, line:<label>)` };
      };
    } else {
      const inp = overtimeExampleInputSchema.safeParse(ex.input);
      if (!inp.success) {
        for (const i of inp.error.issues) fail([...base, 'input', ...(i.path as Path)], `input ${i.path.join('.')}: ${i.message}`);
        return result();
      }
      const r = (method as OvertimeMethod).split(inp.data.days, parsedParams.data, raw.prov as never);
      const values: Record<string, Decimal> = { regular: r.regular, overtime: r.overtime, doubletime: r.doubletime };
      actual = (key) => (values[key] ? { value: values[key].toString() } : { error: `unknown output "${key}" (an overtime example has regular, overtime, doubletime)` });
    }
  } catch (e) {
    fail(base, `the method ${c.method} threw: ${(e as Error).message}`);
    return result();
  }

  for (const [key, expected] of Object.entries(ex.output)) {
    const path = [...base, 'output', key];
    const got = actual(key);
    if (got.error !== undefined) {
      fail(path, got.error);
      continue;
    }
    const tol = toDecimal(ex.tolerance?.[key] ?? 0) ?? ZERO;
    const e = toDecimal(expected), a = got.value !== undefined ? toDecimal(got.value) : undefined;
    if (e && a) {
      const diff = a.minus(e);
      if (diff.abs().greaterThan(tol)) fail(path, `${key} expected ${String(expected)}, got ${got.value} (off by ${diff.toFixed(2)}, tolerance ${tol.toFixed(2)})`);
    } else if (String(expected) !== got.value) {
      fail(path, `${key} expected ${JSON.stringify(expected)}, got ${JSON.stringify(got.value)}`);
    }
  }
  return result();
}

