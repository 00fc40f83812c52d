// The full evaluation: every submission's record with its trace and the hashes of its input, its
// version and its result. This is what the server stores and an auditor replays.
import type { CompiledCohort, CompiledVersion } from './compile';
import type { Evaluation, EvaluationContext, EvaluationView } from './evaluation';
import type { SubmissionInput } from './schemaTypes';
import { memberIn, prepareBatch, type Member } from './batch';
import { canonicalJson, hashOf, sha256Hex } from './canonical';
import { rollup } from './rollup';
import { rounded, totals } from './total';
import { ENGINE_VERSION } from './version';

/** Evaluates a batch of submissions; results come back in input order. */
export function evaluateSubmissions(compiled: CompiledVersion, submissions: readonly SubmissionInput[]): Evaluation[] {
  return prepareBatch(compiled, submissions).map((m) => evaluateMember(compiled, m));
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
  const agency = m.submission.agency;
  const input = hashOf({ agency, facts: m.submission.facts, context: m.context });
  const cohort: CompiledCohort | null = m.cohort;
  if (!cohort) {
    return seal({
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
  return seal({
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

/** The result hash covers everything in the evaluation except itself. */
function seal(e: Evaluation): Evaluation {
  e.hashes.result = resultHashOf(e);
  return e;
}

/** Recomputes the result hash of a stored evaluation (of any engine), to detect a result changed after the fact. */
export const resultHashOf = (e: Evaluation | EvaluationView): string => {
  const { result: _ignored, ...rest } = e.hashes;
  return sha256Hex(canonicalJson({ ...e, hashes: rest }));
};
