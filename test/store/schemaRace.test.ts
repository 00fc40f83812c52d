// Servers started together against one PostgreSQL database (two processes behind a load balancer,
// restarted at once) each open the schema, whichever of them creates it.
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { backends } from '../support/db';
import { openDb, type Db } from '../../server/store/db';

const postgres = backends.find((b) => b.name === 'postgres');

describe.skipIf(!postgres)('servers starting together on PostgreSQL', () => {
  const schema = `race_${randomBytes(4).toString('hex')}`;
  const opened: Db[] = [];
  afterAll(async () => {
    await opened[0]?.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await Promise.all(opened.map((db) => db.close()));
  });

  it('all open the schema one of them creates', async () => {
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => openDb({ url: postgres!.url!, schema })));
    for (const r of results) if (r.status === 'fulfilled') opened.push(r.value);
    expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    const found = await opened[0].query<{ n: number }>('SELECT count(*)::int AS n FROM pg_namespace WHERE nspname = $1', [schema]);
    expect(found.rows[0].n).toBe(1);
  });
});
