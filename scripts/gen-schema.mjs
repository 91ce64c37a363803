// Writes schema/rules.schema.json, the JSON Schema of rule files, generated
// from the zod schema (src/rules/schema.ts) by src/rules/check/jsonSchema.ts.
// Run with `npm run schema` (which compiles first). test/rules/jsonSchema.test.ts
// fails when the committed file differs from what this writes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { ruleFileJsonSchemaText } = await import(join(root, 'dist/src/rules/check/jsonSchema.js'));
const out = join(root, 'schema', 'rules.schema.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, ruleFileJsonSchemaText());
console.log(`wrote ${out}`);
