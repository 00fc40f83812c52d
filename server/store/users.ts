// Users and their roles. Password hashes never leave this file: every function returns `User`.
import type { Queryable, Tx } from './db';
import { recordAudit } from './audit';
import { notFound, Problem } from '../problems/problem';
import { hashPassword } from './passwords';
import { iso, likePattern, Where, type Page } from './sql';

export const ROLES = ['admin', 'evaluator', 'auditor', 'agency'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  agencyId: string | null;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

interface UserRow {
  id: string;
  username: string;
  full_name: string;
  role: Role;
  agency_id: string | null;
  disabled: boolean;
  created_at: Date;
  updated_at: Date;
  password_hash?: string;
}

const COLUMNS = 'id, username, full_name, role, agency_id, disabled, created_at, updated_at';

export const toUser = (r: UserRow): User => ({
  id: r.id,
  username: r.username,
  fullName: r.full_name,
  role: r.role,
  agencyId: r.agency_id,
  disabled: r.disabled,
  createdAt: iso(r.created_at)!,
  updatedAt: iso(r.updated_at)!,
});

const WHAT = { vi: 'người dùng', en: 'User' };

export interface NewUser {
  username: string;
  fullName?: string;
  role: Role;
  agencyId?: string | null;
  password: string;
}

async function checkAgency(tx: Queryable, role: Role, agencyId: string | null): Promise<void> {
  if (role === 'agency' && !agencyId) {
    throw new Problem('agency-required', {
      vi: 'Người dùng của cơ quan phải gắn với một cơ quan (agencyId).',
      en: 'An agency user must belong to an agency (agencyId).',
    });
  }
  if (role !== 'agency' && agencyId) {
    throw new Problem('agency-not-allowed', {
      vi: 'Chỉ người dùng có vai trò "agency" mới gắn với một cơ quan.',
      en: 'Only users with the "agency" role belong to an agency.',
    });
  }
  if (agencyId) {
    const found = await tx.query('SELECT 1 FROM agencies WHERE id = $1', [agencyId]);
    if (!found.rows.length) {
      throw new Problem('unknown-agency', {
        vi: `Không có cơ quan "${agencyId}".`,
        en: `There is no agency "${agencyId}".`,
      });
    }
  }
}

export async function createUser(tx: Tx, input: NewUser, actor: string): Promise<User> {
  const agencyId = input.agencyId ?? null;
  await checkAgency(tx, input.role, agencyId);
  const exists = await tx.query('SELECT 1 FROM users WHERE username = $1', [input.username]);
  if (exists.rows.length) {
    throw new Problem('username-taken', {
      vi: `Tên đăng nhập "${input.username}" đã được dùng.`,
      en: `The username "${input.username}" is taken.`,
    });
  }
  const res = await tx.query<UserRow>(
    `INSERT INTO users (username, full_name, role, agency_id, password_hash) VALUES ($1, $2, $3, $4, $5)
     RETURNING ${COLUMNS}`,
    [input.username, input.fullName ?? '', input.role, agencyId, await hashPassword(input.password)],
  );
  const user = toUser(res.rows[0]);
  await recordAudit(tx, { actor, action: 'create', resource: 'users', resourceId: user.id, after: user });
  return user;
}

export async function getUser(db: Queryable, id: string): Promise<User | null> {
  if (!isUuid(id)) return null;
  const res = await db.query<UserRow>(`SELECT ${COLUMNS} FROM users WHERE id = $1`, [id]);
  return res.rows[0] ? toUser(res.rows[0]) : null;
}

export async function requireUser(db: Queryable, id: string): Promise<User> {
  const user = await getUser(db, id);
  if (!user) throw notFound(WHAT, id);
  return user;
}

/** The user with their password hash, for login only. */
export async function findForLogin(db: Queryable, username: string): Promise<(User & { passwordHash: string }) | null> {
  const res = await db.query<UserRow>(`SELECT ${COLUMNS}, password_hash FROM users WHERE username = $1`, [username]);
  const row = res.rows[0];
  return row ? { ...toUser(row), passwordHash: row.password_hash! } : null;
}

export interface UserFilter {
  id?: string[];
  q?: string;
  role?: Role;
  agencyId?: string;
  disabled?: boolean;
}

export const USER_SORT: Record<string, string> = {
  id: 'id',
  username: 'username',
  fullName: 'full_name',
  role: 'role',
  agencyId: 'agency_id',
  disabled: 'disabled',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

export async function listUsers(db: Queryable, filter: UserFilter, page: Page): Promise<{ rows: User[]; total: number }> {
  const w = new Where();
  if (filter.id) w.add('id::text = ANY(?::text[])', filter.id);
  if (filter.q) w.add('(username ILIKE ? OR full_name ILIKE ?)', likePattern(filter.q), likePattern(filter.q));
  if (filter.role) w.add('role = ?', filter.role);
  if (filter.agencyId) w.add('agency_id = ?', filter.agencyId);
  if (filter.disabled !== undefined) w.add('disabled = ?', filter.disabled);
  const total = await db.query<{ n: string }>(`SELECT count(*)::text AS n FROM users ${w.sql}`, w.params);
  const rows = await db.query<UserRow>(`SELECT ${COLUMNS} FROM users ${w.sql} ${w.page(page)}`, w.params);
  return { rows: rows.rows.map(toUser), total: Number(total.rows[0].n) };
}

export interface UserChanges {
  fullName?: string;
  role?: Role;
  agencyId?: string | null;
  password?: string;
  disabled?: boolean;
}

export async function updateUser(tx: Tx, id: string, changes: UserChanges, actor: string): Promise<User> {
  const before = await lockUser(tx, id);
  const role = changes.role ?? before.role;
  const agencyId = changes.agencyId !== undefined ? changes.agencyId : role === 'agency' ? before.agencyId : null;
  await checkAgency(tx, role, agencyId);
  const res = await tx.query<UserRow>(
    `UPDATE users SET full_name = $2, role = $3, agency_id = $4, disabled = $5,
       password_hash = COALESCE($6, password_hash), updated_at = now()
     WHERE id = $1 RETURNING ${COLUMNS}`,
    [
      id,
      changes.fullName ?? before.fullName,
      role,
      agencyId,
      changes.disabled ?? before.disabled,
      changes.password ? await hashPassword(changes.password) : null,
    ],
  );
  const after = toUser(res.rows[0]);
  // A changed role, password or a disabled account ends the user's sessions.
  if (changes.password || after.disabled || after.role !== before.role || after.agencyId !== before.agencyId) {
    await tx.query('DELETE FROM sessions WHERE user_id = $1', [id]);
  }
  await recordAudit(tx, {
    actor,
    action: 'update',
    resource: 'users',
    resourceId: id,
    before,
    after: changes.password ? { ...after, passwordChanged: true } : after,
  });
  return after;
}

/** Users are never deleted (the audit log names them); "delete" disables the account. */
export async function disableUser(tx: Tx, id: string, actor: string): Promise<User> {
  const before = await lockUser(tx, id);
  const res = await tx.query<UserRow>(
    `UPDATE users SET disabled = true, updated_at = now() WHERE id = $1 RETURNING ${COLUMNS}`,
    [id],
  );
  await tx.query('DELETE FROM sessions WHERE user_id = $1', [id]);
  const after = toUser(res.rows[0]);
  await recordAudit(tx, { actor, action: 'disable', resource: 'users', resourceId: id, before, after });
  return after;
}

async function lockUser(tx: Tx, id: string): Promise<User> {
  if (!isUuid(id)) throw notFound(WHAT, id);
  const res = await tx.query<UserRow>(`SELECT ${COLUMNS} FROM users WHERE id = $1 FOR UPDATE`, [id]);
  if (!res.rows[0]) throw notFound(WHAT, id);
  return toUser(res.rows[0]);
}

export const isUuid = (s: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
