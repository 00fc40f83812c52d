import simpleRestProvider from 'ra-data-simple-rest';
import type { GetOneParams, RaRecord, UpdateParams } from 'react-admin';
import { apiFetch, httpClient } from '../api/http';
import type { EvidenceItem } from '../submissions/EvidenceList';
import type { LegalBasis, LocalizedText } from '../../../server/engine';
import type {
  AuditVerification,
  CohortComparison,
  CurrentRanking,
  EvaluationRead,
  LintReport,
  PeriodEvaluation,
  PublishedRanking,
  RankingDecision,
  ReplayReport,
  Rows,
  TestRun,
  Version,
  VersionDiff,
  WhatIfReport,
} from '../../../server/api/types';

const base = simpleRestProvider('/api', httpClient);

/** What each resource's PUT accepts: the server rejects unknown fields, so we send only these. */
const writable: Record<string, string[]> = {
  versions: ['document'],
  submissions: ['facts', 'evidence', 'note'],
  agencies: ['name', 'nameEn', 'kind', 'attributes', 'ruleSets', 'active'],
  users: ['fullName', 'role', 'agencyId', 'password', 'disabled'],
  periods: ['title', 'versionId', 'schedule'],
  'rule-sets': ['title', 'description'],
};

const pick = (data: Record<string, unknown>, keys: string[] | undefined) =>
  keys ? Object.fromEntries(keys.filter((k) => data[k] !== undefined).map((k) => [k, data[k]])) : data;

/** The etag a record was read with: versions and submissions carry one; the others come in the ETag header. */
export const etagOf = (record: Record<string, unknown> | undefined): string | null => {
  if (!record) return null;
  if (record.etag) return String(record.etag);
  if (record.revision !== undefined && record.revision !== null) return String(record.revision);
  return null;
};

// The API's answers, as the server defines them.
export type { ReplayReport as ReplayResult, TestCaseResult, VersionChange, WhatIfRow } from '../../../server/api/types';

const post = async <T = unknown>(url: string, body?: unknown) => (await apiFetch<T>(url, { method: 'POST', body: body ?? {} })).json;
const get = async <T = unknown>(url: string) => (await apiFetch<T>(url)).json;
const q = encodeURIComponent;

