// A version's facts decide what a submission holds: the JSON Schema of a submission (and so the
// console's form and the API's check) is derived from them, never written twice.
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { SCHEMA_IDS } from './ajv';
import type { Finding } from './finding';
import { join, valueAt } from './pointer';
import { forbiddenKeys, schemaFindings } from './schemaFindings';
import { depthFinding } from './limits';
import type { Fact, RuleSetVersion } from './schemaTypes';
import { isLeaf, walkNodes } from './tree';
import { engineAjv } from './validate';
import { formatNumber } from './text';

export interface SubmissionSchemaOptions {
  /** The agency's cohort: facts asked only of other cohorts are then not required. */
  cohort?: string | null;
}

type JsonSchema = Record<string, unknown>;

const BASE_TYPES: Record<Fact['type'], string> = {
  number: 'number',
  integer: 'integer',
  boolean: 'boolean',
  enum: 'string',
  date: 'string',
  text: 'string',
};

/** Whether the agency must give a value for this fact. */
function isRequiredFact(fact: Fact, cohort?: string | null): boolean {
  if (fact.required === false || fact.enteredBy === 'evaluator') return false;
  if (!fact.cohorts) return true;
  // Asked of some cohorts only: required when the agency is known to be in one of them.
  return cohort != null && fact.cohorts.includes(cohort);
}

/** Evidence is filed per fact or per criterion. */
const evidenceKeys = (version: RuleSetVersion): Set<string> =>
  new Set([...version.facts.map((f) => f.id), ...[...walkNodes(version.criteria)].map(({ node }) => node.code)]);

function factSchema(fact: Fact, required: boolean): JsonSchema {
  // An optional fact may be sent as null ("no value").
  const type = BASE_TYPES[fact.type];
  const schema: JsonSchema = { type: required ? type : [type, 'null'], title: fact.label.vi };
  if (fact.help) schema.description = fact.help.vi;
  if (fact.type === 'integer' || fact.type === 'number') {
    if (fact.minimum !== undefined) schema.minimum = fact.minimum;
    if (fact.maximum !== undefined) schema.maximum = fact.maximum;
  }
  if (fact.type === 'enum') {
    schema.enum = [...(fact.options ?? []).map((o) => o.value), ...(required ? [] : [null])];
    // What a person picks from: the label of each value.
    schema['x-options'] = (fact.options ?? []).map((o) => ({ value: o.value, label: o.label }));
  }
  if (fact.type === 'date') schema.format = 'date';
  if (fact.unit) schema['x-unit'] = fact.unit;
  if (fact.evidence) schema['x-evidence'] = fact.evidence;
  if (fact.source) schema['x-source'] = fact.source;
  if (fact.enteredBy) schema['x-enteredBy'] = fact.enteredBy;
  return schema;
}

/**
 * JSON Schema (2020-12) of `{ agency, facts, evidence?, zeroed? }` for this version: one property per
 * declared fact with its type, range, options, label and unit; unknown facts are rejected.
 */
export function deriveSubmissionSchema(version: RuleSetVersion, options: SubmissionSchemaOptions = {}): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const fact of version.facts) {
    if (Object.prototype.hasOwnProperty.call(properties, fact.id)) continue;
    const isRequired = isRequiredFact(fact, options.cohort);
    properties[fact.id] = factSchema(fact, isRequired);
    if (isRequired) required.push(fact.id);
  }

  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: `${version.title.vi} (${version.ruleSet} ${version.version})`,
    type: 'object',
    additionalProperties: false,
    required: ['agency', 'facts'],
    properties: {
      agency: { $ref: SCHEMA_IDS.agency },
      facts: { type: 'object', additionalProperties: false, required, properties },
      evidence: {
        type: 'object',
        propertyNames: { enum: [...evidenceKeys(version)] },
        additionalProperties: { type: 'array', items: { $ref: `${SCHEMA_IDS.submission}#/$defs/Evidence` } },
      },
      zeroed: {
        type: 'object',
        propertyNames: { enum: [...walkNodes(version.criteria)].filter(({ node }) => isLeaf(node)).map(({ node }) => node.code) },
        additionalProperties: { type: 'string', minLength: 1 },
      },
      demo: { type: 'boolean' },
    },
  };
}

// Compiled once per version object and cohort; the WeakMap lets them go with the version.
const compiled = new WeakMap<RuleSetVersion, Map<string, ValidateFunction>>();

