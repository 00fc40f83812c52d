// The linter: what a schema cannot say about a rule-set version. Each rule family lives in its own
// file; a rule gets a schema-valid version and returns findings with a JSON Pointer, a stable code,
// a vi/en message and a severity.
import type { Finding } from '../finding';
import { hasErrors } from '../finding';
import type { RuleSetVersion } from '../schemaTypes';
import { validateVersion } from '../validate';
import { createContext, type LintOptions, type LintRule } from './context';
import { uniqueness } from './uniqueness';
import { parentMaxima, cohortMaxima, zeroMaxima } from './maxima';
import { bands } from './bands';
import { methods } from './methods';
import { facts } from './facts';
import { conditions } from './conditions';
import { crossReferences } from './crossReferences';
import { provenance } from './provenance';
import { period } from './period';
import { membership } from './membership';

export type { LintOptions } from './context';

/** In the order findings are listed: the document's top first, then the tree, then agencies. */
const RULES: readonly LintRule[] = [
  period,
  uniqueness,
  facts,
  crossReferences,
  bands,
  cohortMaxima,
  parentMaxima,
  zeroMaxima,
  methods,
  conditions,
  provenance,
  membership,
];

/** Findings beyond the schema. `version` must be schema-valid (see checkVersion). */
export async function lintVersion(version: RuleSetVersion, options: LintOptions = {}): Promise<Finding[]> {
  const ctx = createContext(version, options);
  const out: Finding[] = [];
  for (const rule of RULES) out.push(...(await rule(ctx)));
  return out;
}

/** Schema validation, then (only when the document has the right shape) the linter. */
export async function checkVersion(doc: unknown, options: LintOptions = {}): Promise<Finding[]> {
  const schema = validateVersion(doc);
  if (hasErrors(schema)) return schema;
  return [...schema, ...(await lintVersion(doc as RuleSetVersion, options))];
}
