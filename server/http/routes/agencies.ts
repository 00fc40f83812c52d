// /agencies: the agencies being assessed (admin writes; everyone signed in reads, agency users
// only their own), and the cohort an agency falls in under a given version.
import { Router } from 'express';
import type { AppContext } from '../context';
import { allow } from '../auth';
import { filterBoolean, filterString, pageOf, parseListQuery, sendList } from '../list';
import { listOf, query, responds } from '../declare';
import { object, validateBody } from '../validate';
import { AGENCY_SORT, agencyFor, cohortOfAgency, createAgency, deleteAgency, listAgenciesFor, updateAgency } from '../../services/agencies';
import { ifMatch, sendTagged } from '../ifMatch';

const agencySchema = {
  id: { type: 'string', pattern: '^[a-z0-9][a-z0-9_\\-]{0,63}$' },
  name: { type: 'string', minLength: 1, maxLength: 200 },
  nameEn: { type: ['string', 'null'], maxLength: 200 },
  kind: { type: 'string', pattern: '^[a-z][a-z0-9_\\-]{0,31}$' },
  attributes: {
    type: 'object',
    propertyNames: { pattern: '^[A-Za-z][A-Za-z0-9_]{0,63}$' },
    additionalProperties: { type: ['string', 'number', 'boolean', 'null'] },
  },
  ruleSets: { type: 'array', uniqueItems: true, items: { type: 'string', pattern: '^[a-z][a-z0-9_\\-]{0,63}$' } },
  active: { type: 'boolean' },
};

export const createAgencyBody = object(agencySchema, ['id', 'name', 'kind']);
// react-admin sends the whole record back; timestamps are accepted and ignored.
export const updateAgencyBody = object({ ...agencySchema, createdAt: { type: 'string' }, updatedAt: { type: 'string' } });

const cohortQuery = query({
  versionId: { schema: { type: 'string', format: 'uuid' }, required: true, description: 'The version whose cohort rules are applied' },
});

const AGENCY_FILTERS = {
  id: 'agency ids (one or an array)',
  q: 'part of the id or the Vietnamese or English name',
  kind: 'the kind of agency',
  ruleSet: 'agencies assessed under this rule set',
  active: 'true or false',
  versionId: 'agencies assessed under this version (its rule set)',
  cohort: 'agencies in this cohort under versionId, which it needs',
};

export function routes(ctx: AppContext): Router {
  const router = Router();

  router.get('/agencies', allow('agencies', 'read'), listOf('Agency', AGENCY_FILTERS), async (req, res) => {
    const q = parseListQuery(req, {
      sortable: Object.keys(AGENCY_SORT),
      filters: ['q', 'kind', 'ruleSet', 'active', 'versionId', 'cohort'],
      defaultSort: ['name', 'ASC'],
    });
    const { rows, total } = await listAgenciesFor(
      ctx.db,
      req.user,
      {
        id: q.filter.id as string[] | undefined,
        q: filterString(q, 'q'),
        kind: filterString(q, 'kind'),
        ruleSet: filterString(q, 'ruleSet'),
        active: filterBoolean(q, 'active'),
        versionId: filterString(q, 'versionId'),
        cohort: filterString(q, 'cohort'),
      },
      pageOf(q, AGENCY_SORT),
    );
    sendList(res, 'agencies', rows, total, q.offset);
  });

  router.get('/agencies/:id', allow('agencies', 'read'), responds(200, 'Agency', { headers: ['ETag'] }), async (req, res) => {
    sendTagged(res, await agencyFor(ctx.db, req.user, req.params.id as string));
  });

  router.get('/agencies/:id/cohort', allow('agencies', 'read'), cohortQuery, responds(200, 'AgencyCohort'), async (req, res) => {
    const versionId = typeof req.query.versionId === 'string' ? req.query.versionId : undefined;
    res.json(await cohortOfAgency(ctx.db, req.user, req.params.id as string, versionId));
  });

  router.post('/agencies', allow('agencies', 'create'), validateBody(createAgencyBody), responds(201, 'Agency'), async (req, res) => {
    const agency = await ctx.db.transaction((tx) => createAgency(tx, req.body, req.user.username));
    sendTagged(res, agency, 201);
  });

  router.put(
    '/agencies/:id',
    allow('agencies', 'edit'),
    validateBody(updateAgencyBody),
    responds(200, 'Agency', { headers: ['ETag'] }),
    async (req, res) => {
      const etag = ifMatch(req, true, 'cơ quan');
      const { createdAt: _c, updatedAt: _u, ...changes } = req.body as Record<string, unknown>;
      sendTagged(res, await ctx.db.transaction((tx) => updateAgency(tx, req.params.id as string, changes, req.user.username, etag)));
    },
  );

  router.delete(
    '/agencies/:id',
    allow('agencies', 'delete'),
    responds(200, 'Agency', { description: 'The agency as it was' }),
    async (req, res) => {
      res.json(await ctx.db.transaction((tx) => deleteAgency(tx, req.params.id as string, req.user.username)));
    },
  );

  return router;
}
