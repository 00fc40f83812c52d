// A batch of submissions is evaluated together because some methods compare an agency with the best
// of its cohort: first every submission finds its cohort and the cohort's best values are taken,
// then each submission is scored on its own. CohortBests does the first step one submission at a
// time, so a batch too large for memory can be read twice instead (the CLI streams it).
import type { CompiledCohort, CompiledVersion } from './compile';
import type { EvaluationContext } from './evaluation';
import type { SubmissionInput } from './schemaTypes';
import type { Exact } from './exact';
import { cohortOf } from './cohort';
import { ZERO_DENOMINATOR } from './quantity';
import { Bests, type Env } from './env';

export interface Member {
  submission: SubmissionInput;
  env: Env;
  cohort: CompiledCohort | null;
  context: EvaluationContext;
}

const EMPTY: Readonly<Record<string, never>> = Object.freeze({});

const envOf = (submission: SubmissionInput, best: Bests, year: number): Env => ({
  facts: submission.facts ?? EMPTY,
  agency: submission.agency,
  best,
  year,
  zeroed: submission.zeroed ?? EMPTY,
});

/** What a batch is evaluated for beyond its submissions. */
export interface BatchOptions {
  /** The assessed year (dates in conditions); the year the version takes effect by default. */
  year?: number;
}

/** Best value per cohort-compared slot within each cohort, over the agencies the item applies to. */
export class CohortBests {
  private readonly found = new Map<string, Map<string, Exact>>();
  private readonly shared = new Map<string, { context: EvaluationContext; best: Bests }>();

  readonly year: number;

  constructor(
    private readonly compiled: CompiledVersion,
    options: BatchOptions = {},
  ) {
    this.year = options.year ?? compiled.defaultYear;
  }

  /** Takes one submission's values into its cohort's bests; returns its cohort. */
  add(submission: SubmissionInput): CompiledCohort | null {
    const env = envOf(submission, Bests.NONE, this.year);
    const cohort = cohortOf(this.compiled, env);
    if (cohort === null) return null;
    const id = cohort.cohort.id;
    for (const { slot, node, applicable, value } of this.compiled.cohortValues) {
      if (node.cohorts && !node.cohorts.includes(id)) continue;
      if (applicable && !applicable(env, null)) continue;
      const v = value(env.facts);
      if (v === null || v === ZERO_DENOMINATOR) continue;
      let forCohort = this.found.get(id);
      if (!forCohort) this.found.set(id, (forCohort = new Map()));
      const current = forCohort.get(slot);
      if (!current || v.gt(current)) forCohort.set(slot, v);
    }
    return cohort;
  }

  /** The context a submission is scored in: its cohort's bests so far (all of them, once every submission was added). */
  contextFor(submission: SubmissionInput): EvaluationContext {
    return this.contextOf(cohortOf(this.compiled, envOf(submission, Bests.NONE, this.year))).context;
  }

  /** The context a member of the cohort is scored in (one object per cohort, shared). */
  contextOf(cohort: CompiledCohort | null): { context: EvaluationContext; best: Bests } {
    const id = cohort?.cohort.id ?? '';
    let shared = this.shared.get(id);
    if (!shared) {
      const slots = cohort ? this.found.get(cohort.cohort.id) : undefined;
      const best: Record<string, string> = {};
      for (const slot of [...(slots?.keys() ?? [])].sort()) best[slot] = slots!.get(slot)!.toString();
      const context: EvaluationContext = this.compiled.usesYear ? { best, year: this.year } : { best };
      this.shared.set(id, (shared = { context, best: new Bests(best) }));
    }
    return shared;
  }
}

/** Each submission with its cohort and the context it is scored in, in input order. */
export function prepareBatch(compiled: CompiledVersion, submissions: readonly SubmissionInput[], options: BatchOptions = {}): Member[] {
  const bests = new CohortBests(compiled, options);
  const cohorts = submissions.map((s) => bests.add(s));
  return submissions.map((submission, i) => {
    const { context, best } = bests.contextOf(cohorts[i]);
    return { submission, cohort: cohorts[i], env: envOf(submission, best, bests.year), context };
  });
}

/** A member scored in a given context (as stored with an earlier evaluation): how one evaluation is replayed. */
export function memberIn(compiled: CompiledVersion, submission: SubmissionInput, context: EvaluationContext): Member {
  const env = envOf(submission, new Bests(context.best), context.year ?? compiled.defaultYear);
  return { submission, env, cohort: cohortOf(compiled, env), context };
}
