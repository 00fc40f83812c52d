// Evaluating a period (every submitted or appraised submission, as one batch so that
// relative-to-best criteria see the whole cohort) or one submission (scored in the context of its
// cohort's bests, stored alone). Each evaluation is stored with its input, its full result and its
// hashes, and returned as stored: nothing is read back.
//
// The scoring runs in the scoring pool's worker threads (scoring/pool.ts), off the event loop; the
// reads and writes stay here, on the main thread. Given the database rather than a transaction, an
// evaluation reads and scores outside any transaction and writes in a short one that first reads
// again what the scoring read (the period, its version, every submission's revision, effective
// facts and agency): if anything changed meanwhile it starts over. On embedded PGlite a transaction
// holds the one connection, so a reader waits for every transaction queued before it; here it waits
// for at most one evaluation's step, because evaluations take their turns at the database (SHARING).
import { randomUUID } from 'node:crypto';
import type { Evaluation, EvaluationView, SubmissionInput } from '../engine';
import type { Db, Queryable, Tx } from '../store/db';
import { recordAudit } from '../store/audit';
import {
  insertEvaluations,
  listEvaluations,
  requireEvaluation,
  summaryOf,
  type BatchKind,
  type EvaluationFilter,
  type EvaluationSummary,
  type StoredEvaluation,
} from '../store/evaluations';
import type { Page } from '../store/sql';
import { requirePeriod, type Period } from '../store/periods';
import { submissionsOfPeriod, type Submission, type SubmissionStatus } from '../store/submissions';
import { assertAgencyAccess, scopedAgency, type Actor } from './actor';
import { loadVersion, periodVersion, viewsOf, type LoadedVersion } from './compiled';
import { submissionInput, submissionInputs } from './inputs';
import { assertSubmissionStatus, submissionFor } from './submissions';
import { requireAgency } from '../store/agencies';
import { evaluateBatch, evaluateInCohort } from './scoring/pool';
import { fieldProblem, Problem } from '../problems/problem';
import { assertCohortFilter, assertRuleSetFilter } from './listFilters';

export { EVALUATION_SORT } from '../store/evaluations';

/** The submissions that count: submitted by the agency, and possibly appraised since. */
export const EVALUABLE: SubmissionStatus[] = ['submitted', 'appraised'];

export interface Computed extends LoadedVersion {
  submissions: Submission[];
  inputs: SubmissionInput[];
  results: Evaluation[];
}

/** The period's evaluable submissions as the engine reads them, with the version they are evaluated under. */
export async function periodInputs(db: Queryable, period: Period, versionId?: string): Promise<Omit<Computed, 'results'>> {
  const loaded = await periodVersion(db, period, versionId);
  const submissions = await submissionsOfPeriod(db, period.id, EVALUABLE);
  return { ...loaded, submissions, inputs: await submissionInputs(db, submissions) };
}

const nothingToEvaluate = (period: Period) =>
  new Problem('nothing-to-evaluate', {
    vi: `Kỳ đánh giá "${period.title}" chưa có bản tự đánh giá nào đã nộp.`,
    en: `Period "${period.title}" has no submitted submissions yet.`,
  });

/** Whether a service was given the database (it may open transactions of its own) rather than a transaction. */
export const isDatabase = (q: Queryable): q is Db => typeof (q as Partial<Db>).transaction === 'function';

/** Everything a scoring read, as text: equal texts, equal results. */
const fingerprintOf = (period: Period, { version }: LoadedVersion, submissions: Submission[], inputs: SubmissionInput[]): string =>
  JSON.stringify([
    period.id,
    period.year,
    version.id,
    version.hash ?? version.etag,
    submissions.map((s) => [s.id, s.revision, s.status]),
    inputs,
  ]);

/**
 * How evaluations share the database with everyone else, per database and per process.
 *
 * PGlite runs in this thread, one statement at a time, first come first served; a transaction holds
 * it throughout, and a queue of statements runs through as one unbroken chain of promise callbacks,
 * during which no timer fires and no request is read. So on PGlite evaluations read (outside a
 * transaction) and write one at a time, and each step starts no sooner than the previous one's
 * length after it ended: at most half of the database's time goes to evaluations while they queue,
 * and between two steps the event loop turns, so a reader's request (a list is three statements:
 * the session, the count, the page) is answered in between. Measured (test/load, 2 vCPU, 20
 * concurrent evaluations of 32 submissions): without the rests, the 20 write transactions (80–100 ms
 * each) ran back to back as the pool's answers came in, and /healthz waited 2–3 s.
 *
 * On PostgreSQL statements are I/O, so the loop turns by itself; at most three evaluations write at
 * once, leaving most of the pool's ten connections to readers, and reads are not held back.
 */
const SHARING = {
  pglite: { atOnce: 1, reads: true, rest: true },
  postgres: { atOnce: 3, reads: false, rest: false },
} as const;
const MAX_REST_MS = 1_000;
const gates = new WeakMap<Db, Gate>();

