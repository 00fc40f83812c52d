// Two server processes on one PostgreSQL database (issue 3 §7): they start together (migrations and
// seed serialise on advisory locks), then concurrent updates of one draft through both: exactly one
// write wins per version of the draft, the others get 412, and nothing is lost.
import { describe, expect, it } from 'vitest';
import { twoServers } from '../support/twoServers';

const url = process.env.TEST_DATABASE_URL;

describe.runIf(url)('two servers, one PostgreSQL database', () => {
  const { servers, start, signIn } = twoServers(url!, 't2');

  it('serialises concurrent draft updates across processes: one winner per ETag, the rest 412, no lost update', async () => {
    await start();
    // Exactly one of them seeded (one set of demo users, one published Son La 2021).
    expect(servers.filter((s) => s.output().includes('empty database seeded'))).toHaveLength(1);

    const call = await signIn('admin');

    const inForce = await call(0, 'GET', '/api/versions/in-force?ruleSet=son-la&date=2021-12-31');
    expect(inForce.status).toBe(200);
    const copy = await call(1, 'POST', `/api/versions/${inForce.body.id}/copy`, { version: '2021-concurrent' });
    expect(copy.status).toBe(201);
    const id = copy.body.id;
    let etag = copy.body.etag;
    const base = (await call(0, 'GET', `/api/versions/${id}`)).body.document;

    const winners: string[] = [];
    for (let round = 0; round < 4; round++) {
      const writers = Array.from({ length: 10 }, (_, w) => `round ${round} writer ${w}`);
      const results = await Promise.all(
        writers.map((title, w) =>
          call(w, 'PUT', `/api/versions/${id}`, { document: { ...base, title: { vi: title } } }, { 'if-match': `"${etag}"` }),
        ),
      );
      const ok = results.filter((r) => r.status === 200);
      expect(ok).toHaveLength(1);
      expect(results.filter((r) => r.status === 412).length).toBe(writers.length - 1);
      expect(results.filter((r) => r.status === 412).every((r) => r.body.code === 'stale-etag')).toBe(true);
      winners.push(ok[0].body.title.vi);
      etag = ok[0].body.etag;
      // Both servers now read the winner's write.
      for (const i of [0, 1]) {
        const now = await call(i, 'GET', `/api/versions/${id}`);
        expect(now.body.title.vi).toBe(ok[0].body.title.vi);
        expect(now.body.etag).toBe(etag);
      }
    }

    // Every accepted write is in the audit log, in order, and the chain holds.
    const audit = await call(
      0,
      'GET',
      `/api/audit?filter=${encodeURIComponent(JSON.stringify({ resourceId: id, action: 'update' }))}&sort=["id","ASC"]`,
    );
    expect(audit.body.map((e: { after: { document: { title: { vi: string } } } }) => e.after.document.title.vi)).toEqual(winners);
    const verify = await call(1, 'GET', '/api/audit/verify');
    expect(verify.body.valid).toBe(true);
  });
});
