// How the CLI finds its database: DATABASE_URL (PostgreSQL) or embedded PGlite under DATA_DIR.
// Embedded PGlite is single-process, so the server holds a lock file while it runs and other
// commands refuse to open the same folder instead of corrupting it.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { useAuditKey } from '../store/audit';
import { openDb, type Db } from '../store/db';
import { migrate } from '../store/migrate';

export interface DatabaseConfig {
  url?: string;
  /** PostgreSQL schema to use (DATABASE_SCHEMA); the server's default search path when absent. */
  schema?: string;
  dataDir: string;
  /** The audit key in hex (CHISO_AUDIT_KEY), or the file that holds it (CHISO_AUDIT_KEY_FILE). */
  auditKey?: string;
  auditKeyFile?: string;
}

export function databaseConfig(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  return {
    url: env.DATABASE_URL || undefined,
    schema: env.DATABASE_SCHEMA || undefined,
    dataDir: path.resolve(env.DATA_DIR || './data'),
    auditKey: env.CHISO_AUDIT_KEY || undefined,
    auditKeyFile: env.CHISO_AUDIT_KEY_FILE || undefined,
  };
}

const KEY_HEX = /^[0-9a-f]{64,}$/i;

/**
 * The key the audit log is signed with, kept outside the database: given (variable or file), or
 * generated once into the data folder (readable by its owner only). Whoever can read it can forge
 * entries, so on a shared server give it as a file the database's users cannot read.
 */
function auditKeyOf(config: DatabaseConfig): Buffer {
  const given = config.auditKey ?? (config.auditKeyFile ? readFileSync(config.auditKeyFile, 'utf8').trim() : undefined);
  if (given !== undefined) {
    if (!KEY_HEX.test(given))
      throw new Error('The audit key must be at least 32 bytes in hex (64 hex digits). / Khóa nhật ký phải có ít nhất 64 chữ số hex.');
    return Buffer.from(given, 'hex');
  }
  const file = path.join(config.dataDir, 'audit.key');
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    // Written whole under another name, then linked into place: of servers starting together one key
    // wins and every one reads it complete (two keys would sign one log two ways).
    const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(draft, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
    try {
      linkSync(draft, file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      unlinkSync(draft);
    }
  }
  chmodSync(file, 0o600);
  const key = readFileSync(file, 'utf8').trim();
  if (!KEY_HEX.test(key)) throw new Error(`${file} does not hold an audit key (64 hex digits). / Tệp khóa nhật ký không hợp lệ.`);
  return Buffer.from(key, 'hex');
}

const lockPath = (dataDir: string) => path.join(dataDir, 'pglite.lock');

/** When a process started (Linux: clock ticks since boot), so that a reused PID is not taken for the server that died. */
function startOf(pid: number | 'self'): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start after the last ')'; start time is field 22.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

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
      const [pidText, started] = readFileSync(lock, 'utf8').trim().split(' ');
      const pid = Number(pidText);
      // A live process with that PID holds the folder only if it is the one that wrote the lock.
      const holder = pid && pid !== process.pid && pidAlive(pid) && (!started || startOf(pid) === null || startOf(pid) === started);
      if (holder) {
        throw new Error(
          `The embedded database in ${config.dataDir} is in use by process ${pid} (a running server). ` +
            'Stop it first, or use the API. / Cơ sở dữ liệu đang được máy chủ khác sử dụng.',
        );
      }
    }
    writeFileSync(lock, `${process.pid} ${startOf('self') ?? ''}`.trim());
    release = () => rmSync(lock, { force: true });
    if (!hold) {
      // Commands other than serve hold the lock only while they run.
      const done = release;
      process.once('exit', done);
    }
  }
  try {
    useAuditKey(auditKeyOf(config));
    const db = await openDb(config.url ? { url: config.url, schema: config.schema } : { dataDir: path.join(config.dataDir, 'pglite') });
    const applied = await migrate(db);
    return { db, release, applied };
  } catch (err) {
    release();
    throw err;
  }
}
