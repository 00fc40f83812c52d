// Evaluations, rankings, publication, replay and what-if through the API, with the role matrix:
// the evaluator evaluates and publishes; the auditor reads and replays; agency users see only their
// own evaluations; stored results and published rankings cannot be changed, and tampering shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../support/db';
import { OTHER_AGENCY, OWN_AGENCY, startTestApp, type TestApp } from '../support/app';
import { appraiseDemo, approvingDecision, filterQuery, openPeriod, publishSonLa, submitDemo } from '../support/assessment';
import { sonLa2021, withGoodThreshold } from '../support/fixtures';

const AGENCIES = [OWN_AGENCY, OTHER_AGENCY, 'moc-chau'];

describe.each(backends)('evaluations, rankings and replay API on $name', (backend) => {
  let app: TestApp;
  let versionId: string;
  let period: any;
  const submissions: Record<string, any> = {};

  beforeAll(async () => {
    app = await startTestApp(backend);
    versionId = (await publishSonLa(app, '2021')).id;
    period = await openPeriod(app, versionId);
    for (const agency of AGENCIES) {
      const s = await submitDemo(app, period.id, agency);
      await appraiseDemo(app, s.id, agency);
      submissions[agency] = s;
    }
  });
  afterAll(async () => {
    await app?.close();
  });

  const evaluate = (as: 'evaluator' | 'admin' | 'auditor' | 'agency' = 'evaluator', body: unknown = {}) =>
    app.request('POST', `/api/periods/${period.id}/evaluate`, { as, body });

  let first: any;

  it('evaluates the whole period: every submitted submission, with hashes, engine version and cohort', async () => {
    const res = await evaluate();
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ periodId: period.id, versionId });
    expect(res.body.evaluations).toHaveLength(3);
    const byAgency = Object.fromEntries(res.body.evaluations.map((e: any) => [e.agencyId, e]));
    expect(byAgency[OWN_AGENCY].cohort).toBe('so-nganh');
    expect(byAgency['moc-chau'].cohort).toBe('huyen');
    for (const e of res.body.evaluations) {
      expect(e.hashes.input).toMatch(/^[0-9a-f]{64}$/);
      expect(e.hashes.result).toMatch(/^[0-9a-f]{64}$/);
      expect(e.engineVersion).toBeTruthy();
      expect(e.band.label.vi).toBeTruthy();
      expect(e.total).toBeGreaterThan(0);
      expect(e).not.toHaveProperty('result');
    }
    first = res.body;

    const again = await evaluate();
    const hashes = (b: any) => b.evaluations.map((e: any) => `${e.agencyId}:${e.hashes.result}`).sort();
    expect(hashes(again.body)).toEqual(hashes(first));

    const audit = await app.request(
      'GET',
      `/api/audit?${filterQuery({ resource: 'periods', resourceId: period.id, action: 'evaluate' })}`,
      { as: 'auditor' },
    );
    expect(audit.body).toHaveLength(2);
  });

  it('lets only the evaluator evaluate', async () => {
    for (const as of ['admin', 'auditor', 'agency'] as const) expect((await evaluate(as)).status).toBe(403);
    expect((await app.request('POST', `/api/submissions/${submissions[OWN_AGENCY].id}/evaluate`, { as: 'agency', body: {} })).status).toBe(
      403,
    );
  });

  it('stores the full result with the trace, readable by id; lists omit it', async () => {
    const id = first.evaluations.find((e: any) => e.agencyId === OWN_AGENCY).id;
    const one = await app.request('GET', `/api/evaluations/${id}`, { as: 'auditor' });
    expect(one.status).toBe(200);
    expect(one.body.result.nodes.length).toBeGreaterThan(0);
    const criterion = JSON.stringify(one.body.result.nodes).match(/"trace":\{"method":"[a-zA-Z]+"/);
    expect(criterion).not.toBeNull();
    expect(one.body.input.agency.id).toBe(OWN_AGENCY);
    expect(one.body.input.facts).toEqual((await app.request('GET', `/api/submissions/${submissions[OWN_AGENCY].id}`)).body.effectiveFacts);
    expect(one.body.hashes.result).toBe(one.body.result.hashes.result);

    const list = await app.request('GET', `/api/evaluations?${filterQuery({ periodId: period.id, latest: true })}`, { as: 'evaluator' });
    expect(list.headers.get('content-range')).toMatch(/\/3$/);
    expect(list.body[0]).not.toHaveProperty('result');
  });

  it('shows agency users their own evaluations only', async () => {
    const mine = await app.request('GET', `/api/evaluations?${filterQuery({ periodId: period.id })}`, { as: 'agency' });
    expect(mine.status).toBe(200);
    expect(mine.body.length).toBeGreaterThan(0);
    expect(mine.body.every((e: { agencyId: string }) => e.agencyId === OWN_AGENCY)).toBe(true);
    const theirs = first.evaluations.find((e: any) => e.agencyId === OTHER_AGENCY).id;
    expect((await app.request('GET', `/api/evaluations/${theirs}`, { as: 'agency' })).status).toBe(403);
    expect((await app.request('GET', `/api/evaluations?${filterQuery({ agencyId: OTHER_AGENCY })}`, { as: 'agency' })).status).toBe(403);
    const own = mine.body[0].id;
    expect((await app.request('GET', `/api/evaluations/${own}`, { as: 'agency' })).body.result.nodes.length).toBeGreaterThan(0);
  });

  it("compares an evaluation with its cohort's means per main index, and lets an agency user ask only for its own", async () => {
    const ids = Object.fromEntries(first.evaluations.map((e: any) => [e.agencyId, e.id]));
    const res = await app.request('GET', `/api/evaluations/${ids[OWN_AGENCY]}/cohort-comparison`, { as: 'agency' });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ evaluationId: ids[OWN_AGENCY], periodId: period.id, versionId, cohort: 'so-nganh', agencies: 2 });
    expect(res.body.cohortName.vi).toBeTruthy();

    // the means of the two departments' own results, as the staff read them one by one
    const full = await Promise.all(
      [OWN_AGENCY, OTHER_AGENCY].map(async (a) => (await app.request('GET', `/api/evaluations/${ids[a]}`, { as: 'auditor' })).body),
    );
    const main = (nodes: any[]) => nodes.flatMap((n) => (n.kind === 'group' && n.children ? n.children : [n]));
    const indices = res.body.average.indices;
    expect(indices.map((i: any) => i.code)).toEqual(main(full[0].result.nodes).map((n: any) => n.code));
    expect(indices.length).toBeGreaterThanOrEqual(5);
    for (const index of indices) {
      const nodes = full.map((e) => main(e.result.nodes).find((n: any) => n.code === index.code));
      expect(index.title.vi).toBe(nodes[0].title.vi);
      expect(index.agencies).toBe(2);
      expect(index.points).toBeCloseTo((nodes[0].points + nodes[1].points) / 2, 1);
      expect(index.percentage).toBeCloseTo((100 * nodes[0].points) / nodes[0].max / 2 + (100 * nodes[1].points) / nodes[1].max / 2, 1);
    }
    expect(res.body.average.total).toBeCloseTo((full[0].total + full[1].total) / 2, 1);
    // the two differ, so the mean is neither agency's own result
    expect(full[0].total).not.toBe(full[1].total);
    expect(res.body.average.total).not.toBe(full[0].total);

    // nothing of the other agency of its own: neither its name, its id nor its total
    const text = JSON.stringify(res.body);
    expect(text).not.toContain(OTHER_AGENCY);
    expect(text).not.toContain(full[1].agencyName);
    expect(text).not.toContain(`:${full[1].total},`);
    const other = await app.request('GET', `/api/evaluations/${ids[OTHER_AGENCY]}/cohort-comparison`, { as: 'agency' });
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('other-agency');

    // a district is compared with the districts only: here itself alone
    const district = await app.request('GET', `/api/evaluations/${ids['moc-chau']}/cohort-comparison`, { as: 'evaluator' });
    expect(district.body).toMatchObject({ cohort: 'huyen', agencies: 1 });
    expect(district.body.average.total).toBe(first.evaluations.find((e: any) => e.agencyId === 'moc-chau').total);
    expect(
      (await app.request('GET', '/api/evaluations/00000000-0000-4000-8000-000000000000/cohort-comparison', { as: 'evaluator' })).status,
    ).toBe(404);
  });

  it('evaluates one submission within its cohort, the same as in the period batch', async () => {
    const res = await app.request('POST', `/api/submissions/${submissions['moc-chau'].id}/evaluate`, { as: 'evaluator', body: {} });
    expect(res.status, res.text).toBe(201);
    expect(res.body.batchKind).toBe('submission');
    expect(res.body.hashes.result).toBe(first.evaluations.find((e: any) => e.agencyId === 'moc-chau').hashes.result);
  });

  it("stores evaluations only under the period's pinned version: another version is a what-if, never another rule set", async () => {
    const other = await app.request('POST', '/api/versions', {
      body: { document: withGoodThreshold(sonLa2021({ version: 'nhap-80' }), 80) },
    });
    const before = (await app.request('GET', '/api/evaluations')).headers.get('content-range');
    const res = await evaluate('evaluator', { versionId: other.body.id });
    expect(res.status, res.text).toBe(409);
    expect(res.body.code).toBe('not-pinned-version');
    expect((await app.request('GET', '/api/evaluations')).headers.get('content-range')).toBe(before);
    // What the draft would change is what-if's to show, and it stores nothing.
    const whatIf = await app.request('POST', `/api/periods/${period.id}/what-if`, { as: 'evaluator', body: { versionId: other.body.id } });
    expect(whatIf.status, whatIf.text).toBe(200);
    expect((await app.request('GET', '/api/evaluations')).headers.get('content-range')).toBe(before);

    const foreign = await app.request('POST', '/api/versions', { body: { document: sonLa2021({ ruleSet: 'tinh-khac', version: '1' }) } });
    const refused = await evaluate('evaluator', { versionId: foreign.body.id });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('rule-set-mismatch');
  });

  it('replays a stored evaluation as verified, and reports the differences when it was altered behind the API', async () => {
    const id = first.evaluations.find((e: any) => e.agencyId === OTHER_AGENCY).id;
    const ok = await app.request('POST', `/api/evaluations/${id}/replay`, { as: 'auditor' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ verified: true, differences: [], storedIntact: true });
    expect(ok.body.actualHash).toBe(ok.body.expectedHash);
    expect((await app.request('POST', `/api/evaluations/${id}/replay`, { as: 'agency' })).status).toBe(403);

    await expect(app.ctx.db.query(`UPDATE evaluations SET total = 100 WHERE id = $1`, [id])).rejects.toThrow(/append-only/);
    // Someone with the database's keys turns the guard off and edits the stored total.
    await app.ctx.db.exec('ALTER TABLE evaluations DISABLE TRIGGER evaluations_append_only');
    await app.ctx.db.query(`UPDATE evaluations SET result = jsonb_set(result, '{total}', '99.99') WHERE id = $1`, [id]);
    await app.ctx.db.exec('ALTER TABLE evaluations ENABLE TRIGGER evaluations_append_only');
    const bad = await app.request('POST', `/api/evaluations/${id}/replay`, { as: 'auditor' });
    expect(bad.body.verified).toBe(false);
    expect(bad.body.storedIntact).toBe(false);
    // where, in words too: the agency and the field
    const { agencyName } = first.evaluations.find((e: any) => e.agencyId === OTHER_AGENCY);
    expect(bad.body.differences).toContainEqual({
      path: '/total',
      expected: 99.99,
      actual: expect.any(Number),
      where: { vi: `${agencyName} › tổng điểm`, en: `${agencyName} › total` },
    });
  });

  it('ranks the period per cohort from the newest evaluation, and says when it is stale', async () => {
    await evaluate();
    const ranking = await app.request('GET', `/api/periods/${period.id}/ranking`, { as: 'auditor' });
    expect(ranking.status, ranking.text).toBe(200);
    expect(ranking.body.stale).toBe(false);
    expect(ranking.body.cohorts.map((c: any) => c.cohort).sort()).toEqual(['huyen', 'so-nganh']);
    const soNganh = ranking.body.cohorts.find((c: any) => c.cohort === 'so-nganh');
    expect(soNganh.entries.map((e: any) => e.agencyId).sort()).toEqual([OTHER_AGENCY, OWN_AGENCY].sort());
    expect(soNganh.entries[0].total).toBeGreaterThanOrEqual(soNganh.entries[1].total);
    expect(ranking.body.hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await app.request('GET', `/api/periods/${period.id}/ranking`, { as: 'agency' })).status).toBe(403);

    await app.request('POST', `/api/submissions/${submissions[OWN_AGENCY].id}/appraisals`, {
      as: 'evaluator',
      body: { fact: 'late_reports', value: 2, reason: 'Chậm 2 báo cáo quý' },
    });
    expect((await app.request('GET', `/api/periods/${period.id}/ranking`)).body.stale).toBe(true);

    const empty = await openPeriod(app, versionId);
    const none = await app.request('GET', `/api/periods/${empty.id}/ranking`, { as: 'evaluator' });
    expect(none.status).toBe(404);
    expect(none.body.code).toBe('not-evaluated');
    expect((await app.request('POST', `/api/periods/${empty.id}/evaluate`, { as: 'evaluator', body: {} })).status).toBe(409);
  });

  it('what-if: the current inputs under another version, agency by agency; stores nothing', async () => {
    const draft = await app.request('POST', '/api/versions', {
      body: { document: withGoodThreshold(sonLa2021({ version: 'nhap-tot-80' }), 80) },
    });
    const count = async () => Number((await app.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM evaluations')).rows[0].n);
    const before = await count();
    const res = await app.request('POST', `/api/periods/${period.id}/what-if`, { as: 'admin', body: { versionId: draft.body.id } });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ periodId: period.id, baseVersionId: versionId, versionId: draft.body.id, versionStatus: 'draft' });
    expect(res.body.rows).toHaveLength(3);
    for (const row of res.body.rows) {
      expect(row.after.total).toBe(row.before.total);
      expect(row.bandChanged).toBe(row.before.band.id !== row.after.band.id);
      // With Tốt from 80, exactly the agencies with 80 ≤ total < 85 move up from Khá.
      expect(row.bandChanged).toBe(row.before.total >= 80 && row.before.total < 85);
      if (row.after.total >= 80) expect(row.after.band.id).toBe('tot');
    }
    expect(res.body.summary.bandChanged).toBe(res.body.rows.filter((r: any) => r.bandChanged).length);
    expect(await count()).toBe(before);
    expect(
      (await app.request('POST', `/api/periods/${period.id}/what-if`, { as: 'auditor', body: { versionId: draft.body.id } })).status,
    ).toBe(200);
    expect(
      (await app.request('POST', `/api/periods/${period.id}/what-if`, { as: 'agency', body: { versionId: draft.body.id } })).status,
    ).toBe(403);
    expect((await app.request('POST', `/api/periods/${period.id}/what-if`, { as: 'admin', body: {} })).status).toBe(400);
  });

  let published: any;

  it('publishes only a closed period: evaluates afresh, freezes the ranking with its hash, marks the period published', async () => {
    const early = await app.request('POST', `/api/periods/${period.id}/ranking/publish`, {
      as: 'evaluator',
      body: { decision: approvingDecision(period.year) },
    });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('period-not-closed');
    for (const to of ['appraisal', 'closed']) {
      expect((await app.request('POST', `/api/periods/${period.id}/transition`, { as: 'evaluator', body: { to } })).status).toBe(200);
    }
    // Closed: submissions are the record now, in the API and in the database.
    const late = await app.request('POST', `/api/submissions/${submissions[OWN_AGENCY].id}/appraisals`, {
      as: 'evaluator',
      body: { fact: 'late_reports', value: 0, reason: 'quá hạn' },
    });
    expect(late.status).toBe(409);
    await expect(
      app.ctx.db.query(`UPDATE submissions SET facts = '{}'::jsonb WHERE id = $1`, [submissions[OWN_AGENCY].id]),
    ).rejects.toThrow(/period-closed/);

    for (const as of ['admin', 'auditor', 'agency'] as const) {
      expect(
        (await app.request('POST', `/api/periods/${period.id}/ranking/publish`, { as, body: { decision: approvingDecision(period.year) } }))
          .status,
      ).toBe(403);
    }
    const res = await app.request('POST', `/api/periods/${period.id}/ranking/publish`, {
      as: 'evaluator',
      body: { decision: approvingDecision(period.year) },
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ periodId: period.id, versionId, publishedBy: 'evaluator' });
    expect(res.body.hash).toBe(res.body.ranking.hash);
    expect(res.body.evaluationIds).toHaveLength(3);
    published = res.body;
    // The late-reports appraisal made before closing is in the published result.
    const current = await app.request('GET', `/api/periods/${period.id}/ranking`);
    expect(current.body.hash).toBe(published.hash);
    expect(current.body.stale).toBe(false);

    expect((await app.request('GET', `/api/periods/${period.id}`)).body.status).toBe('published');
    const twice = await app.request('POST', `/api/periods/${period.id}/ranking/publish`, {
      as: 'evaluator',
      body: { decision: approvingDecision(period.year) },
    });
    expect(twice.status).toBe(409);
    const audit = await app.request('GET', `/api/audit?${filterQuery({ resource: 'published-rankings', resourceId: published.id })}`, {
      as: 'auditor',
    });
    expect(audit.body[0]).toMatchObject({ action: 'publish', actor: 'evaluator', after: { hash: published.hash } });
  });

  it('lists and reads published rankings, agency users too (published results are public)', async () => {
    const list = await app.request('GET', `/api/published-rankings?${filterQuery({ periodId: period.id })}`, { as: 'auditor' });
    expect(list.status).toBe(200);
    expect(list.headers.get('content-range')).toBe('published-rankings 0-0/1');
    expect(list.body[0].hash).toBe(published.hash);
    const one = await app.request('GET', `/api/published-rankings/${published.id}`, { as: 'admin' });
    expect(one.body.ranking.cohorts.length).toBe(2);
    const asAgency = await app.request('GET', `/api/published-rankings/${published.id}`, { as: 'agency' });
    expect(asAgency.status).toBe(200);
    expect(asAgency.body.hash).toBe(published.hash);
    expect((await app.request('GET', '/api/published-rankings', { as: 'agency' })).body[0].id).toBe(published.id);
    expect((await app.request('POST', `/api/published-rankings/${published.id}/replay`, { as: 'agency' })).status).toBe(403);
  });

  it('replays the published ranking as verified; a snapshot changed behind the API is caught', async () => {
    const ok = await app.request('POST', `/api/published-rankings/${published.id}/replay`, { as: 'auditor' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ verified: true, expectedHash: published.hash, actualHash: published.hash, differences: [] });
    expect((await app.request('POST', `/api/published-rankings/${published.id}/replay`, { as: 'agency' })).status).toBe(403);

    await expect(app.ctx.db.query(`UPDATE published_rankings SET hash = repeat('0', 64) WHERE id = $1`, [published.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(app.ctx.db.query(`DELETE FROM published_rankings WHERE id = $1`, [published.id])).rejects.toThrow(/append-only/);

    await app.ctx.db.exec('ALTER TABLE published_rankings DISABLE TRIGGER published_rankings_immutable');
    await app.ctx.db.query(`UPDATE published_rankings SET ranking = jsonb_set(ranking, '{cohorts,0,entries,0,rank}', '7') WHERE id = $1`, [
      published.id,
    ]);
    await app.ctx.db.exec('ALTER TABLE published_rankings ENABLE TRIGGER published_rankings_immutable');
    const bad = await app.request('POST', `/api/published-rankings/${published.id}/replay`, { as: 'auditor' });
    expect(bad.body.verified).toBe(false);
    expect(bad.body.storedIntact).toBe(false);
    const { name, entries } = (await app.request('GET', `/api/published-rankings/${published.id}`, { as: 'auditor' })).body.ranking
      .cohorts[0];
    expect(bad.body.differences).toContainEqual({
      path: '/cohorts/0/entries/0/rank',
      expected: 7,
      actual: 1,
      where: { vi: `khối «${name.vi}» › ${entries[0].agencyName} › thứ hạng`, en: `cohort "${name.en}" › ${entries[0].agencyName} › rank` },
    });
  });
});
