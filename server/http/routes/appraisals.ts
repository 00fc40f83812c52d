// /appraisals: the evaluator's values beside the agency's, each with a reason, author and time.
// Only the evaluator appraises; agency users read the appraisals of their own submissions.
import { Router } from 'express';
import type { AppContext } from '../context';
import { allow } from '../auth';
import { listOf, responds } from '../declare';
import { filterBoolean, filterString, pageOf, parseListQuery, sendList } from '../list';
import { object, validateBody } from '../validate';
import { appraisalFor, APPRAISAL_SORT, appraise, listAppraisalsFor } from '../../services/appraisal';
import { replyTo, resolve } from '../../services/replies';

const reason = { type: 'string', minLength: 1, maxLength: 2000, pattern: '\\S' };
const value = { type: ['number', 'boolean', 'string', 'null'] };
const criterion = { type: 'string', minLength: 1, maxLength: 64 };

// Of a fact (its value), or of a criterion (scored 0 for missing evidence, or restored).
export const appraisalBody = {
  oneOf: [
    object({ fact: { type: 'string', pattern: '^[a-z][a-z0-9_]{0,63}$' }, value, reason }, ['fact', 'value', 'reason']),
    object({ criterion, zeroed: { type: 'boolean' }, reason }, ['criterion', 'zeroed', 'reason']),
  ],
};

const replyBody = object(
  {
    response: { enum: ['accept', 'reply'] },
    text: { type: 'string', maxLength: 4000 },
    evidenceIds: { type: 'array', maxItems: 50, items: { type: 'string', format: 'uuid' } },
  },
  ['response'],
);

const resolutionBody = object(
  { outcome: { enum: ['keep', 'revise'] }, reason: { type: 'string', maxLength: 2000 }, value, zeroed: { type: 'boolean' } },
  ['outcome', 'reason'],
);

export function routes(ctx: AppContext): Router {
  const router = Router();

  router.get('/appraisals', allow('appraisals', 'read'), listOf('Appraisal'), async (req, res) => {
    const q = parseListQuery(req, {
      sortable: Object.keys(APPRAISAL_SORT),
      filters: ['submissionId', 'periodId', 'agencyId', 'fact', 'criterion', 'author', 'replyOpen'],
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
        criterion: filterString(q, 'criterion'),
        author: filterString(q, 'author'),
        replyOpen: filterBoolean(q, 'replyOpen'),
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

  router.post(
    '/appraisals/:id/reply',
    allow('appraisals', 'reply'),
    validateBody(replyBody),
    responds(201, 'Appraisal', { description: 'The appraisal with the reply' }),
    async (req, res) => {
      const { appraisal } = await ctx.db.transaction((tx) => replyTo(tx, req.params.id as string, req.body, req.user));
      res.status(201).json(appraisal);
    },
  );

  router.post(
    '/appraisals/:id/resolution',
    allow('appraisals', 'resolve'),
    validateBody(resolutionBody),
    responds(200, 'Appraisal', { description: 'The appraisal with its reply resolved' }),
    async (req, res) => {
      const { appraisal } = await ctx.db.transaction((tx) => resolve(tx, req.params.id as string, req.body, req.user));
      res.json(appraisal);
    },
  );

  return router;
}
