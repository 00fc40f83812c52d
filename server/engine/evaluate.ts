// The full evaluation: every submission's record with its trace and the hashes of its input, its
// version and its result. This is what the server stores and an auditor replays.
import type { CompiledCohort, CompiledVersion } from './compile';
import type { Evaluation, EvaluationContext, EvaluationView } from './evaluation';
import type { SubmissionInput } from './schemaTypes';
import { memberIn, prepareBatch, type BatchOptions, type Member } from './batch';
import { canonicalJson, numberText, sha256Hex, unsortableValues } from './canonical';
import { rollup } from './rollup';
import { rounded, totals } from './total';
import { ENGINE_VERSION } from './version';

/** Evaluates a batch of submissions; results come back in input order. */
export function evaluateSubmissions(
  compiled: CompiledVersion,
  submissions: readonly SubmissionInput[],
  options: BatchOptions = {},
): Evaluation[] {
  return prepareBatch(compiled, submissions, options).map((m) => evaluateMember(compiled, m));
}

/**
 * Evaluates one submission with a given context (the cohort's best values), as stored with an
 * earlier evaluation: this is how a single stored evaluation is replayed.
 */
export function evaluateSubmission(compiled: CompiledVersion, submission: SubmissionInput, context: EvaluationContext): Evaluation {
  return evaluateMember(compiled, memberIn(compiled, submission, context));
}

function evaluateMember(compiled: CompiledVersion, m: Member): Evaluation {
  const { version } = compiled;
  const unsortable = unsortableValues();
  const agency = m.submission.agency;
  const input = inputHash(compiled, m);
  const cohort: CompiledCohort | null = m.cohort;
  if (!cohort) {
    return seal(unsortable, {
      agencyId: agency.id,
      agencyName: agency.name,
      band: null,
      cohort: null,
      context: m.context,
      engineVersion: ENGINE_VERSION,
      hashes: { input, result: '', version: compiled.hash },
      max: 0,
      nodes: [],
      percentage: 0,
      results: {},
      ruleSet: version.ruleSet,
      total: 0,
      totalExact: '0',
      version: version.version,
    });
  }
  const r = rollup(cohort, m.env, compiled.policy, true);
  const t = totals(compiled, cohort, r);
  return seal(unsortable, {
    agencyId: agency.id,
    agencyName: agency.name,
    band: t.band,
    cohort: cohort.cohort.id,
    context: m.context,
    engineVersion: ENGINE_VERSION,
    hashes: { input, result: '', version: compiled.hash },
    max: t.max.toNumber(),
    nodes: r.nodes.map((n) => n.record!),
    percentage: rounded(compiled, t.percentage),
    ...(t.rescaledFrom ? { rescaledFrom: t.rescaledFrom.toNumber() } : {}),
    results: t.results,
    ruleSet: version.ruleSet,
    total: rounded(compiled, t.total),
    totalExact: t.total.toString(),
    version: version.version,
  });
}

const contextText = new WeakMap<EvaluationContext, string>();
const hasOwn = Object.prototype.hasOwnProperty;

/** Canonical JSON of facts whose ids the version declares and whose values are JSON scalars; null otherwise. */
function declaredFactsText(compiled: CompiledVersion, facts: Readonly<Record<string, unknown>>): string | null {
  let seen = 0;
  let text = '{';
  for (const id of compiled.sortedFactIds) {
    const v = facts[id];
    if (v === undefined && !hasOwn.call(facts, id)) continue;
    seen++;
    if (v === undefined) continue; // JSON has no undefined: the key is left out.
    let value: string;
    if (typeof v === 'number') value = Number.isFinite(v) ? numberText(v) : 'null';
    else if (typeof v === 'boolean') value = v ? 'true' : 'false';
    else if (v === null) value = 'null';
    else if (typeof v === 'string') value = JSON.stringify(v);
    else return null;
    // Fact ids are [a-z][a-z0-9_]*: nothing to escape.
    text += (text.length > 1 ? ',"' : '"') + id + '":' + value;
  }
  return seen === Object.keys(facts).length ? `${text}}` : null;
}

/** SHA-256 of the canonical JSON of { agency, context, facts }: what was read beyond the version. */
function inputHash(compiled: CompiledVersion, m: Member): string {
  const { agency, facts, zeroed } = m.submission;
  let context = contextText.get(m.context);
  if (context === undefined) contextText.set(m.context, (context = canonicalJson(m.context)));
  const factsText = facts === undefined ? '' : (declaredFactsText(compiled, facts) ?? canonicalJson(facts));
  // Absent when nothing is zeroed, so inputs hashed before zeroing existed hash the same.
  const zeroedText = zeroed && Object.keys(zeroed).length ? `,"zeroed":${canonicalJson(zeroed)}` : '';
  return sha256Hex(
    `{"agency":${canonicalJson(agency)},"context":${context}${facts === undefined ? '' : `,"facts":${factsText}`}${zeroedText}}`,
  );
}

/**
 * The result hash covers everything in the evaluation except itself. Records are built with their
 * keys in canonical order (test/engine/determinism.test.ts checks it), so their canonical JSON is
 * JSON.stringify's — unless a value read could not be put in order, then the general path is taken.
 */
function seal(unsortableBefore: number, e: Evaluation): Evaluation {
  const { input, version } = e.hashes;
  const body = { ...e, hashes: { input, version } };
  e.hashes.result = sha256Hex(unsortableValues() === unsortableBefore ? JSON.stringify(body) : canonicalJson(body));
  return e;
}

/** Recomputes the result hash of a stored evaluation (of any engine), to detect a result changed after the fact. */
export const resultHashOf = (e: Evaluation | EvaluationView): string => {
  const { result: _ignored, ...rest } = e.hashes;
  return sha256Hex(canonicalJson({ ...e, hashes: rest }));
};
