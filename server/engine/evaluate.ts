// Evaluating submissions under a compiled version. A batch is evaluated together because some
// methods compare an agency with the best of its cohort; everything else is per submission.
import type { Agency, FactValue, SubmissionInput } from './schemaTypes';
import type { Evaluation, EvaluationContext } from './evaluation';
import type { SlotResults } from './conditions';
import { applicabilitySlot, type CompiledVersion } from './compile';
import { cohortFromSlots } from './cohort';
import { D, exact, round, toNumber, type Decimal } from './decimal';
import { measure } from './quantity';
import { hasNotApplicable, scoreTree, toNodeResult } from './rollup';
import { bandsFor, classify } from './band';
import { hashOf } from './canonical';
import { ENGINE_VERSION } from './version';
import { appliesToCohort } from './tree';

interface Prepared {
  submission: SubmissionInput;
  slots: SlotResults;
  cohort: string | null;
}

const factsOf = (s: SubmissionInput): Record<string, FactValue | undefined> => s.facts ?? {};

async function prepare(compiled: CompiledVersion, submission: SubmissionInput): Promise<Prepared> {
  const slots = await compiled.conditions.run({ ...factsOf(submission), agency: submission.agency });
  return { submission, slots, cohort: cohortFromSlots(compiled, slots).cohort };
}

/** Best value per relative-to-best slot within each cohort, over the agencies the item applies to. */
function cohortBests(compiled: CompiledVersion, prepared: Prepared[]): Map<string, Record<string, string>> {
  const bests = new Map<string, Record<string, string>>();
  for (const { slot, node, scoring } of compiled.relative) {
    for (const p of prepared) {
      if (p.cohort === null || !appliesToCohort(node, p.cohort)) continue;
      if (node.applicableWhen && !p.slots.get(applicabilitySlot(node.code))?.holds) continue;
      const value = measure(scoring.value, factsOf(p.submission), compiled.factDefs).value;
      if (value === null) continue;
      const forCohort = bests.get(p.cohort) ?? {};
      const current = forCohort[slot];
      if (current === undefined || value.greaterThan(current)) forCohort[slot] = exact(value);
      bests.set(p.cohort, forCohort);
    }
  }
  return bests;
}

/** Evaluates a batch of submissions; results come back in input order. */
export async function evaluateSubmissions(compiled: CompiledVersion, submissions: readonly SubmissionInput[]): Promise<Evaluation[]> {
  const prepared: Prepared[] = [];
  for (const s of submissions) prepared.push(await prepare(compiled, s));
  const bests = cohortBests(compiled, prepared);
  return prepared.map((p) => finish(compiled, p, { best: (p.cohort && bests.get(p.cohort)) || {} }));
}

/**
 * Evaluates one submission with a given context (the cohort's best values), as stored with an
 * earlier evaluation: this is how a single stored evaluation is replayed.
 */
export async function evaluateSubmission(compiled: CompiledVersion, submission: SubmissionInput, context: EvaluationContext): Promise<Evaluation> {
  return finish(compiled, await prepare(compiled, submission), context);
}

function finish(compiled: CompiledVersion, p: Prepared, context: EvaluationContext): Evaluation {
  const { version, policy } = compiled;
  const agency: Agency = p.submission.agency;
  const head = { agencyId: agency.id, agencyName: agency.name, ruleSet: version.ruleSet, version: version.version };
  const input = hashOf({ agency, facts: p.submission.facts, context });
  const cohort = version.cohorts.find((c) => c.id === p.cohort);
  if (!cohort) {
    return seal({
      ...head, cohort: null, total: 0, totalExact: '0', max: 0, percentage: 0, band: null, results: {}, nodes: [],
      context, engineVersion: ENGINE_VERSION, hashes: { input, version: compiled.hash, result: '' },
    });
  }
  const scored = scoreTree({ compiled, cohort: cohort.id, facts: factsOf(p.submission), slots: p.slots, best: context.best });
  let raw = scored.reduce((acc, n) => acc.plus(n.points), D(0));
  if (policy.floorAtZero && raw.isNegative()) raw = D(0);
  const applicableMax = scored.reduce((acc, n) => acc.plus(n.max), D(0));
  const cohortMax = D(cohort.maxScore);

  let total = raw;
  let max = cohortMax;
  let rescaledFrom: Decimal | undefined;
  if (hasNotApplicable(scored) && applicableMax.greaterThan(0) && !applicableMax.eq(cohortMax)) {
    if ((cohort.notApplicable ?? 'rescale') === 'rescale') {
      total = raw.times(cohortMax).div(applicableMax);
      rescaledFrom = applicableMax;
    } else {
      max = applicableMax;
    }
  }
  const r = (d: Decimal) => round(d, policy.places, policy.rounding);
  const percentageExact = max.isZero() ? D(0) : total.div(max).times(100);
  const bands = bandsFor(version, cohort);
  const basis = bands.basis === 'percentage' ? percentageExact : total;
  const band = classify(bands, policy.classifyOn === 'rounded' ? r(basis) : basis);
  const results = Object.fromEntries(
    (version.resultFields ?? []).map((f) => {
      const source = f.source === 'percentage' ? percentageExact : total;
      return [f.id, toNumber(round(source.times(f.multiplier), f.places, f.rounding ?? policy.rounding))];
    }),
  );
  return seal({
    ...head,
    cohort: cohort.id,
    total: toNumber(r(total)),
    totalExact: exact(total),
    max: toNumber(max),
    percentage: toNumber(r(percentageExact)),
    band,
    results,
    nodes: scored.map((s) => toNodeResult(s, compiled)),
    ...(rescaledFrom ? { rescaledFrom: toNumber(rescaledFrom) } : {}),
    context,
    engineVersion: ENGINE_VERSION,
    hashes: { input, version: compiled.hash, result: '' },
  });
}

/** The result hash covers everything in the evaluation except itself. */
function seal(e: Evaluation): Evaluation {
  const { result: _ignored, ...rest } = e.hashes;
  return { ...e, hashes: { ...rest, result: hashOf({ ...e, hashes: rest }) } };
}

/** Recomputes the result hash of a stored evaluation, to detect a result changed after the fact. */
export const resultHashOf = (e: Evaluation): string => {
  const { result: _ignored, ...rest } = e.hashes;
  return hashOf({ ...e, hashes: rest });
};
