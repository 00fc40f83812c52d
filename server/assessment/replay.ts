// Replay: recompute a stored evaluation, or a published ranking, from the stored inputs and the
// stored version document, and say whether the stored result comes back exactly (same hash, no
// difference anywhere in the tree) — or where it does not.
import {
  ENGINE_VERSION,
  evaluateSubmission,
  evaluateSubmissions,
  rankEvaluations,
  rankingHashOf,
  resultHashOf,
} from '../engine';
import type { Queryable } from '../store/db';
import { DomainError } from '../store/errors';
import { evaluationsByIds, requireEvaluation } from '../store/evaluations';
import { requirePublishedRanking } from '../store/rankings';
import { requireVersion } from '../store/versions';
import { compiledFor } from './compiled';
import { jsonDifferences, type Difference } from './differences';

export interface ReplayReport {
  verified: boolean;
  expectedHash: string;
  actualHash: string;
  /** The stored document hashes to its stored hash (false: it was changed after the fact). */
  storedIntact: boolean;
  versionHash: { expected: string; actual: string };
  engineVersion: { stored: string; current: string };
  differences: Difference[];
}

export async function replayEvaluation(db: Queryable, id: string): Promise<ReplayReport & { evaluationId: string }> {
  const stored = await requireEvaluation(db, id);
  const version = await requireVersion(db, stored.versionId);
  const compiled = compiledFor(version.document);
  const actual = await evaluateSubmission(compiled, stored.input, stored.result.context);
  const differences = jsonDifferences(stored.result, actual);
  const storedIntact = resultHashOf(stored.result) === stored.hashes.result;
  return {
    evaluationId: stored.id,
    verified: differences.length === 0 && storedIntact && actual.hashes.result === stored.hashes.result,
    expectedHash: stored.hashes.result,
    actualHash: actual.hashes.result,
    storedIntact,
    versionHash: { expected: stored.hashes.version, actual: compiled.hash },
    engineVersion: { stored: stored.engineVersion, current: ENGINE_VERSION },
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
    throw new DomainError('conflict', 'evaluations-missing', {
      vi: 'Không tìm thấy đủ các kết quả đánh giá mà bảng xếp hạng đã công bố dựa trên.',
      en: 'Some evaluations the published ranking was computed from are missing.',
    });
  }
  const version = await requireVersion(db, snapshot.versionId);
  const compiled = compiledFor(version.document);
  const results = await evaluateSubmissions(compiled, stored.map((e) => e.input));
  const ranking = rankEvaluations(compiled, results);
  const evaluationDifferences = stored.flatMap((e, i) =>
    jsonDifferences(e.result, results[i], 50).map((d) => ({ ...d, path: `/evaluations/${e.agencyId}${d.path}` })),
  );
  const differences = [...jsonDifferences(snapshot.ranking, ranking), ...evaluationDifferences];
  const storedIntact = snapshot.ranking !== undefined && rankingHashOf(snapshot.ranking) === snapshot.hash;
  return {
    publishedRankingId: snapshot.id,
    verified: differences.length === 0 && storedIntact && ranking.hash === snapshot.hash,
    expectedHash: snapshot.hash,
    actualHash: ranking.hash,
    storedIntact,
    versionHash: { expected: snapshot.ranking?.versionHash ?? '', actual: compiled.hash },
    engineVersion: { stored: stored[0]?.engineVersion ?? ENGINE_VERSION, current: ENGINE_VERSION },
    differences,
  };
}
