// Rule-set versions through the API: drafts under ETags, lint, test cases, publish, retire, copy,
// delete, in force, diff; published versions immutable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../support/db';
import { startTestApp, type TestApp } from '../support/app';
import { sonLa2021, withDuplicateCode, withWrongExpectation } from '../support/fixtures';
import { hashOf } from '../../server/engine/canonical';

describe.each(backends)('versions API on $name', (backend) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(backend);
  });
  afterAll(async () => {
    await app?.close();
  });

  const createDraft = async (doc = sonLa2021({ version: `d${Math.random().toString(36).slice(2, 8)}` })) => {
    const res = await app.request('POST', '/api/versions', { body: { document: doc } });
    expect(res.status, res.text).toBe(201);
    return res.body;
  };

  const changeNote = { vi: 'Ban hành thử nghiệm', en: 'Test publication' };

  it('creates a draft, creating its rule set, and reads it back with its ETag', async () => {
    const doc = sonLa2021({ version: '2021-draft' });
    const res = await app.request('POST', '/api/versions', { body: { document: doc } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ ruleSet: 'son-la', version: '2021-draft', status: 'draft', hash: null, createdBy: 'admin' });
    expect(res.headers.get('etag')).toBe(`"${res.body.etag}"`);

    const got = await app.request('GET', `/api/versions/${res.body.id}`, { as: 'evaluator' });
    expect(got.status).toBe(200);
    expect(got.body.document).toEqual(doc);
    expect(got.headers.get('etag')).toBe(`"${res.body.etag}"`);

    const ruleSet = await app.request('GET', '/api/rule-sets/son-la');
    expect(ruleSet.status).toBe(200);
    expect(ruleSet.body.title.vi).toBeTruthy();
    expect(ruleSet.body.versionCount).toBeGreaterThanOrEqual(1);
  });

  it('refuses a second version with the same label (409)', async () => {
    const draft = await createDraft();
    const again = await app.request('POST', '/api/versions', { body: { document: sonLa2021({ version: draft.version }) } });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('version-exists');
  });

  it('rejects a document that breaks the schema with paths into the body, and stores nothing', async () => {
    const doc = sonLa2021({ version: 'bad-schema' }) as any;
    doc.criteria[0].max = 'many';
    delete doc.numeric;
    const before = await app.request('GET', '/api/versions?filter={"q":"bad-schema"}');
    const res = await app.request('POST', '/api/versions', { body: { document: doc }, lang: 'en' });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.code).toBe('invalid-document');
    const paths = res.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toContain('/document/criteria/0/max');
    expect(paths).toContain('/document/numeric');
    const after = await app.request('GET', '/api/versions?filter={"q":"bad-schema"}');
    expect(after.body).toEqual(before.body);
  });

  it('updates a draft with the current ETag and refuses a stale one (412, nothing changed)', async () => {
    const draft = await createDraft();
    const full = (await app.request('GET', `/api/versions/${draft.id}`)).body;
    const doc1 = { ...full.document, title: { vi: 'Sửa lần 1', en: 'Edit 1' } };
    const ok = await app.request('PUT', `/api/versions/${draft.id}`, {
      body: { document: doc1 },
      headers: { 'if-match': `"${draft.etag}"` },
    });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.etag).not.toBe(draft.etag);
    expect(ok.body.title.vi).toBe('Sửa lần 1');
    expect(ok.headers.get('etag')).toBe(`"${ok.body.etag}"`);

    const doc2 = { ...full.document, title: { vi: 'Sửa với ETag cũ' } };
    const stale = await app.request('PUT', `/api/versions/${draft.id}`, {
      body: { document: doc2 },
      headers: { 'if-match': `"${draft.etag}"` },
    });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('stale-etag');
    const now = await app.request('GET', `/api/versions/${draft.id}`);
    expect(now.body.title.vi).toBe('Sửa lần 1');
    expect(now.body.etag).toBe(ok.body.etag);
  });

  it('requires If-Match on update (428)', async () => {
    const draft = await createDraft();
    const res = await app.request('PUT', `/api/versions/${draft.id}`, { body: { document: sonLa2021({ version: draft.version }) } });
    expect(res.status).toBe(428);
    expect(res.body.code).toBe('if-match-required');
  });

  it('refuses to move a draft to another rule set, and to take a label already used', async () => {
    const a = await createDraft();
    const b = await createDraft();
    const moved = await app.request('PUT', `/api/versions/${a.id}`, {
      body: { document: sonLa2021({ version: a.version, ruleSet: 'other-set' }) },
      headers: { 'if-match': a.etag },
    });
    expect(moved.status).toBe(422);
    expect(moved.body.errors[0].path).toBe('/ruleSet');
    const relabel = await app.request('PUT', `/api/versions/${a.id}`, {
      body: { document: sonLa2021({ version: b.version }) },
      headers: { 'if-match': a.etag },
    });
    expect(relabel.status).toBe(409);
  });

  it('lints a version and runs its test cases', async () => {
    const clean = await createDraft();
    const lint = await app.request('POST', `/api/versions/${clean.id}/lint`, { as: 'auditor' });
    expect(lint.status).toBe(200);
    expect(lint.body.findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);

    const broken = await createDraft(withDuplicateCode(sonLa2021({ version: 'dup-code' })));
    const lint2 = await app.request('POST', `/api/versions/${broken.id}/lint`, { as: 'evaluator' });
    expect(
      lint2.body.findings.some((f: { code: string; severity: string }) => f.severity === 'error' && f.code.includes('duplicate')),
    ).toBe(true);

    const tests = await app.request('POST', `/api/versions/${clean.id}/test`);
    expect(tests.status).toBe(200);
    expect(tests.body.passed).toBe(true);
    expect(tests.body.results.length).toBe(sonLa2021().tests!.length);

    const failing = await createDraft(withWrongExpectation(sonLa2021({ version: 'wrong-expect' })));
    const tests2 = await app.request('POST', `/api/versions/${failing.id}/test`);
    expect(tests2.body.passed).toBe(false);
    expect(tests2.body.results[0].failures[0].field).toBe('total');
  });

  it('publishes a clean draft: hash of the canonical document, who and when, legal basis, change note', async () => {
    const draft = await createDraft();
    const res = await app.request('POST', `/api/versions/${draft.id}/publish`, {
      body: { changeNote, legalBasis: { decision: '9999/QĐ-UBND', date: '2024-01-02', issuer: 'UBND tỉnh Sơn La' } },
      headers: { 'if-match': draft.etag },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ status: 'published', publishedBy: 'admin', changeNote, legalBasis: { decision: '9999/QĐ-UBND' } });
    expect(res.body.publishedAt).toBeTruthy();
    const stored = (await app.request('GET', `/api/versions/${draft.id}`)).body;
    expect(stored.document.changeNote).toEqual(changeNote);
    expect(stored.document.legalBasis.decision).toBe('9999/QĐ-UBND');
    expect(res.body.hash).toBe(hashOf(stored.document));

    const audit = await app.request(
      'GET',
      `/api/audit?filter=${encodeURIComponent(JSON.stringify({ resourceId: draft.id, action: 'publish' }))}`,
    );
    expect(audit.body).toHaveLength(1);
    expect(audit.body[0]).toMatchObject({ actor: 'admin', resource: 'versions', after: { hash: res.body.hash } });
  });

  it('refuses to publish when lint finds errors (422 with findings), leaving the draft a draft', async () => {
    const draft = await createDraft(withDuplicateCode(sonLa2021({ version: 'dup-publish' })));
    const res = await app.request('POST', `/api/versions/${draft.id}/publish`, { body: { changeNote }, lang: 'en' });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('lint-failed');
    expect(res.body.errors.length).toBeGreaterThan(0);
    expect(res.body.errors[0].path).toMatch(/^\/criteria/);
    expect(res.body.detail).toMatch(/Cannot publish/);
    const after = await app.request('GET', `/api/versions/${draft.id}`);
    expect(after.body.status).toBe('draft');
    expect(after.body.hash).toBeNull();
  });

  it('refuses to publish when a test case fails (422 with failures)', async () => {
    const draft = await createDraft(withWrongExpectation(sonLa2021({ version: 'fail-publish' })));
    const res = await app.request('POST', `/api/versions/${draft.id}/publish`, { body: { changeNote } });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('tests-failed');
    expect(res.body.failures[0].failures[0].field).toBe('total');
    expect(res.body.errors[0].path).toBe('/tests/0');
    expect(res.body.detail).toMatch(/ca kiểm thử không đạt/);
    expect((await app.request('GET', `/api/versions/${draft.id}`)).body.status).toBe('draft');
  });

  it('keeps a published version immutable: no update, no delete, no second publish (409)', async () => {
    const draft = await createDraft();
    const pub = await app.request('POST', `/api/versions/${draft.id}/publish`, { body: { changeNote } });
    expect(pub.status).toBe(200);
    const doc = (await app.request('GET', `/api/versions/${draft.id}`)).body.document;
    const put = await app.request('PUT', `/api/versions/${draft.id}`, {
      body: { document: { ...doc, title: { vi: 'Đổi' } } },
      headers: { 'if-match': pub.body.etag },
    });
    expect(put.status).toBe(409);
    expect(put.body.code).toBe('not-draft');
    expect((await app.request('DELETE', `/api/versions/${draft.id}`)).status).toBe(409);
    expect((await app.request('POST', `/api/versions/${draft.id}/publish`, { body: { changeNote } })).status).toBe(409);
    expect((await app.request('GET', `/api/versions/${draft.id}`)).body.document).toEqual(doc);
  });

  it('copies any version into a new draft that remembers its source', async () => {
    const draft = await createDraft();
    await app.request('POST', `/api/versions/${draft.id}/publish`, { body: { changeNote } });
    const copy = await app.request('POST', `/api/versions/${draft.id}/copy`, { body: { version: `${draft.version}.1` } });
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({ status: 'draft', version: `${draft.version}.1`, basedOn: draft.id, hash: null });
    const full = (await app.request('GET', `/api/versions/${copy.body.id}`)).body;
    expect(full.document.version).toBe(`${draft.version}.1`);
    expect(full.document.criteria).toEqual(sonLa2021().criteria);
    const clash = await app.request('POST', `/api/versions/${draft.id}/copy`, { body: { version: `${draft.version}.1` } });
    expect(clash.status).toBe(409);
  });

  it('a copy starts as a new text: no old change note, its label in the title, in force from the year it is labelled', async () => {
    const label = `y${Math.random().toString(36).slice(2, 8)}`;
    const doc = sonLa2021({ version: label });
    doc.title = { vi: `Bộ chỉ số ${label}`, en: `Index ${label}` };
    doc.changeNote = { vi: 'Sửa đổi năm trước', en: 'Last year' };
    doc.effective = { from: '2021-09-15', to: '2023-04-12' };
    const draft = await createDraft(doc);
    const copy = await app.request('POST', `/api/versions/${draft.id}/copy`, { body: { version: '2500' } });
    expect(copy.status, copy.text).toBe(201);
    const full = (await app.request('GET', `/api/versions/${copy.body.id}`)).body;
    expect(full.document.title).toEqual({ vi: 'Bộ chỉ số 2500', en: 'Index 2500' });
    expect(full.document.changeNote).toBeUndefined();
    expect(full.document.effective).toEqual({ from: '2500-01-01' });
    expect(full.document.criteria).toEqual(doc.criteria);
    expect(full.document.legalBasis).toEqual(doc.legalBasis);
  });

  it('retires a published version (and only a published one)', async () => {
    const draft = await createDraft();
    expect((await app.request('POST', `/api/versions/${draft.id}/retire`)).status).toBe(409);
    await app.request('POST', `/api/versions/${draft.id}/publish`, { body: { changeNote } });
    const retired = await app.request('POST', `/api/versions/${draft.id}/retire`);
    expect(retired.status).toBe(200);
    expect(retired.body).toMatchObject({ status: 'retired', retiredBy: 'admin' });
    expect(retired.body.hash).toBeTruthy();
    expect((await app.request('POST', `/api/versions/${draft.id}/retire`)).status).toBe(409);
  });

  it('deletes a draft', async () => {
    const draft = await createDraft();
    const del = await app.request('DELETE', `/api/versions/${draft.id}`);
    expect(del.status).toBe(200);
    expect((await app.request('GET', `/api/versions/${draft.id}`)).status).toBe(404);
  });

  it('resolves the version in force by date: latest start wins, drafts and retired versions do not count', async () => {
    const set = 'in-force-set';
    const mk = async (version: string, from: string, to?: string) => {
      const doc = sonLa2021({ ruleSet: set, version });
      doc.effective = to ? { from, to } : { from };
      const d = await createDraft(doc);
      return d;
    };
    const v2021 = await mk('2021', '2021-09-15', '2023-04-12');
    const v2023 = await mk('2023', '2023-04-13');
    const draft2024 = await mk('2024', '2024-01-01');
    for (const v of [v2021, v2023]) {
      expect((await app.request('POST', `/api/versions/${v.id}/publish`, { body: { changeNote } })).status).toBe(200);
    }
    const at = async (date: string) => app.request('GET', `/api/versions/in-force?ruleSet=${set}&date=${date}`, { as: 'agency' });
    expect((await at('2021-12-01')).body.id).toBe(v2021.id);
    expect((await at('2023-04-12')).body.id).toBe(v2021.id);
    expect((await at('2023-04-13')).body.id).toBe(v2023.id);
    expect((await at('2024-06-01')).body.id).toBe(v2023.id); // the 2024 draft is not in force
    expect((await at('2020-01-01')).status).toBe(404);
    expect((await app.request('GET', `/api/versions/in-force?ruleSet=${set}&date=1.1.2021`)).status).toBe(400);
    await app.request('POST', `/api/versions/${v2023.id}/retire`);
    expect((await at('2024-06-01')).status).toBe(404);
    expect(draft2024.status).toBe('draft');
  });

  it('lists versions in the ra-data-simple-rest dialect, with filters, sort and Content-Range, without documents', async () => {
    const res = await app.request('GET', '/api/versions?filter={"ruleSet":"son-la","status":"draft"}&sort=["version","ASC"]&range=[0,1]');
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(2);
    expect(res.body[0].document).toBeUndefined();
    expect(res.body.every((v: { status: string }) => v.status === 'draft')).toBe(true);
    expect(res.body[0].version <= res.body[1].version).toBe(true);
    expect(res.headers.get('content-range')).toMatch(/^versions 0-1\/\d+$/);
    expect(res.headers.get('access-control-expose-headers')).toContain('Content-Range');
    const bad = await app.request('GET', '/api/versions?filter={"nope":1}', { lang: 'en' });
    expect(bad.status).toBe(400);
    expect(bad.body.detail).toMatch(/cannot filter by "nope"/);
  });

  it('diffs two versions criterion by criterion', async () => {
    const a = await createDraft();
    const doc = sonLa2021({ version: `${a.version}-b` });
    (doc.bands as { levels: { id: string; min: number }[] }).levels[0].min = 80;
    const b = await createDraft(doc);
    const res = await app.request('GET', `/api/versions/${a.id}/diff/${b.id}`, { as: 'auditor' });
    expect(res.status, res.text).toBe(200);
    expect(res.body.changes.length).toBeGreaterThan(0);
    expect(JSON.stringify(res.body.changes)).toMatch(/80/);
  });
});
