// The agencies being assessed: the administrator adds, edits and deactivates them (an agency that
// users or submissions refer to is never deleted); each change is audited. Agency users reach only
// their own agency; the cohort an agency falls in is the version's to say.
import type { Queryable, Tx } from '../store/db';
import { recordAudit } from '../store/audit';
import type { Page } from '../store/sql';
import {
  deleteAgencyRow,
  insertAgency,
  listAgencies,
  lockAgency,
  requireAgency,
  writeAgency,
  type Agency,
  type AgencyFilter,
  type AgencyInput,
  type AttributeValue,
} from '../store/agencies';
import { assertAgencyAccess, type Actor } from './actor';
import { cohortFor, loadVersion, type LoadedVersion } from './compiled';
import { assertRuleSetFilter, badFilter, named, unknownCohort } from './listFilters';
import { notFound, Problem } from '../problems/problem';
import { assertCurrent } from './etag';

export { AGENCY_SORT, type Agency, type AgencyInput, type AttributeValue } from '../store/agencies';

const WHAT = { vi: 'cơ quan', en: 'Agency' };
const RESERVED = ['id', 'name', 'nameEn', 'kind'];

function checkAttributes(attributes: Record<string, AttributeValue>): void {
  const clash = Object.keys(attributes).filter((k) => RESERVED.includes(k));
  if (clash.length) {
    throw new Problem(
      'reserved-attribute',
      { vi: `Thuộc tính "${clash[0]}" trùng với một trường của cơ quan.`, en: `Attribute "${clash[0]}" clashes with an agency field.` },
      clash.map((k) => ({
        severity: 'error',
        path: `/attributes/${k}`,
        code: 'reserved-attribute',
        message: { vi: `Tên thuộc tính "${k}" đã được dùng cho trường chính.`, en: `"${k}" is a main field, not an attribute.` },
      })),
    );
  }
}

export interface AgencyListFilter extends AgencyFilter {
  /** Agencies assessed under this version (its rule set's), with their cohort worked out under it. */
  versionId?: string;
  /** Agencies in this cohort of `versionId`. */
  cohort?: string;
}

/** An agency user's list holds its own agency only. */
export async function listAgenciesFor(db: Queryable, actor: Actor, filter: AgencyListFilter, page: Page) {
  const resolved = await resolveAgencyFilter(db, filter);
  if (actor.role !== 'agency') return listAgencies(db, resolved, page);
  const own = actor.agencyId ?? '';
  return listAgencies(db, { ...resolved, id: resolved.id ? resolved.id.filter((i) => i === own) : [own] }, page);
}

async function resolveAgencyFilter(db: Queryable, { versionId, cohort, ...filter }: AgencyListFilter): Promise<AgencyFilter> {
  await assertRuleSetFilter(db, filter.ruleSet);
  if (cohort !== undefined && versionId === undefined) {
    throw badFilter('cohort', { vi: 'cần kèm phiên bản (versionId) để biết khối', en: 'needs a version (versionId) to tell the cohort' });
  }
  if (versionId === undefined) return filter;
  const loaded = await named('versionId', versionId, () => loadVersion(db, versionId));
  const ruleSet = loaded.version.ruleSet;
  if (filter.ruleSet !== undefined && filter.ruleSet !== ruleSet) {
    throw badFilter('versionId', {
      vi: `thuộc bộ chỉ số khác "${filter.ruleSet}"`,
      en: `belongs to another rule set than "${filter.ruleSet}"`,
    });
  }
  if (cohort === undefined) return { ...filter, ruleSet };
  const members = await cohortMembers(db, loaded, cohort);
  return { ...filter, ruleSet, id: filter.id ? filter.id.filter((id) => members.includes(id)) : members };
}

/**
 * The ids of the rule set's agencies (active or not) that fall in `cohort` under the version;
 * a cohort the version does not define is the filter's 400.
 */
