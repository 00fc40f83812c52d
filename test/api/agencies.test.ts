// Agencies: CRUD by the admin, reads limited to its own agency for an agency user, the cohort an
// agency falls in under a version, and every change audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../support/db';
import { OTHER_AGENCY, OWN_AGENCY, startTestApp, type TestApp } from '../support/app';
import { sonLa2021 } from '../support/fixtures';

describe.each(backends)('agencies API on $name', (backend) => {
  let app: TestApp;
  let versionId: string;
  beforeAll(async () => {
    app = await startTestApp(backend);
    versionId = (await app.request('POST', '/api/versions', { body: { document: sonLa2021() } })).body.id;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('creates, reads, updates and deletes an agency, auditing each step', async () => {
    const body = {
      id: 'ban-qlda',
      name: 'Ban Quản lý dự án',
      nameEn: 'Project board',
      kind: 'board',
      attributes: { has_public_services: false, staff: 12 },
      ruleSets: ['son-la'],
    };
    const created = await app.request('POST', '/api/agencies', { body });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...body, active: true });
    expect((await app.request('POST', '/api/agencies', { body })).status).toBe(409);

    const updated = await app.request('PUT', '/api/agencies/ban-qlda', { body: { ...created.body, name: 'Ban QLDA tỉnh', active: false } });
    expect(updated.status, updated.text).toBe(200);
    expect(updated.body).toMatchObject({ name: 'Ban QLDA tỉnh', active: false, attributes: { staff: 12 } });
    const renamed = await app.request('PUT', '/api/agencies/ban-qlda', { body: { id: 'khac' } });
    expect(renamed.status).toBe(422);

    const deleted = await app.request('DELETE', '/api/agencies/ban-qlda');
    expect(deleted.status).toBe(200);
    expect((await app.request('GET', '/api/agencies/ban-qlda')).status).toBe(404);

    const audit = await app.request('GET', '/api/audit?filter={"resource":"agencies","resourceId":"ban-qlda"}&sort=["id","ASC"]');
    expect(audit.body.map((e: { action: string }) => e.action)).toEqual(['create', 'update', 'delete']);
    expect(audit.body[1].before.name).toBe('Ban Quản lý dự án');
    expect(audit.body[1].after.name).toBe('Ban QLDA tỉnh');
  });

  it('refuses attributes that clash with main fields, and invalid ids', async () => {
    const clash = await app.request('POST', '/api/agencies', {
      body: { id: 'x1', name: 'X', kind: 'board', attributes: { kind: 'district' } },
    });
    expect(clash.status).toBe(422);
    expect(clash.body.errors[0].path).toBe('/attributes/kind');
    const badId = await app.request('POST', '/api/agencies', { body: { id: 'Sở Y tế', name: 'X', kind: 'board' } });
    expect(badId.status).toBe(400);
    expect(badId.body.errors[0].path).toBe('/id');
  });

  it('refuses to delete an agency its users belong to (409)', async () => {
    const res = await app.request('DELETE', `/api/agencies/${OWN_AGENCY}`, { lang: 'en' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('agency-in-use');
    expect((await app.request('GET', `/api/agencies/${OWN_AGENCY}`)).status).toBe(200);
  });

  it('lists with filters and paging; an agency user sees only its own agency', async () => {
    const all = await app.request('GET', '/api/agencies?filter={"kind":"department"}&sort=["id","ASC"]&range=[0,0]', { as: 'evaluator' });
    expect(all.body).toHaveLength(1);
    expect(all.headers.get('content-range')).toBe('agencies 0-0/2');
    const search = await app.request('GET', `/api/agencies?filter=${encodeURIComponent('{"q":"Mộc"}')}`);
    expect(search.body.map((a: { id: string }) => a.id)).toEqual(['moc-chau']);
    const bySet = await app.request('GET', '/api/agencies?filter={"ruleSet":"son-la"}');
    expect(bySet.body.length).toBe(3);

    const own = await app.request('GET', '/api/agencies', { as: 'agency' });
    expect(own.body.map((a: { id: string }) => a.id)).toEqual([OWN_AGENCY]);
    const many = await app.request('GET', `/api/agencies?filter={"id":["${OWN_AGENCY}","${OTHER_AGENCY}"]}`, { as: 'agency' });
    expect(many.body.map((a: { id: string }) => a.id)).toEqual([OWN_AGENCY]);
    expect((await app.request('GET', `/api/agencies/${OTHER_AGENCY}`, { as: 'agency' })).status).toBe(403);
  });

  it('tells the cohort an agency falls in under a version', async () => {
    const dept = await app.request('GET', `/api/agencies/${OWN_AGENCY}/cohort?versionId=${versionId}`, { as: 'agency' });
    expect(dept.status, dept.text).toBe(200);
    expect(dept.body).toEqual({ agencyId: OWN_AGENCY, versionId, cohort: 'so-nganh', matches: ['so-nganh'] });
    const district = await app.request('GET', `/api/agencies/moc-chau/cohort?versionId=${versionId}`);
    expect(district.body.cohort).toBe('huyen');
    expect((await app.request('GET', `/api/agencies/moc-chau/cohort`)).status).toBe(400);
    expect((await app.request('GET', `/api/agencies/moc-chau/cohort?versionId=nope`)).status).toBe(404);
  });
});
