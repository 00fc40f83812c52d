// The role matrix of every assessment route: each role's allowed calls succeed, every other role gets
// 403 (agency users also for another agency's records), and without a session every route is 401.
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { backends } from '../support/db';
import { OTHER_AGENCY, OWN_AGENCY, startTestApp, type TestApp } from '../support/app';
import { ALL, STAFF, itEnforcesRoleMatrix, type Row } from '../support/roleMatrix';
import { approvingDecision, demoFacts, fileMissingEvidence, openPeriod, publishSonLa, submitDemo } from '../support/assessment';
import type { Role } from '../../server/store/users';

const WRITERS: Role[] = ['agency', 'evaluator'];

describe.each(backends)('assessment role matrix on $name', (backend) => {
  let app: TestApp;
  let versionId: string;
  /** An open period with the own agency's draft and the other agency's submitted, appraised and evaluated submission. */
  let period: any;
  let ownDraft: any;
  let otherSubmitted: any;
  let ownEvaluation: any;
  let otherEvaluation: any;
  let ownAppraisal: any;
  let otherAppraisal: any;
  let published: any;
  let topYear = 2100;

  const current = async (id: string) => (await app.request('GET', `/api/submissions/${id}`, { as: 'evaluator' })).body;
  const freshDraft = async () => {
    const p = await openPeriod(app, versionId);
    const res = await app.request('POST', '/api/submissions', {
      as: 'evaluator',
      body: { periodId: p.id, agencyId: OWN_AGENCY, facts: demoFacts(OWN_AGENCY).reported },
    });
    expect(res.status, res.text).toBe(201);
    // With the evidence its version requires, so that it can be submitted.
    const refusal = await app.request('POST', `/api/submissions/${res.body.id}/submit`, { as: 'evaluator' });
    await fileMissingEvidence(app, res.body.id, refusal, 'evaluator');
    return res.body;
  };
  const addLink = async () => {
    const res = await app.request('POST', `/api/submissions/${ownDraft.id}/evidence`, {
      as: 'evaluator',
      body: { key: 'portal_qa', kind: 'link', url: 'https://example.gov.vn/a' },
    });
    expect(res.status, res.text).toBe(201);
    return res.body;
  };
  const closedPeriod = async () => {
    const p = await openPeriod(app, versionId);
    await submitDemo(app, p.id, OWN_AGENCY);
    for (const to of ['appraisal', 'closed'])
      await app.request('POST', `/api/periods/${p.id}/transition`, { as: 'evaluator', body: { to } });
    return p;
  };

  const rows: Row[] = [
    // periods
    { method: 'GET', route: '/periods', allowed: ALL, prepare: async () => ({ path: '/api/periods' }) },
    { method: 'GET', route: '/periods/:id', allowed: ALL, prepare: async () => ({ path: `/api/periods/${period.id}` }) },
    {
      method: 'POST',
      route: '/periods',
      allowed: ['admin', 'evaluator'],
      // Years from the top down, clear of openPeriod's (from 2000 up).
      prepare: async () => ({ path: '/api/periods', body: { year: topYear--, versionId, title: 'Kỳ' } }),
    },
    {
      method: 'PUT',
      route: '/periods/:id',
      allowed: ['admin', 'evaluator'],
      prepare: async () => ({ path: `/api/periods/${period.id}`, body: { title: 'Tên kỳ mới' }, readFirst: true }),
    },
    {
      method: 'DELETE',
      route: '/periods/:id',
      allowed: ['admin', 'evaluator'],
      prepare: async () => ({ path: `/api/periods/${(await openPeriod(app, versionId)).id}` }),
    },
    {
      method: 'POST',
      route: '/periods/:id/transition',
      allowed: ['admin', 'evaluator'],
      prepare: async () => ({ path: `/api/periods/${(await openPeriod(app, versionId)).id}/transition`, body: { to: 'appraisal' } }),
    },
    // submissions
    { method: 'GET', route: '/submissions', allowed: ALL, prepare: async () => ({ path: '/api/submissions' }) },
    { method: 'GET', route: '/submissions/:own', allowed: ALL, prepare: async () => ({ path: `/api/submissions/${ownDraft.id}` }) },
    {
      method: 'GET',
      route: '/submissions/:other',
      allowed: STAFF,
      prepare: async () => ({ path: `/api/submissions/${otherSubmitted.id}` }),
    },
    {
      method: 'GET',
      route: '/submissions/:own/schema',
      allowed: ALL,
      prepare: async () => ({ path: `/api/submissions/${ownDraft.id}/schema` }),
    },
    {
      method: 'GET',
      route: '/submissions/:own/revisions',
      allowed: ALL,
      prepare: async () => ({ path: `/api/submissions/${ownDraft.id}/revisions` }),
    },
    {
      method: 'GET',
      route: '/submissions/:other/revisions',
      allowed: STAFF,
      prepare: async () => ({ path: `/api/submissions/${otherSubmitted.id}/revisions` }),
    },
    {
      method: 'POST',
      route: '/submissions',
      allowed: WRITERS,
      prepare: async () => ({
        path: '/api/submissions',
        body: { periodId: (await openPeriod(app, versionId)).id, agencyId: OWN_AGENCY, facts: {} },
      }),
    },
    {
      method: 'PUT',
      route: '/submissions/:own',
      allowed: WRITERS,
      prepare: async () => {
        const s = await current(ownDraft.id);
        return { path: `/api/submissions/${s.id}`, body: { facts: s.facts }, headers: { 'if-match': `"${s.etag}"` } };
      },
    },
    {
      method: 'PUT',
      route: '/submissions/:other',
      allowed: ['evaluator'],
      prepare: async () => {
        const d = await app.request('POST', '/api/submissions', {
          as: 'evaluator',
          body: { periodId: period.id, agencyId: 'moc-chau', facts: {} },
        });
        const s = d.status === 201 ? d.body : (await app.request('GET', `/api/submissions/${d.body.existingId}`, { as: 'evaluator' })).body;
        return { path: `/api/submissions/${s.id}`, body: { facts: {} }, headers: { 'if-match': s.etag } };
      },
    },
    {
      method: 'POST',
      route: '/submissions/:own/submit',
      allowed: WRITERS,
      prepare: async () => ({ path: `/api/submissions/${(await freshDraft()).id}/submit` }),
    },
    {
      method: 'POST',
      route: '/submissions/:own/evidence',
      allowed: WRITERS,
      prepare: async () => ({
        path: `/api/submissions/${ownDraft.id}/evidence`,
        body: { key: 'has_lan', kind: 'explanation', note: 'Sơ đồ mạng' },
      }),
    },
    { method: 'GET', route: '/evidence/:own', allowed: ALL, prepare: async () => ({ path: `/api/evidence/${ownDraft.evidence[0].id}` }) },
    {
      method: 'DELETE',
      route: '/evidence/:own',
      allowed: WRITERS,
      prepare: async () => ({ path: `/api/evidence/${(await addLink()).id}` }),
    },
    // appraisals
    { method: 'GET', route: '/appraisals', allowed: ALL, prepare: async () => ({ path: '/api/appraisals' }) },
    { method: 'GET', route: '/appraisals/:own', allowed: ALL, prepare: async () => ({ path: `/api/appraisals/${ownAppraisal.id}` }) },
    { method: 'GET', route: '/appraisals/:other', allowed: STAFF, prepare: async () => ({ path: `/api/appraisals/${otherAppraisal.id}` }) },
    {
      method: 'POST',
      route: '/submissions/:id/appraisals',
      allowed: ['evaluator'],
      prepare: async () => ({
        path: `/api/submissions/${otherSubmitted.id}/appraisals`,
        body: { fact: 'staff_total', value: 20, reason: 'Đối chiếu' },
      }),
    },
    // evaluations
    {
      method: 'POST',
      route: '/periods/:id/evaluate',
      allowed: ['evaluator'],
      prepare: async () => ({ path: `/api/periods/${period.id}/evaluate`, body: {} }),
    },
    {
      method: 'POST',
      route: '/submissions/:id/evaluate',
      allowed: ['evaluator'],
      prepare: async () => ({ path: `/api/submissions/${otherSubmitted.id}/evaluate`, body: {} }),
    },
    { method: 'GET', route: '/evaluations', allowed: ALL, prepare: async () => ({ path: '/api/evaluations' }) },
    { method: 'GET', route: '/evaluations/:own', allowed: ALL, prepare: async () => ({ path: `/api/evaluations/${ownEvaluation.id}` }) },
    {
      method: 'GET',
      route: '/evaluations/:other',
      allowed: STAFF,
      prepare: async () => ({ path: `/api/evaluations/${otherEvaluation.id}` }),
    },
    {
      method: 'GET',
      route: '/evaluations/:own/cohort-comparison',
      allowed: ALL,
      prepare: async () => ({ path: `/api/evaluations/${ownEvaluation.id}/cohort-comparison` }),
    },
    {
      method: 'GET',
      route: '/evaluations/:other/cohort-comparison',
      allowed: STAFF,
      prepare: async () => ({ path: `/api/evaluations/${otherEvaluation.id}/cohort-comparison` }),
    },
    {
      method: 'POST',
      route: '/evaluations/:id/replay',
      allowed: STAFF,
      prepare: async () => ({ path: `/api/evaluations/${ownEvaluation.id}/replay` }),
    },
    // rankings and what-if
    { method: 'GET', route: '/periods/:id/ranking', allowed: STAFF, prepare: async () => ({ path: `/api/periods/${period.id}/ranking` }) },
    {
      method: 'POST',
      route: '/periods/:id/ranking/publish',
      allowed: ['evaluator'],
      prepare: async () => {
        const closed = await closedPeriod();
        return { path: `/api/periods/${closed.id}/ranking/publish`, body: { decision: approvingDecision(closed.year) } };
      },
    },
    { method: 'GET', route: '/published-rankings', allowed: ALL, prepare: async () => ({ path: '/api/published-rankings' }) },
    {
      method: 'GET',
      route: '/published-rankings/:id',
      allowed: ALL,
      prepare: async () => ({ path: `/api/published-rankings/${published.id}` }),
    },
    {
      method: 'POST',
      route: '/published-rankings/:id/corrections',
      allowed: ['evaluator'],
      prepare: async () => {
        const closed = await closedPeriod();
        const fresh = await app.request('POST', `/api/periods/${closed.id}/ranking/publish`, {
          as: 'evaluator',
          body: { decision: approvingDecision(closed.year) },
        });
        return {
          path: `/api/published-rankings/${fresh.body.id}/corrections`,
          body: { decision: approvingDecision(closed.year, '3001/QĐ-UBND'), reason: 'Đính chính tên cơ quan trong phụ lục.' },
        };
      },
    },
    {
      method: 'POST',
      route: '/published-rankings/:id/replay',
      allowed: STAFF,
      prepare: async () => ({ path: `/api/published-rankings/${published.id}/replay` }),
    },
    {
      method: 'POST',
      route: '/periods/:id/what-if',
      allowed: STAFF,
      prepare: async () => ({ path: `/api/periods/${period.id}/what-if`, body: { versionId } }),
    },
  ];

  beforeAll(async () => {
    app = await startTestApp(backend);
    versionId = (await publishSonLa(app, '2021')).id;
    period = await openPeriod(app, versionId);
    otherSubmitted = await submitDemo(app, period.id, OTHER_AGENCY);
    const own = await submitDemo(app, period.id, OWN_AGENCY, 'agency');
    const appraise = async (id: string) =>
      (
        await app.request('POST', `/api/submissions/${id}/appraisals`, {
          as: 'evaluator',
          body: { fact: 'late_reports', value: 0, reason: 'Đúng hạn' },
        })
      ).body;
    ownAppraisal = await appraise(own.id);
    otherAppraisal = await appraise(otherSubmitted.id);
    const evaluated = (await app.request('POST', `/api/periods/${period.id}/evaluate`, { as: 'evaluator', body: {} })).body.evaluations;
    ownEvaluation = evaluated.find((e: any) => e.agencyId === OWN_AGENCY);
    otherEvaluation = evaluated.find((e: any) => e.agencyId === OTHER_AGENCY);
    const closed = await closedPeriod();
    published = (
      await app.request('POST', `/api/periods/${closed.id}/ranking/publish`, {
        as: 'evaluator',
        body: { decision: approvingDecision(closed.year) },
      })
    ).body;
    // The own agency's draft, with one evidence item, lives in a period of its own.
    ownDraft = await freshDraft();
    await addLink();
    ownDraft = await current(ownDraft.id);
  });
  afterAll(async () => {
    await app?.close();
  });

  itEnforcesRoleMatrix(rows, () => app);
});
