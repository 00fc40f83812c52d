// How the CLI finds its database: DATABASE_URL (PostgreSQL) or embedded PGlite under DATA_DIR.
// Embedded PGlite is single-process, so the server holds a lock file while it runs and other
// commands refuse to open the same folder instead of corrupting it.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openDb, type Db } from '../store/db';
import { migrate } from '../store/migrate';

export interface DatabaseConfig {
  url?: string;
  /** PostgreSQL schema to use (DATABASE_SCHEMA); the server's default search path when absent. */
  schema?: string;
  dataDir: string;
}

export function databaseConfig(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  return {
    url: env.DATABASE_URL || undefined,
    schema: env.DATABASE_SCHEMA || undefined,
    dataDir: path.resolve(env.DATA_DIR || './data'),
  };
}

const lockPath = (dataDir: string) => path.join(dataDir, 'pglite.lock');

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Opens and migrates the configured database; `hold` keeps the embedded folder locked until released. */
export async function openConfiguredDb(config: DatabaseConfig, hold = false): Promise<{ db: Db; release(): void; applied: string[] }> {
  let release = () => {};
  if (!config.url) {
    mkdirSync(config.dataDir, { recursive: true });
    const lock = lockPath(config.dataDir);
    if (existsSync(lock)) {
      const pid = Number(readFileSync(lock, 'utf8'));
      if (pid && pid !== process.pid && pidAlive(pid)) {
        throw new Error(
          `The embedded database in ${config.dataDir} is in use by process ${pid} (a running server). ` +
            'Stop it first, or use the API. / Cơ sở dữ liệu đang được máy chủ khác sử dụng.',
        );
      }
    }
    writeFileSync(lock, String(process.pid));
    release = () => rmSync(lock, { force: true });
    if (!hold) {
      // Commands other than serve hold the lock only while they run.
      const done = release;
      process.once('exit', done);
    }
  }
  try {
    const db = await openDb(config.url ? { url: config.url, schema: config.schema } : { dataDir: path.join(config.dataDir, 'pglite') });
    const applied = await migrate(db);
    return { db, release, applied };
  } catch (err) {
    release();
    throw err;
  }
}
