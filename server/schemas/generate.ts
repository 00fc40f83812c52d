import { compile, type JSONSchema } from 'json-schema-to-typescript';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const GENERATED_TYPES_PATH = path.join(root, 'server/engine/schemaTypes.ts');

const SCHEMAS = { agency: 'Agency', submission: 'SubmissionInput', ruleset: 'RuleSetVersion' } as const;

/** Rewrites cross-file refs ("agency.schema.json", "submission.schema.json#/$defs/X") to local $defs. */
function localiseRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(localiseRefs);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  // A $ref with a sibling description would become a duplicate named type (LocalizedText1 …).
  const annotatedRef = '$ref' in node;
  for (const [key, value] of Object.entries(node)) {
    if (annotatedRef && (key === 'description' || key === 'x-metadata')) continue;
    if (key === '$ref' && typeof value === 'string' && !value.startsWith('#')) {
      const [file, fragment] = value.split('#');
      const name = file.replace('.schema.json', '') as keyof typeof SCHEMAS;
      out.$ref = fragment ? `#${fragment}` : `#/$defs/${SCHEMAS[name]}`;
    } else if (key !== '$id' && key !== '$schema' && key !== 'discriminator') {
      out[key] = localiseRefs(value);
    }
  }
  return out;
}

/** Types for every schema in schemas/, as one module, from one merged schema. */
export async function generateSchemaTypes(): Promise<string> {
  const defs: Record<string, unknown> = {};
  for (const [file, title] of Object.entries(SCHEMAS)) {
    const schema = JSON.parse(readFileSync(path.join(root, 'schemas', `${file}.schema.json`), 'utf8'));
    const { $defs = {}, ...top } = localiseRefs(schema) as Record<string, unknown>;
    Object.assign(defs, $defs);
    if (!top.$ref) defs[title] = { ...top, title };
  }
  const merged = { title: 'ChisoSchemas', type: 'object', additionalProperties: false, properties: {}, $defs: defs };
  const ts = await compile(merged as JSONSchema, 'ChisoSchemas', {
    bannerComment: '/* eslint-disable */\n// Generated from schemas/*.schema.json by `npm run gen:types`. Do not edit by hand.',
    additionalProperties: false,
    unreachableDefinitions: true,
    strictIndexSignatures: false,
    format: true,
    style: { singleQuote: true, printWidth: 110 },
  });
  return ts.replace(/export interface ChisoSchemas \{\}\n/, '');
}
