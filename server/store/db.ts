// One small interface over the two PostgreSQL backends: embedded PGlite (default, a data folder)
// and a PostgreSQL server (DATABASE_URL). Repositories only ever see `Db` and `Tx`, so the same
// SQL and migrations run on both.
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<T>>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/** A transaction: everything done through it commits together or not at all. */
export type Tx = Queryable;

export interface Db extends Queryable {
  readonly dialect: 'pglite' | 'postgres';
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres://… — when absent, embedded PGlite is used. */
  url?: string;
  /** PGlite data folder; in memory when absent. */
  dataDir?: string;
  /** PostgreSQL schema to work in (created if missing); tests use one per run. */
  schema?: string;
}

export async function openDb(options: OpenOptions): Promise<Db> {
  return options.url ? openPostgres(options.url, options.schema) : openPglite(options.dataDir);
}

async function openPglite(dataDir?: string): Promise<Db> {
  const lite = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<T>(sql: string, params?: unknown[]) {
      const res = await q.query<T>(sql, params);
      return { rows: res.rows, rowCount: res.affectedRows ?? res.rows.length };
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  return {
    dialect: 'pglite',
    ...wrap(lite),
    transaction: (work) => lite.transaction((tx) => work(wrap(tx))),
    close: () => lite.close(),
  };
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

async function openPostgres(url: string, schema?: string): Promise<Db> {
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) throw new Error(`invalid schema name: ${schema}`);
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // Created only when missing: a server running as a role without CREATE on the database still opens its schema.
  if (schema && !(await pool.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema])).rows.length) {
    try {
      await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } catch (err) {
      // Two servers starting at once both find it missing, and IF NOT EXISTS does not hold against a
      // concurrent CREATE (unique_violation on pg_namespace, or duplicate_schema): the other one made it.
      const code = (err as { code?: string }).code;
      if (code !== '23505' && code !== '42P06') throw err;
    }
  }
  const wrap = (q: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params?: unknown[]) {
      const res = await q.query(sql, params as unknown[]);
      return { rows: res.rows as T[], rowCount: res.rowCount ?? res.rows.length };
    },
    async exec(sql: string) {
      await q.query(sql);
    },
  });
  return {
    dialect: 'postgres',
    ...wrap(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
