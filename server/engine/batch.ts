// A batch of submissions is evaluated together because some methods compare an agency with the best
// of its cohort: first every submission finds its cohort, then the cohort's best values are taken,
// then each submission is scored on its own.
import type { CompiledCohort, CompiledVersion } from './compile';
import type { EvaluationContext } from './evaluation';
import type { SubmissionInput } from './schemaTypes';
import { cohortOf } from './cohort';
import { Bests, type Env } from './env';

export interface Member {
  submission: SubmissionInput;
  env: Env;
  cohort: CompiledCohort | null;
  context: EvaluationContext;
}

const EMPTY: Readonly<Record<string, never>> = Object.freeze({});

export const envOf = (submission: SubmissionInput, best: Bests): Env => ({ facts: submission.facts ?? EMPTY, agency: submission.agency, best });

/** Best value per cohort-compared slot within each cohort, over the agencies the item applies to. */
function cohortBests(compiled: CompiledVersion, members: { env: Env; cohort: CompiledCohort | null }[]): Map<string, Record<string, string>> {
  const found = new Map<string, Map<string, ReturnType<CompiledVersion['cohortValues'][number]['value']>>>();
  for (const { slot, node, applicable, value } of compiled.cohortValues) {
    for (const m of members) {
      if (m.cohort === null) continue;
      const id = m.cohort.cohort.id;
      if (node.cohorts && !node.cohorts.includes(id)) continue;
      if (applicable && !applicable(m.env, null)) continue;
      const v = value(m.env.facts);
      if (v === null) continue;
      let forCohort = found.get(id);
      if (!forCohort) found.set(id, (forCohort = new Map()));
      const current = forCohort.get(slot);
      if (!current || v.gt(current)) forCohort.set(slot, v);
    }
  }
  const bests = new Map<string, Record<string, string>>();
  for (const [cohort, slots] of found) {
    const best: Record<string, string> = {};
    for (const slot of [...slots.keys()].sort()) best[slot] = slots.get(slot)!.toString();
    bests.set(cohort, best);
  }
  return bests;
}

/** Each submission with its cohort and the context it is scored in, in input order. */
export function prepareBatch(compiled: CompiledVersion, submissions: readonly SubmissionInput[]): Member[] {
  const placed = submissions.map((submission) => {
    const env = envOf(submission, Bests.NONE);
    return { submission, env, cohort: cohortOf(compiled, env) };
  });
  const bests = compiled.cohortValues.length ? cohortBests(compiled, placed) : new Map<string, Record<string, string>>();
  const contexts = new Map<string, { context: EvaluationContext; best: Bests }>();
  return placed.map(({ submission, cohort }) => {
    const id = cohort?.cohort.id ?? '';
    let shared = contexts.get(id);
    if (!shared) {
      const best = (cohort && bests.get(cohort.cohort.id)) || {};
      contexts.set(id, (shared = { context: { best }, best: new Bests(best) }));
    }
    return { submission, cohort, env: envOf(submission, shared.best), context: shared.context };
  });
}

/** A member scored in a given context (as stored with an earlier evaluation): how one evaluation is replayed. */
export function memberIn(compiled: CompiledVersion, submission: SubmissionInput, context: EvaluationContext): Member {
  const env = envOf(submission, new Bests(context.best));
  return { submission, env, cohort: cohortOf(compiled, env), context };
}