function submissionValidator(version: RuleSetVersion, cohort: string | null | undefined): ValidateFunction {
  const key = cohort ?? '';
  let byCohort = compiled.get(version);
  if (!byCohort) compiled.set(version, (byCohort = new Map()));
  let validate = byCohort.get(key);
  if (!validate) {
    const ajv = engineAjv();
    const schema = deriveSubmissionSchema(version, { cohort });
    validate = ajv.compile(schema);
    // ajv would otherwise keep every derived schema for the life of the process.
    ajv.removeSchema(schema);
    byCohort.set(key, validate);
  }
  return validate;
}

const FACT_PATH = /^\/facts\/([^/]+)$/;
const EVIDENCE_PATH = /^\/evidence\/([^/]+)$/;
const unescape = (token: string): string => token.replace(/~1/g, '/').replace(/~0/g, '~');

/**
 * Every problem of a submission against a version's facts, with paths such as /facts/ty_le_ho_so
 * and messages naming the fact by its Vietnamese (or English) label.
 */
/** Facts bounded by another fact (`atMostFact`: processed ≤ received), which a schema cannot say. */
function boundsFindings(version: RuleSetVersion, submission: unknown): Finding[] {
  const facts = (submission as { facts?: Record<string, unknown> } | null)?.facts;
  if (!facts || typeof facts !== 'object') return [];
  const byId = new Map(version.facts.map((f) => [f.id, f]));
  const out: Finding[] = [];
  for (const fact of version.facts) {
    if (!fact.atMostFact) continue;
    const value = facts[fact.id];
    const bound = facts[fact.atMostFact];
    if (typeof value !== 'number' || typeof bound !== 'number' || value <= bound) continue;
    const other = byId.get(fact.atMostFact);
    const name = (f: typeof fact | undefined, id: string, lang: 'vi' | 'en') =>
      `"${(lang === 'en' ? f?.label.en : undefined) ?? f?.label.vi ?? id}" (${id})`;
    out.push({
      severity: 'error',
      path: join('/facts', fact.id),
      code: 'above-other-fact',
      message: {
        vi: `${name(fact, fact.id, 'vi')} là ${formatNumber(value, 'vi')}, lớn hơn ${name(other, fact.atMostFact, 'vi')} là ${formatNumber(bound, 'vi')}`,
        en: `${name(fact, fact.id, 'en')} is ${formatNumber(value, 'en')}, more than ${name(other, fact.atMostFact, 'en')} at ${formatNumber(bound, 'en')}`,
      },
    });
  }
  return out;
}

export function validateSubmission(version: RuleSetVersion, submission: unknown, options: SubmissionSchemaOptions = {}): Finding[] {
  const deep = depthFinding(submission);
  if (deep) return [deep];
  const forbidden = [...forbiddenKeys(submission), ...boundsFindings(version, submission)];
  const validate = submissionValidator(version, options.cohort);
  if (validate(submission)) return forbidden;
  const flagged = new Set(forbidden.map((f) => f.path));
  const facts = new Map(version.facts.map((f) => [f.id, f]));
  const findings = schemaFindings(engineAjv(), validate.errors, submission).filter((f) => !flagged.has(f.path));
  return [
    ...forbidden,
    ...findings.map((f) => {
      const evidence = EVIDENCE_PATH.exec(f.path);
      if (evidence && !evidenceKeys(version).has(unescape(evidence[1])))
        return {
          ...f,
          code: 'unknown-evidence-key',
          message: {
            vi: `Tài liệu kiểm chứng phải gắn với một chỉ tiêu hoặc một mục của bộ chỉ số; "${unescape(evidence[1])}" không có`,
            en: `Evidence must be filed under a fact id or a criterion code of the rule set; "${unescape(evidence[1])}" is neither`,
          },
        };
      const match = FACT_PATH.exec(f.path);
      if (!match) return f;
      const id = unescape(match[1]);
      const fact = facts.get(id);
      if (!fact)
        return {
          ...f,
          code: 'unknown-fact',
          message: {
            vi: `Chỉ tiêu "${id}" không có trong bộ chỉ số ${version.ruleSet} ${version.version}`,
            en: `Fact "${id}" is not part of rule set ${version.ruleSet} ${version.version}`,
          },
        };
      const vi = `"${fact.label.vi}" (${id})`;
      const en = `"${fact.label.en ?? fact.label.vi}" (${id})`;
      if (valueAt(submission, join('/facts', id)) === undefined)
        return { ...f, code: 'missing-fact', message: { vi: `Thiếu giá trị của chỉ tiêu ${vi}`, en: `Missing a value for ${en}` } };
      return { ...f, message: { vi: `${vi}: ${f.message.vi}`, en: `${en}: ${f.message.en}` } };
    }),
  ];
}
