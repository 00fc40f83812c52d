// The CPU-heavy part of evaluating and of what-if, as tasks on plain data: a version (its document
// and the key it is cached under: the hash stored when it was published, or a draft's ETag), the
// submissions as the engine reads them and the year. The same function runs in a worker thread of
// the pool (pool.ts) and, for small tasks, in-process; the worker keeps versions compiled under
// their key, so a version is compiled once per thread, not once per task. Nothing here reads the
// database: the services read before and write after, on the main thread.
import {
  CohortBests,
  compileVersion,
  type CompiledVersion,
  type Evaluation,
  type EvaluationView,
  evaluateSubmission,
  evaluateSubmissions,
  explainEvaluation,
  rankEvaluations,
  type RuleSetVersion,
  type Score,
  scoreSubmissions,
  type SubmissionInput,
} from '../../engine';

/**
 * A version as a task carries it: the key it is compiled under, and its document — which the pool
 * leaves out until a worker answers that it has not compiled that key yet.
 */
export interface VersionRef {
  key: string;
  document?: RuleSetVersion;
}

/** Agency id → rank (null in an unranked cohort), in ranking order. */
export type Ranks = [agencyId: string, rank: number | null][];

export interface ScoringTasks {
  /** A period's batch: every record with its trace and hashes, in input order. */
  batch: {
    task: { version: VersionRef; inputs: SubmissionInput[]; year: number };
    result: Evaluation[];
  };
  /** One submission in its cohort's context (the bests of `others` and itself), with the view a person reads. */
  one: {
    task: { version: VersionRef; input: SubmissionInput; others: SubmissionInput[]; year: number };
    result: { result: Evaluation; view: EvaluationView };
  };
  /** What-if: the same inputs scored and ranked under two versions. */
  whatIf: {
    task: { base: VersionRef; target: VersionRef; inputs: SubmissionInput[]; year: number };
    result: { before: Score[]; after: Score[]; beforeRanks: Ranks; afterRanks: Ranks };
  };
}

export type TaskKind = keyof ScoringTasks;
export type Task<K extends TaskKind = TaskKind> = K extends TaskKind ? { kind: K } & ScoringTasks[K]['task'] : never;
export type TaskResult<K extends TaskKind> = ScoringTasks[K]['result'];

/** How a task finds a version compiled: the worker's cache, or the caller's already compiled versions. */
export type CompiledOf = (ref: VersionRef) => CompiledVersion;

const ranksOf = (compiled: CompiledVersion, scores: Score[]): Ranks =>
  rankEvaluations(compiled, scores).cohorts.flatMap((c) => c.entries.map((e): Ranks[number] => [e.agencyId, e.rank]));

const run: { [K in TaskKind]: (task: Task<K>, compiledOf: CompiledOf) => TaskResult<K> } = {
  batch: ({ version, inputs, year }, compiledOf) => evaluateSubmissions(compiledOf(version), inputs, { year }),
  one({ version, input, others, year }, compiledOf) {
    const compiled = compiledOf(version);
    const bests = new CohortBests(compiled, { year });
    for (const other of others) bests.add(other);
    bests.add(input);
    const result = evaluateSubmission(compiled, input, bests.contextFor(input));
    return { result, view: explainEvaluation(compiled, result) };
  },
  whatIf({ base, target, inputs, year }, compiledOf) {
    const [b, t] = [compiledOf(base), compiledOf(target)];
    const before = scoreSubmissions(b, inputs, { year });
    const after = scoreSubmissions(t, inputs, { year });
    return { before, after, beforeRanks: ranksOf(b, before), afterRanks: ranksOf(t, after) };
  },
};

/** Runs a task with the given compiled versions (in-process, where the services' cache holds them). */
export const runTask = <K extends TaskKind>(task: Task<K>, compiledOf: CompiledOf): TaskResult<K> =>
  (run[task.kind] as (task: Task<K>, compiledOf: CompiledOf) => TaskResult<K>)(task, compiledOf);

// A worker's compiled versions, least recently used first. A published version's key is its
// stored hash and its document never changes; a draft's key changes with every edit.
const MAX_COMPILED = 16;
const compiled = new Map<string, CompiledVersion>();

function cachedCompile({ key, document }: VersionRef): CompiledVersion {
  const found = compiled.get(key) ?? compileVersion(document!);
  compiled.delete(key);
  compiled.set(key, found);
  if (compiled.size > MAX_COMPILED) compiled.delete(compiled.keys().next().value!);
  return found;
}

const versionsOf = (task: Task): VersionRef[] => (task.kind === 'whatIf' ? [task.base, task.target] : [task.version]);

/**
 * The worker's entry (piscina calls the default export with each task). A version's document travels
 * to a thread only until the thread has compiled it (for Son La 2021, 165 kB: 0.7 ms of the main
 * thread's time and 1.6 ms of the worker's each time). The result goes back as JSON text: the main
 * thread parses 32 records of Son La 2021 in ~3.5 ms, where taking them as a structured clone costs
 * it ~9.5 ms. JSON is also the form they are stored and sent in, so nothing that JSON would not
 * keep (an undefined field, -0) is lost on the way.
 */
export default function scoringWorker<K extends TaskKind>(task: Task<K>): string | MissingVersion {
  if (versionsOf(task).some((v) => !v.document && !compiled.has(v.key))) return MISSING;
  return JSON.stringify(runTask(task, cachedCompile));
}

/** A worker's answer to a task without the document of a version it has not compiled: send it again, with documents. */
export const MISSING = null;
export type MissingVersion = typeof MISSING;