export async function cohortMembers(db: Queryable, { version, compiled }: LoadedVersion, cohort: string): Promise<string[]> {
  if (!version.document.cohorts.some((c) => c.id === cohort)) throw unknownCohort(cohort);
  const all = await listAgencies(db, { ruleSet: version.ruleSet }, { orderBy: 'id', order: 'ASC', offset: 0, limit: 100_000 });
  return all.rows.filter((a) => cohortFor(compiled, a).cohort === cohort).map((a) => a.id);
}

export async function agencyFor(db: Queryable, actor: Actor, id: string): Promise<Agency> {
  assertAgencyAccess(actor, id);
  return requireAgency(db, id);
}

/** The cohort the agency falls in under a version (the first cohort whose rule holds), and every cohort that matches. */
export async function cohortOfAgency(db: Queryable, actor: Actor, id: string, versionId: string | undefined) {
  assertAgencyAccess(actor, id);
  if (!versionId) {
    throw new Problem('version-required', { vi: 'Cần tham số versionId.', en: 'The versionId query parameter is required.' }, [
      { severity: 'error', path: '/versionId', code: 'required', message: { vi: 'Thiếu versionId', en: 'versionId is missing' } },
    ]);
  }
  const agency = await requireAgency(db, id);
  const { version, compiled } = await loadVersion(db, versionId);
  const assignment = cohortFor(compiled, agency);
  return { agencyId: agency.id, versionId: version.id, cohort: assignment.cohort, matches: assignment.matches };
}

export async function createAgency(tx: Tx, input: AgencyInput, actor: string): Promise<Agency> {
  checkAttributes(input.attributes ?? {});
  const agency = await insertAgency(tx, input);
  if (!agency) {
    throw new Problem('agency-exists', {
      vi: `Đã có cơ quan với mã "${input.id}".`,
      en: `An agency with id "${input.id}" already exists.`,
    });
  }
  await recordAudit(tx, { actor, action: 'create', resource: 'agencies', resourceId: agency.id, after: agency });
  return agency;
}

export type AgencyChanges = Partial<Omit<AgencyInput, 'id'>> & { id?: unknown };

/** Changes an agency read with `etag` (412 if someone changed it since). */
export async function updateAgency(tx: Tx, id: string, changes: AgencyChanges, actor: string, etag: string): Promise<Agency> {
  if (changes.id !== undefined && changes.id !== id) {
    throw new Problem('id-immutable', { vi: 'Không thể đổi mã cơ quan.', en: 'An agency id cannot change.' }, [
      { severity: 'error', path: '/id', code: 'id-immutable', message: { vi: 'Không thể đổi mã', en: 'The id cannot change' } },
    ]);
  }
  const before = await lockAgency(tx, id);
  if (!before) throw notFound(WHAT, id);
  assertCurrent(before, etag, { vi: 'Cơ quan', en: 'agency' });
  const attributes = changes.attributes ?? before.attributes;
  checkAttributes(attributes);
  const after = await writeAgency(tx, {
    id,
    name: changes.name ?? before.name,
    nameEn: changes.nameEn !== undefined ? changes.nameEn : before.nameEn,
    kind: changes.kind ?? before.kind,
    attributes,
    active: changes.active ?? before.active,
    ruleSets: changes.ruleSets ?? before.ruleSets,
  });
  await recordAudit(tx, { actor, action: 'update', resource: 'agencies', resourceId: id, before, after });
  return after;
}

/** Deletes an agency nothing refers to; one with users or submissions is deactivated instead (409). */
export async function deleteAgency(tx: Tx, id: string, actor: string): Promise<Agency> {
  const before = await lockAgency(tx, id);
  if (!before) throw notFound(WHAT, id);
  if (!(await deleteAgencyRow(tx, id))) {
    throw new Problem('agency-in-use', {
      vi: `Cơ quan "${id}" đang được dùng (người dùng hoặc hồ sơ đánh giá); hãy ngừng kích hoạt thay vì xoá.`,
      en: `Agency "${id}" is in use (users or submissions); deactivate it instead of deleting it.`,
    });
  }
  await recordAudit(tx, { actor, action: 'delete', resource: 'agencies', resourceId: id, before });
  return before;
}
