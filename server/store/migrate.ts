// Forward-only migrations: server/store/migrations/NNNN_name.sql, applied in order, each in its own
// transaction and recorded in schema_migrations. The same files run on PGlite and PostgreSQL.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fromRoot } from '../paths';
import type { Db } from './db';

const migrationsDir = fromRoot('server/store/migrations');
const FILE = /^(\d{4})_[a-z0-9_]+\.sql$/;

export interface Migration {
  id: string;
  sql: string;
}

export function listMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((f) => FILE.test(f))
    .sort()
    .map((f) => ({ id: f.replace(/\.sql$/, ''), sql: readFileSync(path.join(dir, f), 'utf8') }));
}

/**
 * Applies the migrations not yet recorded; returns the ids it applied. Two servers starting at once
 * on one PostgreSQL database serialise on an advisory lock (per schema), so each file runs once.
 */
export async function migrate(db: Db, migrations: Migration[] = listMigrations()): Promise<string[]> {
  const applied: string[] = [];
  for (const migration of migrations) {
    const ran = await db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('chiso:migrate:' || current_schema()))`);
      await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
      const done = await tx.query('SELECT 1 FROM schema_migrations WHERE id = $1', [migration.id]);
      if (done.rows.length > 0) return false;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (id) VALUES ($1)', [migration.id]);
      return true;
    });
    if (ran) applied.push(migration.id);
  }
  return applied;
}
