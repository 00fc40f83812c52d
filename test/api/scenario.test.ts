// The story the product exists for, end to end on the first-start data (the shipped Son La 2021
// version, its demo period evaluated by the seed):
//   the evaluator publishes the 2021 ranking; an administrator copies the 2021 version, moves the
//   Tốt threshold from 85 to 80 and publishes it as a new version; the 2021 results under the old
//   version do not move (same result hashes); what-if under the new version shows which agencies
//   change band; the auditor replays the published 2021 ranking and gets "verified".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../support/db';
import { startTestApp, type TestApp } from '../support/app';
import { approvingDecision, filterQuery } from '../support/assessment';
import type { RuleSetVersion } from '../../server/engine/schemaTypes';

describe.each(backends)('scenario: amending the 2021 Son La rules on $name', (backend) => {
  let app: TestApp;
  let period: any;
  let hashesBefore: Map<string, string>;
  let published: any;
  let amended: any;

  beforeAll(async () => {
    app = await startTestApp(backend, { seed: 'demo' });
  });
  afterAll(async () => {
    await app?.close();
  });

  const latestHashes = async (): Promise<Map<string, string>> => {
    const res = await app.request(
      'GET',
      `/api/evaluations?${filterQuery({ periodId: period.id, versionId: period.versionId, latest: true }, [0, 999])}`,
      {
        as: 'evaluator',
      },
    );
    expect(res.status).toBe(200);
    return new Map(res.body.map((e: any) => [e.agencyId, e.hashes.result]));
  };

  it('starts with the 2021 period pinned to the published 2021 version, its submissions evaluated', async () => {
    const periods = await app.request('GET', `/api/periods?${filterQuery({ ruleSet: 'son-la', year: 2021 })}`, { as: 'evaluator' });
    expect(periods.body).toHaveLength(1);
    period = periods.body[0];
    expect(period).toMatchObject({ versionLabel: '2021', status: 'appraisal', demo: true });
    expect(period.submissionCount).toBeGreaterThan(10);
    const version = await app.request('GET', `/api/versions/${period.versionId}`, { as: 'evaluator' });
    expect(version.body.status).toBe('published');

    const ranking = await app.request('GET', `/api/periods/${period.id}/ranking`, { as: 'evaluator' });
    expect(ranking.status, ranking.text).toBe(200);
    expect(ranking.body.stale).toBe(false);
    hashesBefore = await latestHashes();
    expect(hashesBefore.size).toBe(period.submissionCount);
  });

  it('the evaluator closes the period and publishes the 2021 ranking', async () => {
    expect((await app.request('POST', `/api/periods/${period.id}/transition`, { as: 'evaluator', body: { to: 'closed' } })).status).toBe(
      200,
    );
    const res = await app.request('POST', `/api/periods/${period.id}/ranking/publish`, {
      as: 'evaluator',
      body: { decision: approvingDecision(period.year) },
    });
    expect(res.status, res.text).toBe(201);
    published = res.body;
    // Publishing re-evaluated the closed period: nothing had changed, so neither did any result.
    expect(await latestHashes()).toEqual(hashesBefore);
  });

  it('an administrator copies the 2021 version, moves Tốt from 85 to 80 and publishes it as a new version', async () => {
    const copy = await app.request('POST', `/api/versions/${period.versionId}/copy`, { as: 'admin', body: { version: '2021.2' } });
    expect(copy.status, copy.text).toBe(201);
    const draft = await app.request('GET', `/api/versions/${copy.body.id}`, { as: 'admin' });
    const doc = draft.body.document as RuleSetVersion;
    doc.bands.levels.find((l) => l.id === 'tot')!.min = 80;
    doc.effective = { from: '2022-01-01', to: '2023-04-12' };
    // The embedded test cases encode the old threshold; the administrator updates their expectations.
    for (const test of doc.tests ?? []) {
      if (test.expect.band === 'kha' && (test.expect.total ?? 0) >= 80) test.expect.band = 'tot';
    }
    const saved = await app.request('PUT', `/api/versions/${copy.body.id}`, {
      as: 'admin',
      headers: { 'if-match': draft.headers.get('etag')! },
      body: { document: doc },
    });
    expect(saved.status, saved.text).toBe(200);

    // The evaluator cannot publish rule versions; the admin can.
    const note = { changeNote: { vi: 'Hạ ngưỡng mức Tốt từ 85 xuống 80 điểm', en: 'Tốt threshold lowered from 85 to 80' } };
    expect((await app.request('POST', `/api/versions/${copy.body.id}/publish`, { as: 'evaluator', body: note })).status).toBe(403);
    // It would be in force on days the 2021 version still is: publishing needs an answer, here to end 2021 the day before.
    const overlap = await app.request('POST', `/api/versions/${copy.body.id}/publish`, { as: 'admin', body: note });
    expect(overlap.status, overlap.text).toBe(409);
    expect(overlap.body).toMatchObject({ code: 'effective-overlap', overlapping: [{ id: period.versionId, version: '2021' }] });
    const res = await app.request('POST', `/api/versions/${copy.body.id}/publish`, { as: 'admin', body: { ...note, overlap: 'end' } });
    expect(res.status, res.text).toBe(200);
    const ended = await app.request('GET', `/api/versions/${period.versionId}`, { as: 'auditor' });
    expect(ended.body).toMatchObject({ status: 'published', endedOn: '2021-12-31', endedFor: copy.body.id });
    expect((await app.request('GET', '/api/versions/in-force?ruleSet=son-la&date=2021-12-31', { as: 'auditor' })).body.id).toBe(
      period.versionId,
    );
    expect((await app.request('GET', '/api/versions/in-force?ruleSet=son-la&date=2022-01-01', { as: 'auditor' })).body.id).toBe(
      copy.body.id,
    );
    expect(res.body).toMatchObject({ status: 'published', version: '2021.2' });
    amended = res.body;
  });

  it("leaves the evaluator's 2021 results under the old version unchanged", async () => {
    // The 2021 results are published and final: no new evaluation is stored for the period, and
    // replaying the published ranking under its pinned version gives it back byte for byte.
    const again = await app.request('POST', `/api/periods/${period.id}/evaluate`, { as: 'evaluator', body: {} });
    expect(again.status, again.text).toBe(409);
    expect(again.body.code).toBe('period-locked');
    expect(await latestHashes()).toEqual(hashesBefore);
    const replay = await app.request('POST', `/api/published-rankings/${published.id}/replay`, { as: 'auditor' });
    expect(replay.body).toMatchObject({ verified: true, actualHash: published.hash });
    expect((await app.request('GET', `/api/periods/${period.id}/ranking`, { as: 'auditor' })).body.hash).toBe(published.hash);
    expect((await app.request('GET', `/api/periods/${period.id}`)).body).toMatchObject({
      versionId: period.versionId,
      status: 'published',
    });
  });

  it('what-if under the new version shows exactly the agencies between 80 and 85 moving from Khá to Tốt', async () => {
    const res = await app.request('POST', `/api/periods/${period.id}/what-if`, { as: 'admin', body: { versionId: amended.id } });
    expect(res.status, res.text).toBe(200);
    const rows = res.body.rows as any[];
    expect(rows).toHaveLength(hashesBefore.size);
    const movers = rows.filter((r) => r.bandChanged);
    expect(movers.length).toBeGreaterThan(0);
    for (const r of rows) {
      const inGap = r.before.total >= 80 && r.before.total < 85;
      expect(r.bandChanged, `${r.agencyId} ${r.before.total}`).toBe(inGap);
      expect(r.after.total).toBe(r.before.total);
      expect(r.after.rank).toBe(r.before.rank);
      if (inGap) expect([r.before.band.id, r.after.band.id]).toEqual(['kha', 'tot']);
    }
    expect(res.body.summary).toMatchObject({ bandChanged: movers.length, rankChanged: 0 });
  });

  it('the auditor replays the published 2021 ranking and gets verified, but cannot change anything', async () => {
    const replay = await app.request('POST', `/api/published-rankings/${published.id}/replay`, { as: 'auditor' });
    expect(replay.status).toBe(200);
    expect(replay.body).toMatchObject({ verified: true, storedIntact: true, differences: [], expectedHash: published.hash });
    expect(replay.body.versionHash.actual).toBe(replay.body.versionHash.expected);

    const evaluation = (await app.request('GET', `/api/evaluations?${filterQuery({ periodId: period.id }, [0, 0])}`, { as: 'auditor' }))
      .body[0];
    expect((await app.request('POST', `/api/evaluations/${evaluation.id}/replay`, { as: 'auditor' })).body.verified).toBe(true);

    for (const [method, path, body] of [
      ['POST', `/api/periods/${period.id}/evaluate`, {}],
      ['POST', `/api/periods/${period.id}/ranking/publish`, { decision: approvingDecision(period.year) }],
      ['POST', `/api/submissions/${evaluation.submissionId}/appraisals`, { fact: 'staff_total', value: 1, reason: 'x' }],
      ['POST', `/api/versions/${amended.id}/copy`, { version: '2021.3' }],
    ] as const) {
      expect((await app.request(method, path, { as: 'auditor', body })).status, path).toBe(403);
    }
    const chain = await app.request('GET', '/api/audit/verify', { as: 'auditor' });
    expect(chain.body.valid).toBe(true);
  });
});
