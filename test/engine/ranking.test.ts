import { describe, expect, it } from 'vitest';
import { compileVersion, evaluateSubmissions, rankEvaluations } from '../../server/engine';
import { criterion, dept, DISTRICTS, num, PROVINCIAL, versionWith } from './support/version';

const version = versionWith(
  [
    criterion('1.1', 60, { method: 'proportional', numerator: 'x', denominator: 100 }),
    criterion('1.2', 40, { method: 'proportional', numerator: 'y', denominator: 100 }),
  ],
  [num('x'), num('y')],
  {
    cohorts: [PROVINCIAL, { ...DISTRICTS, ranked: false }],
  },
);
const compiled = compileVersion(version);
const sub = (id: string, x: number, y: number, kind = 'department') => ({ agency: { ...dept(id), kind }, facts: { x, y } });

describe('ranking per cohort', () => {
  it('shares ranks between ties and skips the next (1, 2, 2, 4)', async () => {
    const distinct = evaluateSubmissions(compiled, [sub('a', 100, 100), sub('b', 50, 50), sub('c', 100, 50), sub('d', 50, 100)]);
    expect(rankEvaluations(compiled, distinct).cohorts[0].entries.map((e) => [e.agencyId, e.rank])).toEqual([
      ['a', 1],
      ['c', 2],
      ['d', 3],
      ['b', 4],
    ]);
    const tied = evaluateSubmissions(compiled, [sub('a', 100, 100), sub('b', 50, 50), sub('c', 100, 25), sub('d', 75, 62.5)]);
    expect(tied.map((e) => e.total)).toEqual([100, 50, 70, 70]);
    const ranking = rankEvaluations(compiled, tied);
    expect(ranking.cohorts[0].entries.map((e) => [e.agencyId, e.rank])).toEqual([
      ['a', 1],
      ['c', 2],
      ['d', 2],
      ['b', 4],
    ]);
  });

  it('breaks ties with the version’s tie-breakers', async () => {
    const withBreaker = compileVersion({ ...version, ranking: { by: 'total', tieBreakers: [{ node: '1.2', order: 'descending' }] } });
    const evs = evaluateSubmissions(withBreaker, [sub('c', 100, 25), sub('d', 75, 62.5)]);
    expect(rankEvaluations(withBreaker, evs).cohorts[0].entries.map((e) => [e.agencyId, e.rank])).toEqual([
      ['d', 1],
      ['c', 2],
    ]);
  });

  it('ranks each cohort separately and leaves an unranked cohort without ranks', async () => {
    const evs = evaluateSubmissions(compiled, [sub('a', 10, 10), sub('x', 100, 100, 'district'), sub('y', 50, 50, 'district')]);
    const ranking = rankEvaluations(compiled, evs);
    expect(ranking.cohorts.map((c) => c.cohort)).toEqual(['so-nganh', 'huyen']);
    expect(ranking.cohorts[0].entries[0].rank).toBe(1);
    expect(ranking.cohorts[1].entries.map((e) => [e.agencyId, e.rank])).toEqual([
      ['x', null],
      ['y', null],
    ]);
  });

  it('publishes the average as the mean of the cohort means', async () => {
    const evs = evaluateSubmissions(compiled, [sub('a', 60, 20), sub('b', 80, 40), sub('x', 50, 50, 'district')]);
    const ranking = rankEvaluations(compiled, evs);
    // provincial 44 and 64 → 54; districts 50 → (54 + 50) ÷ 2 = 52
    expect(ranking.cohorts.map((c) => c.average)).toEqual([54, 50]);
    expect(ranking.average).toBe(52);
  });
});
