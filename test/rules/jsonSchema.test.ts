import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ruleFileJsonSchemaText } from '../../src/rules/check/jsonSchema.js';
import { findRuleFiles } from '../../src/rules/index.js';
import { DEFECTS, ROOT } from './helpers.js';

describe('schema/rules.schema.json', () => {
  it('is what `npm run schema` generates from the zod schema (run it after changing src/rules/schema.ts)', () => {
    expect(readFileSync(join(ROOT, 'schema', 'rules.schema.json'), 'utf8')).toBe(ruleFileJsonSchemaText());
  });

  it('describes dates and bracket rows for editors', () => {
    const s = JSON.parse(ruleFileJsonSchemaText());
    expect(s.properties.coverage.properties.from.pattern).toBe('^\\d{4}-\\d{2}-\\d{2}$');
    expect(JSON.stringify(s.properties.parameters.additionalProperties.allOf)).toContain('"at_least"');
    expect(s.properties.parameters.additionalProperties.properties.values.items.required).toEqual(['from', 'to', 'value', 'source']);
  });

  it('every rule file that names a $schema names this file', () => {
    const files = findRuleFiles([join(ROOT, 'rules'), DEFECTS]);
    const schemaOf = (f: string): unknown => {
      try {
        return parse(readFileSync(f, 'utf8'))?.$schema;
      } catch {
        return undefined; // a file that does not parse is rules check's business
      }
    };
    const named = files.filter((f) => schemaOf(f) !== undefined);
    expect(named.length).toBeGreaterThan(0);
    for (const f of named) {
      const target = resolve(dirname(f), String(schemaOf(f)));
      expect(target, f).toBe(join(ROOT, 'schema', 'rules.schema.json'));
      expect(existsSync(target)).toBe(true);
    }
  });
});