/** First come, first served: at most `limit` tasks at once and, with `rest`, a pause after each as long as it took. */
class Gate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private restUntil = 0;
  constructor(
    private readonly limit: number,
    private readonly rest: boolean,
  ) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    // Always through a timer, even with no rest left: the event loop turns before the step starts.
    if (this.rest) await new Promise((resolve) => setTimeout(resolve, Math.max(0, this.restUntil - performance.now())));
    const started = performance.now();
    try {
      return await task();
    } finally {
      const ended = performance.now();
      this.restUntil = ended + Math.min(MAX_REST_MS, ended - started);
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}

function gateOf(db: Db): Gate {
  let gate = gates.get(db);
  if (!gate) gates.set(db, (gate = new Gate(SHARING[db.dialect].atOnce, SHARING[db.dialect].rest)));
  return gate;
}

const writing = <T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> => gateOf(db).run(() => db.transaction(work));
const reading = <T>(db: Db, work: () => Promise<T>): Promise<T> => (SHARING[db.dialect].reads ? gateOf(db).run(work) : work());

/** A short write transaction that finds what was read changed gives way to another try; the last try does everything in one transaction. */
const ATTEMPTS = 3;

/**
 * Reads, scores and writes. In a transaction (`db` is one), all three happen in it. Given the
 * database, the reads and the scoring happen outside any transaction and the write in a short one,
 * which reads again first and writes only if the fingerprint of what was read is unchanged.
 */
async function readScoreWrite<D extends { fingerprint: string }, S, R>(
  db: Queryable,
  read: (q: Queryable) => Promise<D>,
  score: (d: D) => Promise<S>,
  write: (tx: Tx, d: D, s: S) => Promise<R>,
): Promise<R> {
  const inOne = async (tx: Tx) => {
    const d = await read(tx);
    return write(tx, d, await score(d));
  };
  if (!isDatabase(db)) return inOne(db);
  for (let attempt = 1; attempt < ATTEMPTS; attempt++) {
    const d = await reading(db, () => read(db));
    const s = await score(d);
    const written = await writing(db, async (tx) => ((await read(tx)).fingerprint === d.fingerprint ? { r: await write(tx, d, s) } : null));
    if (written) return written.r;
  }
  return writing(db, inOne);
}

interface Evaluated {
  submission: Submission;
  input: SubmissionInput;
  result: Evaluation;
}

async function store(tx: Tx, kind: BatchKind, version: LoadedVersion['version'], evaluated: Evaluated[], actor: string) {
  const batchId = randomUUID();
  const stored = await insertEvaluations(
    tx,
    { id: batchId, kind, versionLabel: version.version },
    evaluated.map(({ submission, input, result }) => ({
      periodId: submission.periodId,
      submissionId: submission.id,
      revision: submission.revision,
      versionId: version.id,
      input,
      result,
    })),
    actor,
  );
  return { batchId, stored };
}

export interface PeriodEvaluation {
  periodId: string;
  versionId: string;
  batchId: string;
  evaluations: EvaluationSummary[];
}

type PeriodBatch = PeriodEvaluation & { stored: StoredEvaluation[]; loaded: LoadedVersion };

/**
 * A period's stored evaluations are made only under its pinned version and only until its results
 * are published (the trigger in 0004_integrity.sql holds it for every SQL client too). Another
 * version is what what-if is for: computed, never stored as the period's.
 */
function assertStorable(period: Period, versionId?: string): void {
  if (period.status === 'published') {
    throw new Problem('period-locked', {
      vi: `Kết quả kỳ đánh giá "${period.title}" đã công bố và là kết quả cuối cùng; không đánh giá lại được.`,
      en: `The results of period "${period.title}" are published and final; it cannot be evaluated again.`,
    });
  }
  if (versionId !== undefined && versionId !== period.versionId) {
    throw fieldProblem('not-pinned-version', '/versionId', {
      vi: `Kỳ "${period.title}" được đánh giá theo phiên bản đã chọn cho kỳ; để xem kết quả theo phiên bản khác, hãy dùng chức năng Giả định (không lưu).`,
      en: `Period "${period.title}" is evaluated under its pinned version; to see results under another version, use what-if (nothing is stored).`,
    });
  }
}

/** What a period's batch is scored from: the period as it is now, its version, its evaluable submissions. */
async function readPeriod(q: Queryable, period: Period, versionId?: string) {
  const read = await periodInputs(q, period, versionId);
  assertStorable(period, versionId);
  if (!read.submissions.length) throw nothingToEvaluate(period);
  return { ...read, period, fingerprint: fingerprintOf(period, read, read.submissions, read.inputs) };
}

type PeriodRead = Awaited<ReturnType<typeof readPeriod>>;

const scorePeriod = (read: PeriodRead) => evaluateBatch(read, read.inputs, read.period.year);

