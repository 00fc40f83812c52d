// The filters that find things in the console's lists: agencies by rule set, version and cohort;
// submissions by rule set and cohort; evaluations by rule set and cohort. A value that names
// nothing is a 400 pointing at the filter, never an empty list or every row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../support/db';
import { OTHER_AGENCY, OWN_AGENCY, startTestApp, type TestApp } from '../support/app';
import { filterQuery, openPeriod, publishSonLa, submitDemo } from '../support/assessment';

describe.each(backends)('list filters on $name', (backend) => {
  let app: TestApp;
  let versionId: string;
  let otherVersionId: string;
  let period: { id: string };

  beforeAll(async () => {
    app = await startTestApp(backend);
    versionId = (await publishSonLa(app, '2021')).id;
    period = await openPeriod(app, versionId);
    for (const agency of [OWN_AGENCY, OTHER_AGENCY, 'moc-chau']) await submitDemo(app, period.id, agency);
    const evaluated = await app.request('POST', `/api/periods/${period.id}/evaluate`, { as: 'evaluator', body: {} });
    expect(evaluated.status, evaluated.text).toBe(201);
    const other = await app.request('POST', '/api/versions', {
      as: 'admin',
      body: { document: { ...(await app.request('GET', `/api/versions/${versionId}`)).body.document, ruleSet: 'tinh-khac', version: '1' } },
    });
    expect(other.status, other.text).toBe(201);
    otherVersionId = other.body.id;
  });
  afterAll(async () => {
    await app?.close();
  });

  const ids = (body: { id?: string; agencyId?: string }[]) => body.map((r) => r.agencyId ?? r.id).sort();
  const list = (resource: string, filter: Record<string, unknown>, as: 'evaluator' | 'agency' = 'evaluator') =>
    app.request('GET', `/api/${resource}?${filterQuery(filter)}`, { as });
  const refused = async (resource: string, filter: Record<string, unknown>, key: string) => {
    const res = await list(resource, filter);
    expect(res.status, res.text).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('invalid-query');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual([`/query/filter/${key}`]);
  };

  it('lists the agencies of a cohort under a version, and refuses a cohort, version or rule set that is not there', async () => {
    const departments = await list('agencies', { versionId, cohort: 'so-nganh' });
    expect(departments.status, departments.text).toBe(200);
    expect(ids(departments.body)).toEqual([OTHER_AGENCY, OWN_AGENCY].sort());
    expect(departments.headers.get('content-range')).toBe('agencies 0-1/2');
    expect(ids((await list('agencies', { versionId, cohort: 'huyen' })).body)).toEqual(['moc-chau']);
    // the version's rule set narrows the list as the ruleSet filter does
    expect(ids((await list('agencies', { versionId })).body)).toEqual(ids((await list('agencies', { ruleSet: 'son-la' })).body));
    expect((await list('agencies', { versionId: otherVersionId })).body).toEqual([]);
    expect(ids((await list('agencies', { versionId, cohort: 'so-nganh' }, 'agency')).body)).toEqual([OWN_AGENCY]);

    await refused('agencies', { versionId, cohort: 'khong-co' }, 'cohort');
    await refused('agencies', { cohort: 'so-nganh' }, 'cohort');
    await refused('agencies', { versionId: '00000000-0000-4000-8000-000000000000' }, 'versionId');
    await refused('agencies', { versionId: 'not-a-uuid' }, 'versionId');
    await refused('agencies', { versionId, ruleSet: 'tinh-khac' }, 'versionId');
    await refused('agencies', { ruleSet: 'khong-co' }, 'ruleSet');
  });

  it("lists a period's submissions by cohort and by rule set", async () => {
    const districts = await list('submissions', { periodId: period.id, cohort: 'huyen' });
    expect(districts.status, districts.text).toBe(200);
    expect(ids(districts.body)).toEqual(['moc-chau']);
    expect(ids((await list('submissions', { periodId: period.id, cohort: 'so-nganh' })).body)).toEqual([OTHER_AGENCY, OWN_AGENCY].sort());
    expect(ids((await list('submissions', { periodId: period.id, cohort: 'huyen' }, 'agency')).body)).toEqual([]);
    expect((await list('submissions', { ruleSet: 'son-la' })).body).toHaveLength(3);
    expect((await list('submissions', { ruleSet: 'tinh-khac' })).body).toEqual([]);

    await refused('submissions', { periodId: period.id, cohort: 'khong-co' }, 'cohort');
    await refused('submissions', { cohort: 'huyen' }, 'cohort');
    await refused('submissions', { periodId: '00000000-0000-4000-8000-000000000000', cohort: 'huyen' }, 'periodId');
    await refused('submissions', { ruleSet: 'khong-co' }, 'ruleSet');
  });

  it('lists evaluations by rule set and cohort, refusing a cohort no version defines', async () => {
    const bySet = await list('evaluations', { ruleSet: 'son-la' });
    expect(bySet.status, bySet.text).toBe(200);
    expect(ids(bySet.body)).toEqual([OTHER_AGENCY, OWN_AGENCY, 'moc-chau'].sort());
    expect((await list('evaluations', { ruleSet: 'tinh-khac' })).body).toEqual([]);
    expect(ids((await list('evaluations', { ruleSet: 'son-la', cohort: 'huyen' })).body)).toEqual(['moc-chau']);

    await refused('evaluations', { cohort: 'khong-co' }, 'cohort');
    await refused('evaluations', { ruleSet: 'khong-co' }, 'ruleSet');
  });

  it('documents each filter of these lists', async () => {
    const doc = (await app.request('GET', '/api/openapi.json')).body;
    const filterOf = (path: string) => doc.paths[path].get.parameters.find((p: { name: string }) => p.name === 'filter').description;
    expect(filterOf('/agencies')).toContain('cohort: agencies in this cohort under versionId');
    expect(filterOf('/submissions')).toContain('ruleSet: submissions to periods of this rule set');
    expect(filterOf('/evaluations')).toContain('ruleSet: evaluations under versions of this rule set');
  });
});
