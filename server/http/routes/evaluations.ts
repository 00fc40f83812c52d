// Evaluations: a whole period or one submission under the pinned version (or any version of the
// same rule set on request), stored with hashes and the full trace; listing, reading and replay.
import { Router } from 'express';
import type { AppContext } from '../context';
import { evaluators, readers, replayers, scopedAgency, submissionFor, versionIdBody } from '../assessment';
import { assertAgencyAccess } from '../auth';
import { filterBoolean, filterString, pageOf, parseListQuery, sendList } from '../list';
import { validateBody } from '../validate';
import { evaluateOne, evaluatePeriod, readEvaluation } from '../../assessment/evaluate';
import { replayEvaluation } from '../../assessment/replay';
import { EVALUATION_SORT, listEvaluations } from '../../store/evaluations';

export function routes(ctx: AppContext): Router {
  const router = Router();

  router.post('/periods/:id/evaluate', evaluators(), validateBody(versionIdBody), async (req, res) => {
    const result = await ctx.db.transaction((tx) => evaluatePeriod(tx, req.params.id as string, req.user.username, req.body.versionId));
    res.status(201).json(result);
  });

  router.post('/submissions/:id/evaluate', evaluators(), validateBody(versionIdBody), async (req, res) => {
    const id = req.params.id as string;
    await submissionFor(req, ctx.db, id);
    const evaluationId = await ctx.db.transaction((tx) => evaluateOne(tx, id, req.user.username, req.body.versionId));
    res.status(201).json(await readEvaluation(ctx.db, evaluationId));
  });

  router.get('/evaluations', readers(), async (req, res) => {
    const q = parseListQuery(req, {
      sortable: Object.keys(EVALUATION_SORT),
      filters: ['periodId', 'submissionId', 'agencyId', 'versionId', 'batchId', 'cohort', 'band', 'latest'],
      defaultSort: ['createdAt', 'DESC'],
    });
    const { rows, total } = await listEvaluations(
      ctx.db,
      {
        id: q.filter.id as string[] | undefined,
        periodId: filterString(q, 'periodId'),
        submissionId: filterString(q, 'submissionId'),
        agencyId: scopedAgency(req, filterString(q, 'agencyId')),
        versionId: filterString(q, 'versionId'),
        batchId: filterString(q, 'batchId'),
        cohort: filterString(q, 'cohort'),
        band: filterString(q, 'band'),
        latest: filterBoolean(q, 'latest'),
      },
      pageOf(q, EVALUATION_SORT),
    );
    sendList(res, 'evaluations', rows, total, q.offset);
  });

  router.get('/evaluations/:id', readers(), async (req, res) => {
    const evaluation = await readEvaluation(ctx.db, req.params.id as string);
    assertAgencyAccess(req, evaluation.agencyId);
    res.json(evaluation);
  });

  router.post('/evaluations/:id/replay', replayers(), async (req, res) => {
    res.json(await replayEvaluation(ctx.db, req.params.id as string));
  });

  return router;
}