async function storePeriod(tx: Tx, read: PeriodRead, results: Evaluation[], actor: string): Promise<PeriodBatch> {
  const { period, version, compiled } = read;
  const evaluated = results.map((result, i) => ({ submission: read.submissions[i], input: read.inputs[i], result }));
  const { batchId, stored } = await store(tx, 'period', version, evaluated, actor);
  await recordAudit(tx, {
    actor,
    action: 'evaluate',
    resource: 'periods',
    resourceId: period.id,
    after: {
      batchId,
      versionId: version.id,
      versionHash: results[0].hashes.version,
      evaluations: stored.map((e) => ({
        id: e.id,
        agencyId: e.agencyId,
        total: e.total,
        band: e.result.band?.id ?? null,
        resultHash: e.hashes.result,
      })),
    },
  });
  return {
    periodId: period.id,
    versionId: version.id,
    batchId,
    evaluations: stored.map(summaryOf),
    stored,
    loaded: { version, compiled },
  };
}

/** Evaluates and stores a period's batch in the caller's transaction; also returns the stored evaluations in full, for ranking them. */
export function evaluatePeriodBatch(tx: Tx, period: Period, actor: string, versionId?: string): Promise<PeriodBatch> {
  return readScoreWrite(
    tx,
    (q) => readPeriod(q, period, versionId),
    scorePeriod,
    (t, read, results) => storePeriod(t, read, results, actor),
  );
}

/** Evaluates and stores a period's batch: in the transaction given, or, given the database, in a short one of its own. */
export async function evaluatePeriod(db: Queryable, periodId: string, actor: string, versionId?: string): Promise<PeriodEvaluation> {
  const {
    stored: _s,
    loaded: _l,
    ...evaluation
  } = await readScoreWrite(
    db,
    async (q) => readPeriod(q, await requirePeriod(q, periodId), versionId),
    scorePeriod,
    (tx, read, results) => storePeriod(tx, read, results, actor),
  );
  return evaluation;
}

/**
 * One submission, scored in its cohort's context: the bests of the period's other evaluable
 * submissions when the version compares agencies with their cohort's best, else alone. In the
 * transaction given, or, given the database, written in a short one of its own.
 */
export function evaluateOne(db: Queryable, submissionId: string, actor: Actor, versionId?: string): Promise<EvaluationRead> {
  return readScoreWrite(
    db,
    async (q) => {
      const submission = await submissionFor(q, actor, submissionId);
      assertSubmissionStatus(submission, EVALUABLE, { vi: 'đánh giá bản chưa nộp', en: 'evaluate a submission that was not submitted' });
      const period = await requirePeriod(q, submission.periodId);
      const loaded = await periodVersion(q, period, versionId);
      assertStorable(period, versionId);
      const input = submissionInput(submission, await requireAgency(q, submission.agencyId));
      const others = loaded.compiled.cohortValues.length
        ? (await submissionsOfPeriod(q, period.id, EVALUABLE)).filter((s) => s.id !== submission.id)
        : [];
      const otherInputs = await submissionInputs(q, others);
      const fingerprint = fingerprintOf(period, loaded, [submission, ...others], [input, ...otherInputs]);
      return { submission, period, loaded, input, otherInputs, fingerprint };
    },
    ({ loaded, input, otherInputs, period }) => evaluateInCohort(loaded, input, otherInputs, period.year),
    async (tx, { submission, input, loaded: { version } }, { result, view }) => {
      const [stored] = (await store(tx, 'submission', version, [{ submission, input, result }], actor.username)).stored;
      await recordAudit(tx, {
        actor: actor.username,
        action: 'create',
        resource: 'evaluations',
        resourceId: stored.id,
        after: {
          submissionId: submission.id,
          revision: submission.revision,
          versionId: version.id,
          total: result.total,
          band: result.band?.id ?? null,
          hashes: result.hashes,
        },
      });
      return asRead(stored, view);
    },
  );
}

/**
 * A stored evaluation as the API shows it: `result` is the view a person reads (titles, explanations,
 * traces in words), `record` the record exactly as stored and hashed.
 */
export type EvaluationRead = Omit<StoredEvaluation, 'result'> & { result: EvaluationView; record: StoredEvaluation['result'] };

const asRead = (stored: StoredEvaluation, view: EvaluationView): EvaluationRead => ({ ...stored, result: view, record: stored.result });

export async function readEvaluation(db: Queryable, actor: Actor, id: string): Promise<EvaluationRead> {
  const stored = await requireEvaluation(db, id);
  assertAgencyAccess(actor, stored.agencyId);
  const { compiled } = await loadVersion(db, stored.versionId);
  return asRead(stored, viewsOf(compiled, [stored.result])[0]);
}

export async function listEvaluationsFor(db: Queryable, actor: Actor, filter: EvaluationFilter, page: Page) {
  await assertRuleSetFilter(db, filter.ruleSet);
  await assertCohortFilter(db, filter.cohort, filter.ruleSet);
  return listEvaluations(db, { ...filter, agencyId: scopedAgency(actor, filter.agencyId) }, page);
}
