// One way to build an ajv instance for every format of the project: JSON Schema 2020-12 with
// formats, ajv-errors and the discriminator on `method`, and the three schemas of schemas/ added
// so that they can reference each other ("agency.schema.json", "submission.schema.json#/$defs/…").
// The schemas are imported as JSON (not read from disk) so that Vite bundles them for the console.
import Ajv2020, { type AnySchema, type Options } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import addErrors from 'ajv-errors';
import agencySchema from '../../schemas/agency.schema.json';
import submissionSchema from '../../schemas/submission.schema.json';
import rulesetSchema from '../../schemas/ruleset.schema.json';

export type { Ajv2020 as Ajv };

export const SCHEMA_IDS = {
  agency: 'https://chiso.vn/schemas/agency.schema.json',
  submission: 'https://chiso.vn/schemas/submission.schema.json',
  ruleset: 'https://chiso.vn/schemas/ruleset.schema.json',
} as const;

/** The schemas as loaded (the same objects ajv holds, which error reporting relies on). */
export const SCHEMAS: Record<keyof typeof SCHEMA_IDS, AnySchema> = {
  agency: agencySchema as AnySchema,
  submission: submissionSchema as AnySchema,
  ruleset: rulesetSchema as AnySchema,
};

/**
 * A fresh ajv instance with the project's schemas registered under their `$id`s, e.g.
 * `createAjv().getSchema(SCHEMA_IDS.submission)`. `$data` stays off: a document must not be able
 * to change the rules it is checked against.
 */
export function createAjv(options: Options = {}): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    discriminator: true,
    // FactValue and agency attributes are unions of scalar types on purpose.
    allowUnionTypes: true,
    ...options,
    $data: false,
  });
  addFormats(ajv);
  addErrors(ajv);
  // Annotations of derived submission schemas (server/engine/submissionSchema.ts), and of the
  // rule-set schema's fields that are metadata only (test/engine/noSilentFields.test.ts).
  ajv.addVocabulary(['x-unit', 'x-evidence', 'x-enteredBy', 'x-source', 'x-options', 'x-metadata']);
  ajv.addSchema([SCHEMAS.agency, SCHEMAS.submission, SCHEMAS.ruleset]);
  return ajv;
}
