import type { BoundOvertime, BoundTax } from './boundRules.js';

/** The rule behind an item of a payslip: rule file and line of the component, its method, and the publications cited. */
export function describeTaxRule(t: BoundTax): string {
  const pubs = [...new Set(Object.values(t.prov).filter((p) => p.source.publication !== 'literal in component').map((p) => p.source.publication))];
  const unverified = Object.values(t.prov).some((p) => !p.verified) ? ' [includes unverified values]' : '';
  const line = t.resolved.file.lineOf(['components', t.resolved.file.rules.components.indexOf(t.resolved.component)]);
  return `${t.resolved.file.path}:${line} ${t.id} (${t.method.name}) — ${pubs.join('; ')}${unverified}`;
}

export function describeOvertimeRule(o: BoundOvertime): string {
  return `${Object.values(o.prov)[0]?.file ?? ''} ${o.id} (${o.method.name}) — ${[...new Set(Object.values(o.prov).map((p) => p.source.publication))].join('; ')}`;
}

