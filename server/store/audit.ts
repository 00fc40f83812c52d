// The audit log: every mutation with actor, time, action, before and after. Entries form a hash
// chain (each hash covers the previous one), so a row changed or removed behind the server's back —
// even by someone who disabled the append-only trigger — shows up in verifyAudit.
import { canonicalJson, sha256Hex } from '../engine';
import type { Queryable, Tx } from './db';
import type { AuditVerification } from '../api/types';

export interface AuditInput {
  actor: string;
  action: string;
  resource: string;
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
}

/** The hash of the first entry's predecessor. */
export const GENESIS_HASH = '0'.repeat(64);

/** Plain JSON (Dates → ISO strings, undefined dropped), as it will read back from jsonb. */
const plain = (value: unknown): unknown => (value === undefined ? null : JSON.parse(JSON.stringify(value)));

function entryHash(prevHash: string, e: Omit<AuditEntry, 'hash' | 'prevHash'>): string {
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
    `INSERT INTO audit_log (id, at, actor, action, resource, resource_id, before, after, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9, $10)`,
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
}

const COLUMNS = 'id, at, actor, action, resource, resource_id, before, after, prev_hash, hash';

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
  // `at` is an ISO-8601 UTC string, so text order is time order; a bare date covers its whole day.
  if (f.from) add('at >= ?', f.from);
  if (f.to) add('at <= ?', f.to.length === 10 ? `${f.to}T23:59:59.999Z` : f.to);
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

export type { AuditVerification } from '../api/types';

/** Recomputes the whole chain from the first entry; stops at the first entry that does not hold. */
export async function verifyAudit(db: Queryable, batch = 1000): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let afterId = 0;
  let checked = 0;
  for (;;) {
    const res = await db.query<AuditRow>(`SELECT ${COLUMNS} FROM audit_log WHERE id > $1 ORDER BY id LIMIT ${batch}`, [afterId]);
    for (const row of res.rows) {
      const e = toEntry(row);
      checked++;
      if (e.prevHash !== prevHash || entryHash(prevHash, e) !== e.hash) {
        return { valid: false, checked, firstBrokenId: e.id };
      }
      prevHash = e.hash;
      afterId = e.id;
    }
    if (res.rows.length < batch) return { valid: true, checked };
  }
}
