// The scoring pool: the engine's work of an evaluation and of what-if in worker threads gives, byte
// for byte, what the same calls give in-process (records, hashes, views, scores and ranks), on the
// shipped Son La 2021 version and its demo submissions; small tasks stay in-process; a version's
// document travels to a worker only until the worker has compiled it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CohortBests,
  compileVersion,
  evaluateSubmission,
  evaluateSubmissions,
  explainEvaluation,
  rankEvaluations,
  scoreSubmissions,
  type CompiledVersion,
  type RuleSetVersion,
  type SubmissionInput,
} from '../../server/engine';
import type { LoadedVersion } from '../../server/services/compiled';
import { closeScoringPool, evaluateBatch, evaluateInCohort, scoreUnderBoth, scoringPoolStatus } from '../../server/services/scoring/pool';
import scoringWorker, { MISSING } from '../../server/services/scoring/tasks';
import { sonLa2021, withGoodThreshold } from '../support/fixtures';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const document = JSON.parse(readFileSync(path.join(root, 'rules/son-la/2021.json'), 'utf8')) as RuleSetVersion;
const inputs = (JSON.parse(readFileSync(path.join(root, 'rules/demo/son-la-2021.submissions.json'), 'utf8')) as SubmissionInput[]).map(
  ({ agency, facts }) => ({ agency, facts }),
);
const YEAR = 2021;

/** A version as the services load it: what the pool reads of it is its key (the stored hash) and its document. */
function loadedOf(doc: RuleSetVersion, id: string): LoadedVersion {
  const compiled = compileVersion(doc);
  return { version: { id, hash: compiled.hash, etag: 'e', document: doc } as LoadedVersion['version'], compiled };
}

const json = (value: unknown) => JSON.stringify(value);
const ranksOf = (compiled: CompiledVersion, scores: ReturnType<typeof scoreSubmissions>) =>
  rankEvaluations(compiled, scores).cohorts.flatMap((c) => c.entries.map((e) => [e.agencyId, e.rank]));

afterAll(closeScoringPool);

describe('the scoring pool', () => {
  const loaded = loadedOf(document, 'son-la-2021');

  it('has one thread fewer than the CPUs, at least one', () => {
    expect(scoringPoolStatus().threads).toBeGreaterThanOrEqual(1);
  });

  it("evaluates a period's batch in a worker thread to the same bytes as in-process: every record and its hashes", async () => {
    const inProcess = evaluateSubmissions(loaded.compiled, inputs, { year: YEAR });
    const before = scoringPoolStatus().completed;
    const pooled = await evaluateBatch(loaded, inputs, YEAR);
    expect(scoringPoolStatus().completed).toBeGreaterThan(before);
    expect(pooled).toHaveLength(inputs.length);
    expect(pooled.map((r) => r.hashes)).toEqual(inProcess.map((r) => r.hashes));
    pooled.forEach((record, i) => expect(json(record)).toBe(json(inProcess[i])));
    expect(new Set(pooled.map((r) => r.hashes.version))).toEqual(new Set([loaded.compiled.hash]));
  });

  it("evaluates one submission in its cohort's context in a worker thread: the same record and view", async () => {
    const [input, ...others] = inputs;
    const bests = new CohortBests(loaded.compiled, { year: YEAR });
    for (const other of others) bests.add(other);
    bests.add(input);
    const record = evaluateSubmission(loaded.compiled, input, bests.contextFor(input));
    const pooled = await evaluateInCohort(loaded, input, others, YEAR);
    expect(json(pooled.result)).toBe(json(record));
    expect(json(pooled.view)).toBe(json(explainEvaluation(loaded.compiled, record)));
  });

  it('scores and ranks what-if under two versions in a worker thread: the same scores and ranks', async () => {
    const target = loadedOf(withGoodThreshold(sonLa2021(), 70), 'draft');
    const before = scoreSubmissions(loaded.compiled, inputs, { year: YEAR });
    const after = scoreSubmissions(target.compiled, inputs, { year: YEAR });
    const pooled = await scoreUnderBoth(loaded, target, inputs, YEAR);
    expect(json(pooled.before)).toBe(json(before));
    expect(json(pooled.after)).toBe(json(after));
    expect(pooled.beforeRanks).toEqual(ranksOf(loaded.compiled, before));
    expect(pooled.afterRanks).toEqual(ranksOf(target.compiled, after));
    expect(json(pooled.after)).not.toBe(json(pooled.before));
  });

  it('scores a task of fewer than four submissions in-process', async () => {
    const before = scoringPoolStatus().completed;
    const few = await evaluateBatch(loaded, inputs.slice(0, 3), YEAR);
    expect(scoringPoolStatus().completed).toBe(before);
    expect(json(few)).toBe(json(evaluateSubmissions(loaded.compiled, inputs.slice(0, 3), { year: YEAR })));
  });

  it("asks for a version's document only until it has compiled the version", () => {
    const key = `test:${loaded.compiled.hash}`;
    const task = { kind: 'batch' as const, version: { key }, inputs: inputs.slice(0, 2), year: YEAR };
    expect(scoringWorker(task)).toBe(MISSING);
    const first = scoringWorker({ ...task, version: { key, document } });
    expect(scoringWorker(task)).toBe(first);
    expect(first).toBe(json(evaluateSubmissions(loaded.compiled, inputs.slice(0, 2), { year: YEAR })));
  });
});
