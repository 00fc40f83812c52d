// /appraisals: the evaluator's values beside the agency's, each with a reason, author and time.
// Only the evaluator appraises; agency users read the appraisals of their own submissions.
import { Router } from 'express';
import type { AppContext } from '../context';
import { allow } from '../auth';
import { listOf, responds } from '../declare';
import { filterString, pageOf, parseListQuery, sendList } from '../list';
import { object, validateBody } from '../validate';
import { appraisalFor, APPRAISAL_SORT, appraise, listAppraisalsFor } from '../../services/appraisal';

export const appraisalBody = object(
  {
    fact: { type: 'string', pattern: '^[a-z][a-z0-9_]{0,63}$' },
    value: { type: ['number', 'boolean', 'string', 'null'] },
    reason: { type: 'string', minLength: 1, maxLength: 2000, pattern: '\\S' },
  },
  ['fact', 'value', 'reason'],
);

export function routes(ctx: AppContext): Router {
  const router = Router();

  router.get('/appraisals', allow('appraisals', 'read'), listOf('Appraisal'), async (req, res) => {
    const q = parseListQuery(req, {
      sortable: Object.keys(APPRAISAL_SORT),
      filters: ['submissionId', 'periodId', 'agencyId', 'fact', 'author'],
      defaultSort: ['at', 'DESC'],
    });
    const { rows, total } = await listAppraisalsFor(
      ctx.db,
      req.user,
      {
        id: q.filter.id as string[] | undefined,
        submissionId: filterString(q, 'submissionId'),
        periodId: filterString(q, 'periodId'),
        agencyId: filterString(q, 'agencyId'),
        fact: filterString(q, 'fact'),
        author: filterString(q, 'author'),
      },
      pageOf(q, APPRAISAL_SORT),
    );
    sendList(res, 'appraisals', rows, total, q.offset);
  });

  router.get('/appraisals/:id', allow('appraisals', 'read'), responds(200, 'Appraisal'), async (req, res) => {
    res.json(await appraisalFor(ctx.db, req.user, req.params.id as string));
  });

  router.post(
    '/submissions/:id/appraisals',
    allow('submissions', 'appraise'),
    validateBody(appraisalBody),
    responds(201, 'AppraisalAdded', { headers: ['ETag'] }),
    async (req, res) => {
      const { appraisal, submission } = await ctx.db.transaction((tx) => appraise(tx, req.params.id as string, req.body, req.user));
      res
        .status(201)
        .set('ETag', `"${submission.etag}"`)
        .json({ ...appraisal, revision: submission.revision });
    },
  );

  return router;
}
