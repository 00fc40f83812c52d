// The audit log: every mutation with actor, time, action, before and after. Entries form a hash
// chain (each hash covers the previous one), and each entry carries an HMAC of its hash under a key
// kept outside the database: someone with database access can recompute the hashes after editing
// a row, but not the MACs. What verification concludes is services/audit.ts's.
import { createHmac } from 'node:crypto';
import { canonicalJson, sha256Hex } from '../engine';
import type { Queryable, Tx } from './db';
import type { AuditAction, AuditResource } from '../api/auditVocabulary';

export interface AuditInput {
  actor: string;
  action: AuditAction;
  resource: AuditResource;
  resourceId: string;
  before?: unknown;
  after?: unknown;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  resource: string;
  resourceId: string;
  before: unknown;
  after: unknown;
  prevHash: string;
  hash: string;
  /** HMAC of `hash` under the audit key; null for entries written before the log was keyed. */
  mac: string | null;
}

/** The hash of the first entry's predecessor. */
export const GENESIS_HASH = '0'.repeat(64);

let auditKey: Buffer | null = null;

/** The key entries are signed with from now on (set once at start; null: entries are chained, not signed). */
export function useAuditKey(key: Buffer | null): void {
  auditKey = key;
}

export const hasAuditKey = (): boolean => auditKey !== null;

/** HMAC-SHA256 of an entry's hash under the audit key; null without a key. */
export const macOf = (hash: string): string | null => (auditKey ? createHmac('sha256', auditKey).update(hash).digest('hex') : null);

/** Plain JSON (Dates → ISO strings, undefined dropped), as it will read back from jsonb. */
const plain = (value: unknown): unknown => (value === undefined ? null : JSON.parse(JSON.stringify(value)));

export function entryHash(prevHash: string, e: Omit<AuditEntry, 'hash' | 'prevHash' | 'mac'>): string {
  const content = {
    id: String(e.id),
    at: e.at,
    actor: e.actor,
    action: e.action,
    resource: e.resource,
    resourceId: e.resourceId,
    before: e.before ?? null,
    after: e.after ?? null,
  };
  return sha256Hex(prevHash + canonicalJson(content));
}

/**
 * Appends one entry. Call it inside the transaction that makes the change, so both commit or neither.
 * The advisory lock serialises appenders until commit, which keeps the chain linear across servers.
 */
export async function recordAudit(tx: Tx, e: AuditInput): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('chiso:audit:' || current_schema()))`);
  const last = await tx.query<{ hash: string }>('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1');
  const prevHash = last.rows[0]?.hash ?? GENESIS_HASH;
  const next = await tx.query<{ id: string }>(`SELECT nextval(pg_get_serial_sequence('audit_log', 'id'))::text AS id`);
  const entry = {
    id: Number(next.rows[0].id),
    at: new Date().toISOString(),
    actor: e.actor,
    action: e.action,
    resource: e.resource,
    resourceId: e.resourceId,
    before: plain(e.before),
    after: plain(e.after),
  };
  const hash = entryHash(prevHash, entry);
  await tx.query(
    `INSERT INTO audit_log (id, at, actor, action, resource, resource_id, before, after, prev_hash, hash, mac)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9, $10, $11)`,
    [
      entry.id,
      entry.at,
      entry.actor,
      entry.action,
      entry.resource,
      entry.resourceId,
      JSON.stringify(entry.before),
      JSON.stringify(entry.after),
      prevHash,
      hash,
      macOf(hash),
    ],
  );
}

interface AuditRow {
  id: string | number;
  at: string;
  actor: string;
  action: string;
  resource: string;
  resource_id: string;
  before: unknown;
  after: unknown;
  prev_hash: string;
  hash: string;
  mac: string | null;
}

const COLUMNS = 'id, at, actor, action, resource, resource_id, before, after, prev_hash, hash, mac';

const toEntry = (r: AuditRow): AuditEntry => ({
  id: Number(r.id),
  at: r.at,
  actor: r.actor,
  action: r.action,
  resource: r.resource,
  resourceId: r.resource_id,
  before: r.before,
  after: r.after,
  prevHash: r.prev_hash,
  hash: r.hash,
  mac: r.mac,
});

export interface AuditQuery {
  filter: { id?: number[]; actor?: string; action?: string; resource?: string; resourceId?: string; from?: string; to?: string };
  order: 'ASC' | 'DESC';
  sort: 'id' | 'at' | 'actor' | 'action' | 'resource';
  offset: number;
  limit: number;
}

const SORT_COLUMNS: Record<AuditQuery['sort'], string> = {
  id: 'id',
  at: 'at',
  actor: 'actor',
  action: 'action',
  resource: 'resource',
};

export async function listAudit(db: Queryable, q: AuditQuery): Promise<{ rows: AuditEntry[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  const f = q.filter;
  if (f.id) add('id = ANY(?::bigint[])', f.id);
  if (f.actor) add('actor = ?', f.actor);
  if (f.action) add('action = ?', f.action);
  if (f.resource) add('resource = ?', f.resource);
  if (f.resourceId) add('resource_id = ?', f.resourceId);
  // `at` is an ISO-8601 UTC string, so text order is time order (the service gives the bounds so).
  if (f.from) add('at >= ?', f.from);
  if (f.to) add('at <= ?', f.to);
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = await db.query<{ n: string }>(`SELECT count(*)::text AS n FROM audit_log ${whereSql}`, params);
  const rows = await db.query<AuditRow>(
    `SELECT ${COLUMNS} FROM audit_log ${whereSql}
     ORDER BY ${SORT_COLUMNS[q.sort]} ${q.order === 'ASC' ? 'ASC' : 'DESC'}, id ${q.order === 'ASC' ? 'ASC' : 'DESC'}
     LIMIT ${q.limit} OFFSET ${q.offset}`,
    params,
  );
  return { rows: rows.rows.map(toEntry), total: Number(total.rows[0].n) };
}

export async function getAudit(db: Queryable, id: number): Promise<AuditEntry | null> {
  const res = await db.query<AuditRow>(`SELECT ${COLUMNS} FROM audit_log WHERE id = $1`, [id]);
  return res.rows[0] ? toEntry(res.rows[0]) : null;
}

/** Recomputes the whole chain from the first entry; stops at the first entry that does not hold. */
/** Entries after `afterId`, in order, at most `limit`. */
export async function auditEntriesAfter(db: Queryable, afterId: number, limit: number): Promise<AuditEntry[]> {
  const res = await db.query<AuditRow>(`SELECT ${COLUMNS} FROM audit_log WHERE id > $1 ORDER BY id LIMIT ${Number(limit)}`, [afterId]);
  return res.rows.map(toEntry);
}

/** The newest entry's id and hash: what a checkpoint keeps. */
export async function auditHead(db: Queryable): Promise<{ id: number; hash: string } | null> {
  const res = await db.query<{ id: string; hash: string }>('SELECT a.id::text AS id, a.hash FROM audit_log a ORDER BY a.id DESC LIMIT 1');
  return res.rows[0] ? { id: Number(res.rows[0].id), hash: res.rows[0].hash } : null;
}