const unquote = (etag: string) => etag.replace(/^W\//, '').replace(/^"(.*)"$/, '$1');

export const dataProvider = {
  ...base,
  /** The record with the ETag it was read with (from the header when the body has none), for the save's If-Match. */
  getOne: (async (resource: string, params: GetOneParams) => {
    const { json, headers } = await apiFetch<RaRecord>(`/api/${resource}/${q(String(params.id))}`);
    const etag = headers.get('ETag');
    return { data: etag && !json.etag ? { ...json, etag: unquote(etag) } : json };
  }) as typeof base.getOne,
  async update(resource: string, params: UpdateParams) {
    const data = pick(params.data, writable[resource]);
    const etag = etagOf(params.previousData);
    const { json, headers } = await apiFetch(`/api/${resource}/${q(String(params.id))}`, { method: 'PUT', body: data, etag });
    const fresh = headers.get('ETag');
    return { data: { ...params.previousData, ...json, ...(fresh && !json?.etag ? { etag: unquote(fresh) } : {}) } };
  },
  /** Every row of a list, page by page (the server sends at most 1000 rows per request). */
  async getAll<R extends keyof Rows>(
    resource: R,
    filter: Record<string, unknown> = {},
    sort?: [string, 'ASC' | 'DESC'],
  ): Promise<Rows[R][]> {
    const rows: Rows[R][] = [];
    for (let offset = 0; ; offset += 1000) {
      const query = [
        ...(sort ? [`sort=${q(JSON.stringify(sort))}`] : []),
        `range=${q(JSON.stringify([offset, offset + 999]))}`,
        `filter=${q(JSON.stringify(filter))}`,
      ].join('&');
      const { json, headers } = await apiFetch<Rows[R][]>(`/api/${resource}?${query}`);
      rows.push(...json);
      const total = Number(headers.get('Content-Range')?.split('/').pop());
      if (!json.length || !Number.isFinite(total) || rows.length >= total) return rows;
    }
  },
  saveVersionDocument: async (id: string, document: unknown, etag: string | null) => {
    const { json, headers } = await apiFetch(`/api/versions/${q(id)}`, { method: 'PUT', body: { document }, etag });
    return { ...json, etag: json?.etag ?? headers.get('ETag')?.replace(/"/g, '') };
  },
  createVersion: (document: unknown) => post<Version>('/api/versions', { document }),
  copyVersion: (id: string, version: string) => post<Version>(`/api/versions/${q(id)}/copy`, { version }),
  lintVersion: (id: string) => post<LintReport>(`/api/versions/${q(id)}/lint`),
  testVersion: (id: string) => post<TestRun>(`/api/versions/${q(id)}/test`),
  publishVersion: async (id: string, body: { changeNote: LocalizedText; legalBasis: LegalBasis }, etag?: string | null) =>
    (await apiFetch(`/api/versions/${q(id)}/publish`, { method: 'POST', body, etag })).json,
  retireVersion: (id: string) => post(`/api/versions/${q(id)}/retire`),
  diffVersions: (id: string, otherId: string) => get<VersionDiff>(`/api/versions/${q(id)}/diff/${q(otherId)}`),
  versionInForce: (ruleSet: string, date: string) => get(`/api/versions/in-force?ruleSet=${q(ruleSet)}&date=${q(date)}`),
  agencyCohort: (agencyId: string, versionId: string) =>
    get<{ cohort: string | null; matches: string[] }>(`/api/agencies/${q(agencyId)}/cohort?versionId=${q(versionId)}`),
  transitionPeriod: (id: string, to: string, override?: { reason: string }) =>
    post(`/api/periods/${q(id)}/transition`, override ? { to, override } : { to }),
  evaluatePeriod: (id: string, versionId?: string) =>
    post<PeriodEvaluation>(`/api/periods/${q(id)}/evaluate`, versionId ? { versionId } : {}),
  evaluateSubmission: (id: string, versionId?: string) =>
    post<EvaluationRead>(`/api/submissions/${q(id)}/evaluate`, versionId ? { versionId } : {}),
  ranking: (periodId: string) => get<CurrentRanking>(`/api/periods/${q(periodId)}/ranking`),
  publishRanking: (periodId: string, decision: RankingDecision) =>
    post<PublishedRanking>(`/api/periods/${q(periodId)}/ranking/publish`, { decision }),
  correctRanking: (id: string, body: { decision: RankingDecision; reason: string }) =>
    post<PublishedRanking>(`/api/published-rankings/${q(id)}/corrections`, body),
  whatIf: (periodId: string, versionId: string) => post<WhatIfReport>(`/api/periods/${q(periodId)}/what-if`, { versionId }),
  submit: (id: string) => post(`/api/submissions/${q(id)}/submit`),
  revisions: (id: string) => get<Record<string, unknown>[]>(`/api/submissions/${q(id)}/revisions`),
  reviewEvidence: (id: string, body: { accepted: boolean; reason: string }) => post(`/api/evidence/${q(id)}/review`, body),
  reply: (id: string, body: { response: 'accept' | 'reply'; text?: string; evidenceIds?: string[] }) =>
    post(`/api/appraisals/${q(id)}/reply`, body),
  resolveReply: (id: string, body: { outcome: 'keep' | 'revise'; reason: string; value?: unknown; zeroed?: boolean }) =>
    post(`/api/appraisals/${q(id)}/resolution`, body),
  zeroCriterion: (id: string, body: { criterion: string; zeroed: boolean; reason: string }) =>
    post(`/api/submissions/${q(id)}/appraisals`, body),
  appraise: (id: string, body: { fact: string; value: unknown; reason: string }) => post(`/api/submissions/${q(id)}/appraisals`, body),
  uploadEvidence: (id: string, item: { key: string; note?: string; file?: File; url?: string; explanation?: boolean }) => {
    const url = `/api/submissions/${q(id)}/evidence`;
    if (item.file) {
      const form = new FormData();
      form.append('key', item.key);
      if (item.note) form.append('note', item.note);
      form.append('file', item.file);
      return post<EvidenceItem>(url, form);
    }
    if (item.explanation) return post<EvidenceItem>(url, { key: item.key, kind: 'explanation', note: item.note });
    return post<EvidenceItem>(url, { key: item.key, kind: 'link', url: item.url, note: item.note });
  },
  cohortComparison: (evaluationId: string) => get<CohortComparison>(`/api/evaluations/${q(evaluationId)}/cohort-comparison`),
  replay: (kind: 'evaluations' | 'published-rankings', id: string) => post<ReplayReport>(`/api/${kind}/${q(id)}/replay`),
  verifyAudit: () => get<AuditVerification>('/api/audit/verify'),
};
