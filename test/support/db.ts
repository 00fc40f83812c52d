// A fresh, migrated database per suite: PGlite in memory always, and PostgreSQL (in a schema of its
// own, dropped afterwards) when TEST_DATABASE_URL is set. Suites run on each with describe.each(backends).
import { randomBytes } from 'node:crypto';
import { openDb, type Db } from '../../server/store/db';
import { migrate } from '../../server/store/migrate';

export interface Backend {
  name: 'pglite' | 'postgres';
  url?: string;
}

export const backends: Backend[] = [
  { name: 'pglite' },
  ...(process.env.TEST_DATABASE_URL ? [{ name: 'postgres' as const, url: process.env.TEST_DATABASE_URL }] : []),
];

export interface TestDb {
  db: Db;
  backend: Backend;
  /** The PostgreSQL schema (undefined on PGlite), for tests that open a second connection. */
  schema?: string;
  /** Drops the schema (PostgreSQL) and closes the connection. */
  drop(): Promise<void>;
}

export async function makeTestDb(backend: Backend, options: { migrate?: boolean } = {}): Promise<TestDb> {
  const schema = backend.url ? `t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}` : undefined;
  const db = await openDb({ url: backend.url, schema });
  if (options.migrate !== false) await migrate(db);
  return {
    db,
    backend,
    schema,
    async drop() {
      if (schema) await db.exec(`DROP SCHEMA ${schema} CASCADE`);
      await db.close();
    },
  };
}
