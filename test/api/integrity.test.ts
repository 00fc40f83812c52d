// Results that hold against someone with database access: a published period takes no new
// evaluation, published rows cannot be emptied, a document or ranking altered behind the triggers
// is served marked as altered, and the audit log — signed, and anchored in every published ranking
// and its annex — says in words where it was cut or rewritten.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFParse } from 'pdf-parse';
import { backends } from '../support/db';
import { OTHER_AGENCY, OWN_AGENCY, startTestApp, type TestApp } from '../support/app';
import { approvingDecision, openPeriod, publishSonLa, submitDemo } from '../support/assessment';

describe.each(backends)('integrity on $name', (backend) => {
  let app: TestApp;
  let period: { id: string; versionId: string; year: number };
  let published: { id: string; auditAnchor: { id: number; hash: string } };

  beforeAll(async () => {
    app = await startTestApp(backend);
    const version = await publishSonLa(app, '2021');
    period = await openPeriod(app, version.id);
    for (const agency of [OWN_AGENCY, OTHER_AGENCY]) await submitDemo(app, period.id, agency);
    for (const to of ['appraisal', 'closed']) {
      const res = await app.request('POST', `/api/periods/${period.id}/transition`, { as: 'evaluator', body: { to } });
      expect(res.status, res.text).toBe(200);
    }
    const res = await app.request('POST', `/api/periods/${period.id}/ranking/publish`, {
      as: 'evaluator',
      body: { decision: approvingDecision(period.year) },
    });
    expect(res.status, res.text).toBe(201);
    published = res.body;
  });
  afterAll(async () => {
    await app?.close();
  });

  const sql = (text: string, params: unknown[] = []) => app.ctx.db.query(text, params);
  const withoutTriggers = async (table: string, work: () => Promise<unknown>) => {
    await app.ctx.db.exec(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
    try {
      await work();
    } finally {
      await app.ctx.db.exec(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
    }
  };

  it('takes no evaluation of a published period, under any version', async () => {
    const count = async () => Number((await sql('SELECT count(*)::int AS n FROM evaluations')).rows[0].n);
    const before = await count();
    const res = await app.request('POST', `/api/periods/${period.id}/evaluate`, { as: 'evaluator', body: {} });
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const draft = await app.request('POST', '/api/versions', {
      as: 'admin',
      body: { document: { ...(await app.request('GET', `/api/versions/${period.versionId}`)).body.document, version: 'nhap' } },
    });
    expect(draft.status, draft.text).toBe(201);
    expect(
      (await app.request('POST', `/api/periods/${period.id}/evaluate`, { as: 'evaluator', body: { versionId: draft.body.id } })).status,
    ).toBe(409);
    expect(await count()).toBe(before);
    // Nothing refers to the draft, so it can still be deleted.
    expect((await app.request('DELETE', `/api/versions/${draft.body.id}`, { as: 'admin' })).status).toBe(200);
  });

  it('refuses TRUNCATE of the published results, the versions and the evaluations', async () => {
    for (const statement of ['TRUNCATE published_rankings', 'TRUNCATE versions CASCADE', 'TRUNCATE evaluations CASCADE']) {
      await expect(app.ctx.db.exec(statement), statement).rejects.toThrow(/append-only/);
    }
    expect((await app.request('GET', `/api/published-rankings/${published.id}`)).status).toBe(200);
  });

  it('anchors the published ranking to the audit log, on the record and on the annex', async () => {
    expect(published.auditAnchor).toMatchObject({ id: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const annex = await fetch(`${app.url}/api/periods/${period.id}/export?format=pdf`, { headers: { cookie: app.users.evaluator.cookie } });
    expect(annex.status).toBe(200);
    const text = (await new PDFParse({ data: new Uint8Array(await annex.arrayBuffer()) }).getText()).text;
    expect(text.replace(/\s+/g, ' ')).toContain(`mục #${published.auditAnchor.id}`);
    const verified = await app.request('GET', '/api/audit/verify', { as: 'auditor' });
    expect(verified.body).toMatchObject({ valid: true, keyed: true, anchors: 1, findings: [] });
  });

  it('serves a published version and a published ranking altered behind the triggers as altered', async () => {
    expect((await app.request('GET', `/api/versions/${period.versionId}`)).body.intact).toBe(true);
    expect((await app.request('GET', `/api/published-rankings/${published.id}`)).body.intact).toBe(true);
    await withoutTriggers('versions', () =>
      sql(`UPDATE versions SET document = jsonb_set(document, '{bands,levels,0,min}', '1') WHERE id = $1`, [period.versionId]),
    );
    await withoutTriggers('published_rankings', () =>
      sql(`UPDATE published_rankings SET ranking = jsonb_set(ranking, '{cohorts,0,average}', '99') WHERE id = $1`, [published.id]),
    );
    expect((await app.request('GET', `/api/versions/${period.versionId}`)).body.intact).toBe(false);
    expect((await app.request('GET', `/api/published-rankings/${published.id}`)).body.intact).toBe(false);
  });

  it('says in words that the log was cut below a publication anchor', async () => {
    const head = (await app.request('GET', '/api/audit/verify', { as: 'auditor' })).body.head;
    await withoutTriggers('audit_log', () => sql('DELETE FROM audit_log WHERE id >= $1', [published.auditAnchor.id]));
    const cut = await app.request('GET', '/api/audit/verify', { as: 'auditor' });
    expect(cut.body.valid).toBe(false);
    expect(cut.body.findings.map((f: { kind: string }) => f.kind)).toContain('truncated');
    expect(cut.body.findings[0].message.vi).toContain('Nhật ký bị cắt');
    const checked = await app.request('GET', `/api/audit/verify?checkpoint=${head.id}:${head.hash}`, { as: 'auditor' });
    expect(checked.body.findings.filter((f: { kind: string }) => f.kind === 'truncated')).toHaveLength(2);
    expect((await app.request('GET', '/api/audit/verify?checkpoint=nonsense', { as: 'auditor' })).status).toBe(400);
  });
});
