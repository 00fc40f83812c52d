// Replay: recompute a stored evaluation, or a published ranking, from the stored inputs and the
// stored version document, and say whether the stored result comes back exactly — or where it does
// not. Under the engine that stored it, the record must come back byte for byte (same hash); under a
// newer engine, what it means must (every node's status, exact points and maximum; totals, band,
// result fields), and the report says which engines stored and replayed it.
import {
  bi,
  compileVersion,
  ENGINE_VERSION,
  evaluateSubmission,
  evaluateSubmissions,
  type Evaluation,
  type EvaluationView,
  meaningOf,
  rankEvaluations,
  rankingHashOf,
  resultHashOf,
} from '../engine';
import type { Queryable } from '../store/db';
import { evaluationsByIds, requireEvaluation } from '../store/evaluations';
import { requirePublishedRanking } from '../store/rankings';
import { requireVersion } from '../store/versions';
import { requirePeriod } from '../store/periods';
import { jsonDifferences, resultNamer, type Difference, type StepNamer } from './differences';
import type { ReplayReport } from '../api/types';
import { Problem } from '../problems/problem';

export type { ReplayReport } from '../api/types';

/** Differences between a stored result and its recomputation, as the engines allow comparing them. */
function compare(
  namer: StepNamer,
  stored: Evaluation | EvaluationView,
  actual: Evaluation,
  limit?: number,
): { compared: ReplayReport['compared']; differences: Difference[] } {
  if (stored.engineVersion === ENGINE_VERSION) return { compared: 'record', differences: jsonDifferences(stored, actual, limit, namer) };
  // The meaning has no agency name of its own: the trail starts with the stored record's.
  const agency = bi(stored.agencyName, stored.agencyName);
  return {
    compared: 'meaning',
    differences: jsonDifferences(meaningOf(stored), meaningOf(actual), limit, (value, step) =>
      step.key === '' ? agency : namer(value, step),
    ),
  };
}

export async function replayEvaluation(db: Queryable, id: string): Promise<ReplayReport & { evaluationId: string }> {
  const stored = await requireEvaluation(db, id);
  const version = await requireVersion(db, stored.versionId);
  // Compiled afresh, not from memory: replay re-hashes the document as stored now.
  const compiled = compileVersion(version.document);
  const actual = evaluateSubmission(compiled, stored.input, stored.result.context);
  const { compared, differences } = compare(resultNamer(compiled), stored.result, actual);
  const storedIntact = resultHashOf(stored.result) === stored.hashes.result;
  const sameHash = compared === 'meaning' || actual.hashes.result === stored.hashes.result;
  return {
    evaluationId: stored.id,
    verified: differences.length === 0 && storedIntact && sameHash,
    expectedHash: stored.hashes.result,
    actualHash: actual.hashes.result,
    storedIntact,
    versionHash: { expected: stored.hashes.version, actual: compiled.hash },
    engineVersion: { stored: stored.engineVersion, current: ENGINE_VERSION },
    compared,
    differences,
  };
}

/**
 * Re-evaluates the published batch (all together, so cohort-relative criteria are recomputed too)
 * and re-ranks it. Each stored evaluation is compared as well, under /evaluations/<agencyId>.
 */
export async function replayPublishedRanking(db: Queryable, id: string): Promise<ReplayReport & { publishedRankingId: string }> {
  const snapshot = await requirePublishedRanking(db, id);
  const stored = await evaluationsByIds(db, snapshot.evaluationIds);
  if (stored.length !== snapshot.evaluationIds.length) {
    throw new Problem('evaluations-missing', {
      vi: 'Không tìm thấy đủ các kết quả đánh giá mà bảng xếp hạng đã công bố dựa trên.',
      en: 'Some evaluations the published ranking was computed from are missing.',
    });
  }
  const version = await requireVersion(db, snapshot.versionId);
  // Compiled afresh, not from memory: replay re-hashes the document as stored now.
  const compiled = compileVersion(version.document);
  // The year the batch was evaluated for is in its context when a condition read it; else the period's.
  const year = stored[0]?.result.context.year ?? (await requirePeriod(db, snapshot.periodId)).year;
  const results = evaluateSubmissions(
    compiled,
    stored.map((e) => e.input),
    { year },
  );
  const ranking = rankEvaluations(compiled, results);
  let compared: ReplayReport['compared'] = 'record';
  const namer = resultNamer(compiled);
  const evaluationDifferences = stored.flatMap((e, i) => {
    const c = compare(namer, e.result, results[i], 50);
    if (c.compared === 'meaning') compared = 'meaning';
    return c.differences.map((d) => ({ ...d, path: `/evaluations/${e.agencyId}${d.path}` }));
  });
  const differences = [...jsonDifferences(snapshot.ranking, ranking, 200, namer), ...evaluationDifferences];
  const storedIntact = snapshot.ranking !== undefined && rankingHashOf(snapshot.ranking) === snapshot.hash;
  return {
    publishedRankingId: snapshot.id,
    verified: differences.length === 0 && storedIntact && ranking.hash === snapshot.hash,
    expectedHash: snapshot.hash,
    actualHash: ranking.hash,
    storedIntact,
    versionHash: { expected: snapshot.ranking?.versionHash ?? '', actual: compiled.hash },
    engineVersion: { stored: stored[0]?.engineVersion ?? ENGINE_VERSION, current: ENGINE_VERSION },
    compared,
    differences,
  };
}
