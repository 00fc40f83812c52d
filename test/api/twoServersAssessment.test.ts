// Two server processes on one PostgreSQL database, writing one submission at once: concurrent saves
// holding the same ETag have exactly one winner (the rest 412, nothing changed), and concurrent
// appraisals of different facts all land — none lost, every one a revision.
import { describe, expect, it } from 'vitest';
import { login } from '../support/server';
import { TWO_SERVERS_PASSWORD, twoServers } from '../support/twoServers';
import { demoFacts, filterQuery } from '../support/assessment';

const url = process.env.TEST_DATABASE_URL;

describe.runIf(url)('two servers, one PostgreSQL database: submissions', () => {
  const { servers, start, signIn } = twoServers(url!, 't2a');

  it('one winner per ETag for concurrent saves, and no appraisal lost', async () => {
    await start();
    const call = await signIn('evaluator');

    // The seeded 2021 period gives the pinned version and agencies assessed under it.
    const year2021 = (await call(0, 'GET', `/api/periods?${filterQuery({ ruleSet: 'son-la', year: 2021 })}`)).body[0];
    const agencyId = (await call(1, 'GET', `/api/submissions?${filterQuery({ periodId: year2021.id }, [0, 0])}`)).body[0].agencyId;
    const period = await call(0, 'POST', '/api/periods', { year: 2022, versionId: year2021.versionId, title: 'Hai máy chủ' });
    expect(period.status).toBe(201);
    const { reported, evaluator } = demoFacts(agencyId);
    const created = await call(1, 'POST', '/api/submissions', { periodId: period.body.id, agencyId, facts: reported });
    expect(created.status).toBe(201);
    const id = created.body.id;

    const saves = await Promise.all(
      Array.from({ length: 20 }, (_, w) =>
        call(
          w,
          'PUT',
          `/api/submissions/${id}`,
          { facts: { ...reported, staff_total: 1000 + w } },
          { 'if-match': `"${created.body.etag}"` },
        ),
      ),
    );
    const ok = saves.filter((r) => r.status === 200);
    expect(ok).toHaveLength(1);
    expect(saves.filter((r) => r.status === 412 && r.body.code === 'stale-etag')).toHaveLength(19);
    const winner = ok[0].body;
    for (const i of [0, 1]) {
      const now = await call(i, 'GET', `/api/submissions/${id}`);
      expect(now.body).toMatchObject({ revision: 2, etag: winner.etag });
      expect(now.body.facts.staff_total).toBe(winner.facts.staff_total);
    }
    // The audit log is the auditor's to read.
    const auditor = await login(servers[0].url, 'auditor', TWO_SERVERS_PASSWORD);
    const audit = async (path: string) => (await fetch(servers[0].url + path, { headers: { cookie: auditor.cookie } })).json();
    const updates = { body: await audit(`/api/audit?${filterQuery({ resource: 'submissions', resourceId: id, action: 'update' })}`) };
    expect(updates.body.map((e: any) => e.after.facts.staff_total)).toEqual([winner.facts.staff_total]);

    const refusal = await call(1, 'POST', `/api/submissions/${id}/submit`, {});
    expect(refusal.body.code).toBe('evidence-missing');
    for (const { path } of refusal.body.errors) {
      const key = path.replace(/^\/evidence\//, '');
      const link = await call(0, 'POST', `/api/submissions/${id}/evidence`, {
        key,
        kind: 'link',
        url: `https://sonla.gov.vn/van-ban/${key}`,
      });
      expect(link.status).toBe(201);
    }
    expect((await call(1, 'POST', `/api/submissions/${id}/submit`, {})).status).toBe(200);
    const appraisals = [...Object.entries(evaluator), ['staff_total', 900], ['staff_with_computer', 1]] as [string, unknown][];
    const results = await Promise.all(
      appraisals.map(([fact, value], w) => call(w, 'POST', `/api/submissions/${id}/appraisals`, { fact, value, reason: `lý do ${w}` })),
    );
    expect(results.map((r) => r.status)).toEqual(appraisals.map(() => 201));
    const final = (await call(0, 'GET', `/api/submissions/${id}`)).body;
    expect(final.appraisedFacts).toEqual(Object.fromEntries(appraisals));
    expect(final.facts.staff_total).toBe(winner.facts.staff_total);
    expect(final.revision).toBe(3 + refusal.body.errors.length + appraisals.length);
    const revisions = (await call(1, 'GET', `/api/submissions/${id}/revisions?sort=${encodeURIComponent('["revision","ASC"]')}`)).body;
    expect(revisions.map((r: { revision: number }) => r.revision)).toEqual(Array.from({ length: final.revision }, (_, i) => i + 1));
    expect((await audit('/api/audit/verify')).valid).toBe(true);
  });
});
