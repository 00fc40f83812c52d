// Schema validation of a rule-set version: the first gate of every import, save and publish.
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { createAjv, SCHEMA_IDS, type Ajv } from './ajv';
import type { Finding } from './finding';
import { forbiddenKeys, schemaFindings } from './schemaFindings';
import { depthFinding } from './limits';

let shared: { ajv: Ajv; validate: ValidateFunction } | undefined;

/** One ajv instance for the engine's own checks; `verbose` gives the schema objects that error focusing needs. */
export function engineAjv(): Ajv {
  return validator().ajv;
}

function validator(): { ajv: Ajv; validate: ValidateFunction } {
  if (!shared) {
    const ajv = createAjv({ verbose: true });
    shared = { ajv, validate: ajv.getSchema(SCHEMA_IDS.ruleset)! };
  }
  return shared;
}

/** Every way `doc` breaks schemas/ruleset.schema.json, with JSON Pointers and vi/en messages. */
export function validateVersion(doc: unknown): Finding[] {
  const deep = depthFinding(doc);
  if (deep) return [deep];
  const { ajv, validate } = validator();
  const forbidden = forbiddenKeys(doc);
  if (validate(doc)) return forbidden;
  const flagged = new Set(forbidden.map((f) => f.path));
  return [...forbidden, ...schemaFindings(ajv, validate.errors, doc).filter((f) => !flagged.has(f.path))];
}
