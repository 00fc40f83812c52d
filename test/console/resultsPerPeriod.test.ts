// An agency's dashboard shows one result per period (console/src/dashboard/resultsPerPeriod.ts):
// the evaluation its published ranking was made from, or, until publication, the latest one; the
// other evaluations of the period are kept apart, never shown as results of their own.
import { describe, expect, it } from 'vitest';
import { resultsPerPeriod } from '../../console/src/dashboard/resultsPerPeriod';
import type { EvaluationSummary, PublishedRanking } from '../../server/api/types';

const ev = (id: string, periodId: string, createdAt: string) => ({ id, periodId, createdAt, total: 90 }) as unknown as EvaluationSummary;
const ranking = (periodId: string, evaluationIds: string[]) =>
  ({ id: `r-${periodId}`, periodId, evaluationIds }) as unknown as PublishedRanking;

describe('resultsPerPeriod', () => {
  const rows = [
    ev('a1', 'p2021', '2026-11-01T08:00:00.000Z'),
    ev('a2', 'p2021', '2026-11-03T08:00:00.000Z'),
    ev('a3', 'p2021', '2026-11-02T08:00:00.000Z'),
    ev('b1', 'p2023', '2026-11-04T08:00:00.000Z'),
  ];

  it('without a published ranking, the latest evaluation of each period is its (provisional) result', () => {
    const results = resultsPerPeriod(rows, []);
    expect(results.map((r) => [r.periodId, r.official.id, r.published, r.others.map((o) => o.id)])).toEqual([
      ['p2023', 'b1', null, []],
      ['p2021', 'a2', null, ['a3', 'a1']],
    ]);
  });

  it("the evaluation in the period's published ranking is its official result, even when a later one exists", () => {
    const published = ranking('p2021', ['x9', 'a3']);
    const [, r2021] = resultsPerPeriod(rows, [published, ranking('p2023', ['someone-else'])]);
    expect(r2021.official.id).toBe('a3');
    expect(r2021.published).toBe(published);
    expect(r2021.others.map((o) => o.id)).toEqual(['a2', 'a1']);
    // a ranking the agency is not in makes none of its evaluations official
    expect(resultsPerPeriod(rows, [ranking('p2023', ['someone-else'])])[0]).toMatchObject({ periodId: 'p2023', published: null });
  });
});
