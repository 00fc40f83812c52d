// /agencies: the agencies being assessed (admin writes; everyone signed in reads, agency users
// only their own), and the cohort an agency falls in under a given version.
import { Router } from 'express';
import type { AppContext } from '../context';
import { anyRole, assertAgencyAccess, requireRole } from '../auth';
import { filterBoolean, filterString, pageOf, parseListQuery, sendList } from '../list';
import { object, validateBody } from '../validate';
import { assignCohort, compileVersion } from '../../engine';
import {
  AGENCY_SORT,
  createAgency,
  deleteAgency,
  listAgencies,
  requireAgency,
  toEngineAgency,
  updateAgency,
} from '../../store/agencies';
import { requireVersion } from '../../store/versions';
import { Problem } from '../../problems/problem';

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

export function routes(ctx: AppContext): Router {
  const router = Router();
  const write = requireRole('admin');

  router.get('/agencies', anyRole(), async (req, res) => {
    const q = parseListQuery(req, {
      sortable: Object.keys(AGENCY_SORT),
      filters: ['q', 'kind', 'ruleSet', 'active'],
      defaultSort: ['name', 'ASC'],
    });
    // An agency user's list holds its own agency only.
    const ownOnly = req.user.role === 'agency' ? [req.user.agencyId ?? ''] : undefined;
    const ids = q.filter.id as string[] | undefined;
    const { rows, total } = await listAgencies(
      ctx.db,
      {
        id: ownOnly ? (ids ? ids.filter((i) => ownOnly.includes(i)) : ownOnly) : ids,
        q: filterString(q, 'q'),
        kind: filterString(q, 'kind'),
        ruleSet: filterString(q, 'ruleSet'),
        active: filterBoolean(q, 'active'),
      },
      pageOf(q, AGENCY_SORT),
    );
    sendList(res, 'agencies', rows, total, q.offset);
  });

  router.get('/agencies/:id', anyRole(), async (req, res) => {
    assertAgencyAccess(req, req.params.id as string);
    res.json(await requireAgency(ctx.db, req.params.id as string));
  });

  router.get('/agencies/:id/cohort', anyRole(), async (req, res) => {
    assertAgencyAccess(req, req.params.id as string);
    const versionId = req.query.versionId;
    if (typeof versionId !== 'string' || !versionId) {
      throw new Problem('version-required',
        { vi: 'Cần tham số versionId.', en: 'The versionId query parameter is required.' },
        [{ severity: 'error', path: '/versionId', code: 'required', message: { vi: 'Thiếu versionId', en: 'versionId is missing' } }],
      );
    }
    const agency = await requireAgency(ctx.db, req.params.id as string);
    const version = await requireVersion(ctx.db, versionId);
    const assignment = assignCohort(compileVersion(version.document), toEngineAgency(agency));
    res.json({ agencyId: agency.id, versionId: version.id, cohort: assignment.cohort, matches: assignment.matches });
  });

  router.post('/agencies', write, validateBody(createAgencyBody), async (req, res) => {
    const agency = await ctx.db.transaction((tx) => createAgency(tx, req.body, req.user.username));
    res.status(201).json(agency);
  });

  router.put('/agencies/:id', write, validateBody(updateAgencyBody), async (req, res) => {
    const { id, createdAt: _c, updatedAt: _u, ...changes } = req.body as Record<string, unknown>;
    if (id !== undefined && id !== req.params.id) {
      throw new Problem('id-immutable', { vi: 'Không thể đổi mã cơ quan.', en: 'An agency id cannot change.' }, [
        { severity: 'error', path: '/id', code: 'id-immutable', message: { vi: 'Không thể đổi mã', en: 'The id cannot change' } },
      ]);
    }
    res.json(await ctx.db.transaction((tx) => updateAgency(tx, req.params.id as string, changes, req.user.username)));
  });

  router.delete('/agencies/:id', write, async (req, res) => {
    res.json(await ctx.db.transaction((tx) => deleteAgency(tx, req.params.id as string, req.user.username)));
  });

  return router;
}
