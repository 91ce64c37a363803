import { z } from 'zod';
import { ruleFileSchema } from '../schema.js';

/**
 * The JSON Schema of a rule file, generated from the zod schema (zod 4's
 * `z.toJSONSchema`, input side: keys with defaults are optional), so editors
 * validate and complete rule files as they are typed. A rule file points at
 * the committed copy with `$schema: ../../schema/rules.schema.json` (relative
 * to rules/<country>/). Regenerate with `npm run schema`; a test fails when the
 * committed copy is out of date.
 *
 * Two things zod cannot say in JSON Schema are added by hand: dates are
 * `YYYY-MM-DD` (a pattern), and a `unit: brackets` parameter's value is a
 * table of rows `{at_least, base, rate}` or an object of such tables.
 */

const DATE_KEYS = new Set(['from', 'to', 'confirmed_on', 'date']);
const DATE = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'a date written YYYY-MM-DD' };

const row = {
  type: 'object',
  properties: {
    at_least: { type: 'number', minimum: 0, description: 'the row applies to amounts at or above this' },
    base: { type: 'number', minimum: 0, description: 'tax on at_least (column C): previous base + previous rate × previous width' },
    rate: { type: 'number', minimum: 0, maximum: 1, description: 'a fraction: 0.22 for 22%' },
  },
  required: ['at_least', 'base', 'rate'],
  additionalProperties: false,
};
const table = { type: 'array', minItems: 1, items: row };
const bracketValue = {
  anyOf: [table, { type: 'object', additionalProperties: { anyOf: [table, { type: 'object', additionalProperties: table }] } }],
};

type Json = Record<string, unknown>;

function markDates(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(markDates);
  if (!node || typeof node !== 'object') return;
  const n = node as Json;
  const props = n.properties as Record<string, Json> | undefined;
  if (props) {
    for (const [k, v] of Object.entries(props)) {
      if (DATE_KEYS.has(k) && v.type === 'string' && v.pattern === undefined) props[k] = { ...DATE };
    }
  }
  for (const v of Object.values(n)) markDates(v);
}

export function ruleFileJsonSchema(): Json {
  const schema = z.toJSONSchema(ruleFileSchema, { io: 'input', unrepresentable: 'any' }) as Json;
  markDates(schema);
  const param = ((schema.properties as Json).parameters as Json).additionalProperties as Json;
  param.allOf = [
    {
      if: { properties: { unit: { const: 'brackets' } }, required: ['unit'] },
      then: { properties: { values: { items: { properties: { value: bracketValue } } } } },
    },
    {
      if: { properties: { unit: { const: 'rate' } }, required: ['unit'] },
      then: { properties: { values: { items: { properties: { value: { anyOf: [{ type: 'number', minimum: 0, maximum: 1 }, { type: 'object' }, { type: 'array' }] } } } } } },
    },
  ];
  return {
    $schema: schema.$schema,
    title: 'payrecon rule file',
    description: 'One jurisdiction and period of coverage: dated parameter values with their sources, components naming calculation methods, and worked examples. See docs/rule-maintainers.md.',
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}

/** The committed file's text: two-space JSON and a final newline. */
export function ruleFileJsonSchemaText(): string {
  return JSON.stringify(ruleFileJsonSchema(), null, 2) + '\n';
}
