// Rankings: a period's current ranking (from its newest evaluation), publishing it (the evaluator
// freezes a snapshot with its hash), the published rankings, and their replay.
import { Router } from 'express';
import type { AppContext } from '../context';
import { allow } from '../auth';
import { listOf, responds } from '../declare';
import { filterBoolean, filterString, pageOf, parseListQuery, sendList } from '../list';
import { object, validateBody } from '../validate';
import {
  correctPublishedRanking,
  currentRanking,
  listPublishedRankings,
  publishRanking,
  PUBLISHED_RANKING_SORT,
  readPublishedRanking,
} from '../../services/rankings';
import { replayPublishedRanking } from '../../services/replay';
import { Problem } from '../../problems/problem';

const text = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength, pattern: '\\S' });

/** The decision approving the results, as the province issues it (date as an ISO day). */
export const decisionSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['number', 'date', 'issuer', 'signerTitle', 'signerName'],
  properties: {
    number: { ...text(50), description: 'Số/ký hiệu, e.g. 2923/QĐ-UBND.' },
    date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'ISO day it was signed.' },
    issuer: { ...text(200), description: 'e.g. Ủy ban nhân dân tỉnh Sơn La.' },
    signerTitle: { ...text(100), description: 'e.g. Chủ tịch, or KT. Chủ tịch – Phó Chủ tịch.' },
    signerName: { ...text(100) },
  },
};

export const publishBody = object({ decision: decisionSchema }, ['decision']);
export const correctionBody = object({ decision: decisionSchema, reason: text(2000) }, ['decision', 'reason']);

export function routes(ctx: AppContext): Router {
  const router = Router();

  router.get('/periods/:id/ranking', allow('periods', 'rank'), responds(200, 'CurrentRanking'), async (req, res) => {
    res.json(await currentRanking(ctx.db, req.params.id as string));
  });

  router.post(
    '/periods/:id/ranking/publish',
    allow('periods', 'publishRanking'),
    validateBody(publishBody),
    responds(201, 'PublishedRanking'),
    async (req, res) => {
      const snapshot = await ctx.db.transaction((tx) => publishRanking(tx, req.params.id as string, req.body, req.user.username));
      res.status(201).json(snapshot);
    },
  );

  router.post(
    '/published-rankings/:id/corrections',
    allow('published-rankings', 'correct'),
    validateBody(correctionBody),
    responds(201, 'PublishedRanking'),
    async (req, res) => {
      const snapshot = await ctx.db.transaction((tx) => correctPublishedRanking(tx, req.params.id as string, req.body, req.user.username));
      res.status(201).json(snapshot);
    },
  );

  router.get('/published-rankings', allow('published-rankings', 'read'), listOf('PublishedRanking'), async (req, res) => {
    const q = parseListQuery(req, {
      sortable: Object.keys(PUBLISHED_RANKING_SORT),
      filters: ['periodId', 'ruleSet', 'year', 'inForce'],
      defaultSort: ['publishedAt', 'DESC'],
    });
    const year = filterString(q, 'year');
    if (year !== undefined && !/^\d{4}$/.test(year)) {
      throw new Problem('invalid-query', { vi: '"year" phải là năm (4 chữ số).', en: '"year" must be a 4-digit year.' });
    }
    const { rows, total } = await listPublishedRankings(
      ctx.db,
      {
        id: q.filter.id as string[] | undefined,
        periodId: filterString(q, 'periodId'),
        ruleSet: filterString(q, 'ruleSet'),
        year: year === undefined ? undefined : Number(year),
        inForce: filterBoolean(q, 'inForce'),
      },
      pageOf(q, PUBLISHED_RANKING_SORT),
    );
    sendList(res, 'published-rankings', rows, total, q.offset);
  });

  router.get('/published-rankings/:id', allow('published-rankings', 'read'), responds(200, 'PublishedRankingRead'), async (req, res) => {
    res.json(await readPublishedRanking(ctx.db, req.params.id as string));
  });

  router.post('/published-rankings/:id/replay', allow('published-rankings', 'replay'), responds(200, 'RankingReplay'), async (req, res) => {
    res.json(await replayPublishedRanking(ctx.db, req.params.id as string));
  });

  return router;
}
