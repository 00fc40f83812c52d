// /appraisals: the evaluator's values beside the agency's, each with a reason, author and time.
// Only the evaluator appraises; agency users read the appraisals of their own submissions.
import { Router } from 'express';
import type { AppContext } from '../context';
import { evaluators, readers, scopedAgency, submissionFor } from '../assessment';
import { assertAgencyAccess } from '../auth';
import { filterString, pageOf, parseListQuery, sendList } from '../list';
import { object, validateBody } from '../validate';
import { appraise } from '../../assessment/appraisal';
import { APPRAISAL_SORT, getAppraisal, listAppraisals } from '../../store/appraisals';
import { notFound } from '../../problems/problem';

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

  router.get('/appraisals', readers(), async (req, res) => {
    const q = parseListQuery(req, {
      sortable: Object.keys(APPRAISAL_SORT),
      filters: ['submissionId', 'periodId', 'agencyId', 'fact', 'author'],
      defaultSort: ['at', 'DESC'],
    });
    const { rows, total } = await listAppraisals(
      ctx.db,
      {
        id: q.filter.id as string[] | undefined,
        submissionId: filterString(q, 'submissionId'),
        periodId: filterString(q, 'periodId'),
        agencyId: scopedAgency(req, filterString(q, 'agencyId')),
        fact: filterString(q, 'fact'),
        author: filterString(q, 'author'),
      },
      pageOf(q, APPRAISAL_SORT),
    );
    sendList(res, 'appraisals', rows, total, q.offset);
  });

  router.get('/appraisals/:id', readers(), async (req, res) => {
    const appraisal = await getAppraisal(ctx.db, req.params.id as string);
    if (!appraisal) throw notFound({ vi: 'ý kiến thẩm định', en: 'Appraisal' }, req.params.id as string);
    assertAgencyAccess(req, appraisal.agencyId);
    res.json(appraisal);
  });

  router.post('/submissions/:id/appraisals', evaluators(), validateBody(appraisalBody), async (req, res) => {
    const id = req.params.id as string;
    await submissionFor(req, ctx.db, id);
    const { appraisal, submission } = await ctx.db.transaction((tx) => appraise(tx, id, req.body, req.user.username));
    res.status(201).set('ETag', `"${submission.etag}"`).json({ ...appraisal, revision: submission.revision });
  });

  return router;
}
