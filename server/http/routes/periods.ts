// /periods: assessment periods (a year of a rule set pinned to a published version) and their
// forward-only transitions. The evaluator or the administrator sets them up; everyone signed in reads.
import { Router } from 'express';
import type { AppContext } from '../context';
import { allow } from '../auth';
import { listOf, responds } from '../declare';
import { allows } from '../../api/roles';
import { filterString, pageOf, parseListQuery, sendList } from '../list';
import { object, validateBody } from '../validate';
import { publishRanking } from '../../services/rankings';
import {
  createPeriod,
  deletePeriod,
  listPeriods,
  overdueOf,
  PERIOD_SORT,
  PERIOD_STATUSES,
  requirePeriod,
  transitionPeriod,
  updatePeriod,
  type PeriodStatus,
} from '../../services/periods';
import { fieldProblem, Problem } from '../../problems/problem';
import { decisionSchema } from './rankings';
import { ifMatch, sendTagged } from '../ifMatch';

const year = { type: 'integer', minimum: 2000, maximum: 2100 };
const title = { type: 'string', minLength: 1, maxLength: 300, pattern: '\\S' };
const versionId = { type: 'string', format: 'uuid' };
const day = { type: 'string', maxLength: 20 };
// Each a calendar day (yyyy-mm-dd or dd/mm/yyyy); their order is the service's check.
const schedule = {
  type: 'object',
  additionalProperties: false,
  required: ['opensOn', 'submissionDue', 'appraisalDue', 'replyDue', 'closesOn'],
  properties: { opensOn: day, submissionDue: day, appraisalDue: day, replyDue: day, closesOn: day },
};
const scheduleOrNone = { anyOf: [schedule, { type: 'null' }] };

export const createPeriodBody = object({ ruleSet: { type: 'string' }, year, versionId, title, schedule: scheduleOrNone }, [
  'year',
  'versionId',
  'title',
]);
// react-admin sends the whole record back; the read-only fields are accepted and ignored.
export const updatePeriodBody = object({
  title,
  versionId,
  schedule: scheduleOrNone,
  id: { type: 'string' },
  ruleSet: { type: 'string' },
  year,
  versionLabel: { type: 'string' },
  status: { enum: [...PERIOD_STATUSES] },
  demo: { type: 'boolean' },
  submissionCount: { type: 'integer' },
  createdAt: { type: 'string' },
  createdBy: { type: 'string' },
  updatedAt: { type: 'string' },
  updatedBy: { type: 'string' },
});
// Publishing through the transition cites the approving decision, as publishing the ranking does.
// Moving on before the schedule's day takes a reason (kept in the audit log).
const override = {
  type: 'object',
  additionalProperties: false,
  required: ['reason'],
  properties: { reason: { type: 'string', maxLength: 2000 } },
};
export const transitionBody = object({ to: { enum: [...PERIOD_STATUSES] }, decision: decisionSchema, override }, ['to']);

export function routes(ctx: AppContext): Router {
  const router = Router();

  router.get('/periods', allow('periods', 'read'), listOf('Period'), async (req, res) => {
    const q = parseListQuery(req, {
      sortable: Object.keys(PERIOD_SORT),
      filters: ['ruleSet', 'year', 'status', 'versionId'],
      defaultSort: ['year', 'DESC'],
    });
    const yearFilter = filterString(q, 'year');
    if (yearFilter !== undefined && !/^\d{4}$/.test(yearFilter)) {
      throw new Problem('invalid-query', { vi: '"year" phải là năm (4 chữ số).', en: '"year" must be a 4-digit year.' });
    }
    const { rows, total } = await listPeriods(
      ctx.db,
      {
        id: q.filter.id as string[] | undefined,
        ruleSet: filterString(q, 'ruleSet'),
        year: yearFilter === undefined ? undefined : Number(yearFilter),
        status: filterString(q, 'status') as PeriodStatus | undefined,
        versionId: filterString(q, 'versionId'),
      },
      pageOf(q, PERIOD_SORT),
    );
    sendList(res, 'periods', rows, total, q.offset);
  });

  router.get('/periods/:id', allow('periods', 'read'), responds(200, 'Period', { headers: ['ETag'] }), async (req, res) => {
    sendTagged(res, await requirePeriod(ctx.db, req.params.id as string));
  });

  router.get('/periods/:id/overdue', allow('periods', 'overdue'), responds(200, 'Overdue'), async (req, res) => {
    res.json(await overdueOf(ctx.db, req.params.id as string));
  });

  router.post('/periods', allow('periods', 'create'), validateBody(createPeriodBody), responds(201, 'Period'), async (req, res) => {
    const period = await ctx.db.transaction((tx) => createPeriod(tx, req.body, req.user.username));
    res.status(201).json(period);
  });

  router.put(
    '/periods/:id',
    allow('periods', 'edit'),
    validateBody(updatePeriodBody),
    responds(200, 'Period', { headers: ['ETag'] }),
    async (req, res) => {
      const etag = ifMatch(req, true, 'kỳ đánh giá');
      const {
        title: newTitle,
        versionId: newVersion,
        schedule: newSchedule,
      } = req.body as {
        title?: string;
        versionId?: string;
        schedule?: Record<string, unknown> | null;
      };
      const period = await ctx.db.transaction((tx) =>
        updatePeriod(
          tx,
          req.params.id as string,
          { title: newTitle, versionId: newVersion, schedule: newSchedule },
          req.user.username,
          etag,
        ),
      );
      sendTagged(res, period);
    },
  );

  router.delete(
    '/periods/:id',
    allow('periods', 'delete'),
    responds(200, 'Period', { description: 'The period as it was' }),
    async (req, res) => {
      res.json(await ctx.db.transaction((tx) => deletePeriod(tx, req.params.id as string, req.user.username)));
    },
  );

  router.post(
    '/periods/:id/transition',
    allow('periods', 'transition'),
    validateBody(transitionBody),
    responds(200, 'Period'),
    async (req, res) => {
      const id = req.params.id as string;
      const to = req.body.to as PeriodStatus;
      const period = await ctx.db.transaction(async (tx) => {
        // Publishing a period is publishing its ranking: the same act, so the same checks and snapshot.
        if (to === 'published') {
          if (!allows(req.user.role, 'periods', 'publishRanking')) {
            throw new Problem('forbidden', {
              vi: 'Chỉ cán bộ thẩm định được công bố kết quả.',
              en: 'Only the evaluator may publish results.',
            });
          }
          if (!req.body.decision) {
            throw fieldProblem('decision-required', '/decision', {
              vi: 'Cần nhập quyết định phê duyệt kết quả (số, ngày, cơ quan ban hành, người ký) để công bố.',
              en: 'Publishing needs the decision approving the results (number, date, issuer, signer).',
            });
          }
          await publishRanking(tx, id, { decision: req.body.decision }, req.user.username);
          return requirePeriod(tx, id);
        }
        return transitionPeriod(tx, id, to, req.user.username, req.body.override);
      });
      res.json(period);
    },
  );

  return router;
}
