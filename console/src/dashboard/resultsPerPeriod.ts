import type { EvaluationSummary, PublishedRanking } from '../../../server/api/types';

export interface PeriodResults {
  periodId: string;
  /** The period's result: the evaluation in its published ranking, or else its latest evaluation. */
  official: EvaluationSummary;
  published: PublishedRanking | null;
  /** Every other evaluation of the period, newest first. */
  others: EvaluationSummary[];
}

/**
 * An agency's evaluations as one result per period: a period may be evaluated several times, but
 * only one of those is its result — the one its published ranking was made from, or, until it is
 * published, the latest one.
 */
export function resultsPerPeriod(evaluations: readonly EvaluationSummary[], published: readonly PublishedRanking[]): PeriodResults[] {
  const newestFirst = [...evaluations].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  const periods = [...new Set(newestFirst.map((e) => e.periodId))];
  return periods.map((periodId) => {
    const ofPeriod = newestFirst.filter((e) => e.periodId === periodId);
    const ranking = published.find((p) => p.periodId === periodId) ?? null;
    const inRanking = ranking ? ofPeriod.find((e) => ranking.evaluationIds.includes(e.id)) : undefined;
    const official = inRanking ?? ofPeriod[0];
    return { periodId, official, published: inRanking ? ranking : null, others: ofPeriod.filter((e) => e.id !== official.id) };
  });
}
