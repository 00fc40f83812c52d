// Migrations: applied once, recorded, and safe when two servers start on one database at once.
import { afterAll, describe, expect, it } from 'vitest';
import { backends, makeTestDb, type TestDb } from '../support/db';
import { listMigrations, migrate } from '../../server/store/migrate';
import { openDb } from '../../server/store/db';

describe.each(backends)('migrations on $name', (backend) => {
  const dbs: TestDb[] = [];
  afterAll(async () => {
    for (const t of dbs) await t.drop();
  });

  it('applies every migration once, in order, recorded in schema_migrations', async () => {
    const t = await makeTestDb(backend, { migrate: false });
    dbs.push(t);
    const all = listMigrations().map((m) => m.id);
    expect(all[0]).toBe('0001_core');
    expect(await migrate(t.db)).toEqual(all);
    expect(await migrate(t.db)).toEqual([]);
    const recorded = await t.db.query<{ id: string }>('SELECT id FROM schema_migrations ORDER BY id');
    expect(recorded.rows.map((r) => r.id)).toEqual(all);
  });

  it('rolls back a failing migration whole and records nothing for it', async () => {
    const t = await makeTestDb(backend);
    dbs.push(t);
    const broken = [{ id: '9001_broken', sql: 'CREATE TABLE half_done (id int); SELECT no_such_function();' }];
    await expect(migrate(t.db, broken)).rejects.toThrow();
    const table = await t.db.query(`SELECT to_regclass('half_done') AS t`);
    expect(table.rows[0]).toEqual({ t: null });
    expect((await t.db.query(`SELECT 1 FROM schema_migrations WHERE id = '9001_broken'`)).rows).toEqual([]);
  });

  it.runIf(backend.name === 'postgres')('lets two servers migrate the same database at once', async () => {
    const t = await makeTestDb(backend, { migrate: false });
    dbs.push(t);
    const other = await openDb({ url: backend.url, schema: t.schema });
    try {
      const [a, b] = await Promise.all([migrate(t.db), migrate(other)]);
      expect([...a, ...b].sort()).toEqual(listMigrations().map((m) => m.id));
    } finally {
      await other.close();
    }
  });
});
