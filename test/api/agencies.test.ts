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

    const updated = await app.request('PUT', '/api/agencies/ban-qlda', {
      body: { ...created.body, name: 'Ban QLDA tỉnh', active: false },
      readFirst: true,
    });
    expect(updated.status, updated.text).toBe(200);
    expect(updated.body).toMatchObject({ name: 'Ban QLDA tỉnh', active: false, attributes: { staff: 12 } });
    const renamed = await app.request('PUT', '/api/agencies/ban-qlda', { body: { id: 'khac' }, readFirst: true });
    expect(renamed.status).toBe(422);

    const deleted = await app.request('DELETE', '/api/agencies/ban-qlda');
    expect(deleted.status).toBe(200);
    expect((await app.request('GET', '/api/agencies/ban-qlda')).status).toBe(404);

    const audit = await app.request('GET', '/api/audit?filter={"resource":"agencies","resourceId":"ban-qlda"}&sort=["id","ASC"]');
    expect(audit.body.map((e: { action: string }) => e.action)).toEqual(['create', 'update', 'delete']);
    expect(audit.body[1].before.name).toBe('Ban Quản lý dự án');
    expect(audit.body[1].after.name).toBe('Ban QLDA tỉnh');
  });

  it('saves only over what the editor read: 428 without If-Match, 412 when someone saved in between', async () => {
    const path = `/api/agencies/${OTHER_AGENCY}`;
    const missing = await app.request('PUT', path, { body: { name: 'Không If-Match' } });
    expect([missing.status, missing.body.code]).toEqual([428, 'if-match-required']);
    const read = (await app.request('GET', path)).headers.get('ETag')!;
    expect(read).toMatch(/^"[0-9a-f]{32}"$/);
    const first = await app.request('PUT', path, { body: { name: 'Sở Y tế (1)' }, headers: { 'If-Match': read } });
    expect(first.status, first.text).toBe(200);
    const second = await app.request('PUT', path, { body: { name: 'Sở Y tế (2)' }, headers: { 'If-Match': read } });
    expect([second.status, second.body.code]).toEqual([412, 'stale-etag']);
    expect((await app.request('GET', path)).body.name).toBe('Sở Y tế (1)');
    // The saved answer's ETag is the one to save with next.
    const third = await app.request('PUT', path, { body: { name: 'Sở Y tế' }, headers: { 'If-Match': first.headers.get('ETag')! } });
    expect(third.status, third.text).toBe(200);
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

  it('sorts names in Vietnamese alphabetical order, not byte order', async () => {
    const pairs = ['Sở Giao thông vận tải', 'Sở Giáo dục và Đào tạo', 'UBND huyện Mường La', 'UBND huyện Mộc Châu'];
    pairs.push('Sở Khoa học và Công nghệ', 'Sở Kế hoạch và Đầu tư');
    for (const [i, name] of pairs.entries()) {
      const res = await app.request('POST', '/api/agencies', { body: { id: `thu-tu-${i}`, name, kind: 'department', ruleSets: [] } });
      expect(res.status, res.text).toBe(201);
    }
    const names = async (order: 'ASC' | 'DESC') => {
      const sort = encodeURIComponent(JSON.stringify(['name', order]));
      const res = await app.request('GET', `/api/agencies?sort=${sort}&filter=${encodeURIComponent('{"q":"thu-tu-"}')}`);
      expect(res.status).toBe(200);
      return (res.body as { name: string }[]).map((a) => a.name);
    };
    const ascending = await names('ASC');
    const before = (a: string, b: string) => expect(ascending.indexOf(a), `${a} before ${b}`).toBeLessThan(ascending.indexOf(b));
    // a tone is not a letter: "Giáo dục" is "giao duc" before "giao thong"
    before('Sở Giáo dục và Đào tạo', 'Sở Giao thông vận tải');
    // ô comes before ư in the alphabet
    before('UBND huyện Mộc Châu', 'UBND huyện Mường La');
    // "Kế hoạch" is k-e, before k-h
    before('Sở Kế hoạch và Đầu tư', 'Sở Khoa học và Công nghệ');
    expect(await names('DESC')).toEqual([...ascending].reverse());
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
