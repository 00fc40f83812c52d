// Evaluations: a whole period or one submission under the pinned version (or any version of the
// same rule set on request), stored with hashes and the full trace; listing, reading and replay.
import { Router } from 'express';
import type { AppContext } from '../context';
import { versionIdBody } from '../assessment';
import { allow } from '../auth';
import { listOf, responds } from '../declare';
import { filterBoolean, filterString, pageOf, parseListQuery, sendList } from '../list';
import { validateBody } from '../validate';
import { evaluateOne, evaluatePeriod, EVALUATION_SORT, listEvaluationsFor, readEvaluation } from '../../services/evaluate';
import { replayEvaluation } from '../../services/replay';
import { cohortComparison } from '../../services/cohortComparison';

const EVALUATION_FILTERS = {
  id: 'evaluation ids (one or an array)',
  periodId: 'evaluations in this period',
  submissionId: 'evaluations of this submission',
  agencyId: "this agency's evaluations",
  versionId: 'evaluations under this version',
  batchId: 'evaluations of this batch',
  cohort: 'evaluations in this cohort (one a version of ruleSet, or of any rule set, defines)',
  band: 'evaluations with this band',
  latest: 'true: only the newest evaluation of each submission under each version',
  ruleSet: 'evaluations under versions of this rule set',
};

export function routes(ctx: AppContext): Router {
  const router = Router();

  router.post(
    '/periods/:id/evaluate',
    allow('periods', 'evaluate'),
    validateBody(versionIdBody),
    responds(201, 'PeriodEvaluation'),
    async (req, res) => {
      // Given the database, the service scores outside any transaction and writes in a short one.
      const result = await evaluatePeriod(ctx.db, req.params.id as string, req.user.username, req.body.versionId);
      res.status(201).json(result);
    },
  );

  router.post(
    '/submissions/:id/evaluate',
    allow('submissions', 'evaluate'),
    validateBody(versionIdBody),
    responds(201, 'Evaluation'),
    async (req, res) => {
      res.status(201).json(await evaluateOne(ctx.db, req.params.id as string, req.user, req.body.versionId));
    },
  );

  router.get('/evaluations', allow('evaluations', 'read'), listOf('EvaluationSummary', EVALUATION_FILTERS), async (req, res) => {
    const q = parseListQuery(req, {
      sortable: Object.keys(EVALUATION_SORT),
      filters: ['periodId', 'submissionId', 'agencyId', 'versionId', 'batchId', 'cohort', 'band', 'latest', 'ruleSet'],
      defaultSort: ['createdAt', 'DESC'],
    });
    const { rows, total } = await listEvaluationsFor(
      ctx.db,
      req.user,
      {
        id: q.filter.id as string[] | undefined,
        periodId: filterString(q, 'periodId'),
        submissionId: filterString(q, 'submissionId'),
        agencyId: filterString(q, 'agencyId'),
        versionId: filterString(q, 'versionId'),
        batchId: filterString(q, 'batchId'),
        cohort: filterString(q, 'cohort'),
        band: filterString(q, 'band'),
        latest: filterBoolean(q, 'latest'),
        ruleSet: filterString(q, 'ruleSet'),
      },
      pageOf(q, EVALUATION_SORT),
    );
    sendList(res, 'evaluations', rows, total, q.offset);
  });

  router.get('/evaluations/:id', allow('evaluations', 'read'), responds(200, 'Evaluation'), async (req, res) => {
    res.json(await readEvaluation(ctx.db, req.user, req.params.id as string));
  });

  router.get('/evaluations/:id/cohort-comparison', allow('evaluations', 'read'), responds(200, 'CohortComparison'), async (req, res) => {
    res.json(await cohortComparison(ctx.db, req.user, req.params.id as string));
  });

  router.post('/evaluations/:id/replay', allow('evaluations', 'replay'), responds(200, 'EvaluationReplay'), async (req, res) => {
    res.json(await replayEvaluation(ctx.db, req.params.id as string));
  });

  return router;
}
