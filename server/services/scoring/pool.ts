// Scoring off the event loop: the engine's work for an evaluation or a what-if runs in a pool of
// worker threads (piscina), so that the main thread keeps serving requests (and, on PGlite, running
// the database) while a period is scored. Tasks carry plain data (tasks.ts); reading and writing
// stay with the services, on the main thread, in their transaction.
//
// Threads: CHISO_SCORING_THREADS, else one less than the CPUs and at least one (on 2 cores: one
// thread, and the main thread keeps the other core); 0 scores in-process. The threads start with the
// first task, and closeScoringPool() ends them when the server shuts down.
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Piscina from 'piscina';
import type { CompiledVersion, Evaluation, SubmissionInput } from '../../engine';
import { BUILT, DIST } from '../../paths';
import { keyOf, type LoadedVersion } from '../compiled';
import { MISSING, runTask, type Task, type TaskKind, type TaskResult, type VersionRef } from './tasks';

function threadCount(env: NodeJS.ProcessEnv = process.env): number {
  const asked = env.CHISO_SCORING_THREADS?.trim();
  if (asked && /^\d+$/.test(asked)) return Number(asked);
  return Math.max(1, availableParallelism() - 1);
}

/**
 * Tasks that score fewer submissions than this run in-process. Measured on 2 vCPU with Son La 2021
 * and its demo submissions, warm, as main-thread time in-process → through the pool (latency):
 * a batch of 1: 0.47 → 0.45 ms (1.1 ms); 2: 0.90 → 0.70 (1.9); 4: 1.33 → 0.88 (2.5); 32: 7.3 → 6.1
 * (19, the 230 kB of records parsed back); one submission in a cohort of 32, with its view: 4.4 →
 * 2.3 (5.2); what-if on 32 under two versions: 8.6 → 1.6 (10). Below 4 submissions the pool saves
 * the event loop less than half a millisecond and adds a millisecond of latency, more when the
 * thread is busy with period batches; so those stay here.
 */
const INLINE_BELOW = 4;

let pool: Piscina | null = null;
let threads: number | null = null;

function poolFor(): Piscina | null {
  threads ??= threadCount();
  if (threads === 0) return null;
  pool ??= new Piscina({
    // The bundle has the worker as its own entry point; the sources load tasks.ts through tsx.
    filename: BUILT ? pathToFileURL(path.join(DIST, 'services/scoring/worker.js')).href : new URL('./worker.mjs', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    // The threads stay up between evaluations: starting one (tsx, the engine, compiling a version) costs far more than a task.
    idleTimeout: Number.POSITIVE_INFINITY,
  });
  return pool;
}

async function run<K extends TaskKind>(
  build: (ref: (l: LoadedVersion) => VersionRef) => Task<K>,
  submissions: number,
  loaded: LoadedVersion[],
): Promise<TaskResult<K>> {
  const threaded = submissions >= INLINE_BELOW ? poolFor() : null;
  if (!threaded) {
    const byKey = new Map<string, CompiledVersion>(loaded.map((l) => [keyOf(l.version), l.compiled]));
    return runTask(
      build((l) => ({ key: keyOf(l.version) })),
      (ref) => byKey.get(ref.key)!,
    );
  }
  let answer = (await threaded.run(build((l) => ({ key: keyOf(l.version) })))) as string | typeof MISSING;
  if (answer === MISSING) answer = (await threaded.run(build((l) => ({ key: keyOf(l.version), document: l.version.document })))) as string;
  return JSON.parse(answer!) as TaskResult<K>;
}

/** A period's batch evaluated under a version, in input order (evaluateSubmissions). */
export const evaluateBatch = (loaded: LoadedVersion, inputs: SubmissionInput[], year: number): Promise<Evaluation[]> =>
  run((ref) => ({ kind: 'batch', version: ref(loaded), inputs, year }), inputs.length, [loaded]);

/** One submission in its cohort's context (the others' bests and its own), with its view. */
export const evaluateInCohort = (loaded: LoadedVersion, input: SubmissionInput, others: SubmissionInput[], year: number) =>
  run((ref) => ({ kind: 'one', version: ref(loaded), input, others, year }), others.length + 1, [loaded]);

/** The same inputs scored and ranked under two versions (what-if). */
export const scoreUnderBoth = (base: LoadedVersion, target: LoadedVersion, inputs: SubmissionInput[], year: number) =>
  run((ref) => ({ kind: 'whatIf', base: ref(base), target: ref(target), inputs, year }), 2 * inputs.length, [base, target]);

/** The pool as it stands: its threads (0: scoring in-process) and the tasks they have finished. */
export function scoringPoolStatus(): { threads: number; completed: number } {
  return { threads: threads ?? threadCount(), completed: pool?.completed ?? 0 };
}

/** Ends the pool's threads once their tasks are done (server shutdown; tests). The next task starts a new pool. */
export async function closeScoringPool(): Promise<void> {
  const closing = pool;
  pool = null;
  threads = null;
  await closing?.close();
}
