// Users and their roles, as stored. Password hashes never leave this file but through
// `findForLogin`: every other function returns `User`. Who may be created or changed, and how, is
// decided in services/users.ts.
import type { Queryable, Tx } from './db';
import { notFound } from '../problems/problem';
import { iso, likePattern, viOrder, Where, type Page } from './sql';
import type { Role } from '../api/roles';

export { ROLES, type Role } from '../api/roles';

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

async function getUser(db: Queryable, id: string, lock = false): Promise<User | null> {
  if (!isUuid(id)) return null;
  const res = await db.query<UserRow>(`SELECT ${COLUMNS} FROM users WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  return res.rows[0] ? toUser(res.rows[0]) : null;
}

export async function requireUser(db: Queryable, id: string, lock = false): Promise<User> {
  const user = await getUser(db, id, lock);
  if (!user) throw notFound(WHAT, id);
  return user;
}

/** The user with their password hash, for login only. */
export async function findForLogin(db: Queryable, username: string): Promise<(User & { passwordHash: string }) | null> {
  const res = await db.query<UserRow>(`SELECT ${COLUMNS}, password_hash FROM users WHERE username = $1`, [username]);
  const row = res.rows[0];
  return row ? { ...toUser(row), passwordHash: row.password_hash! } : null;
}

export async function usernameTaken(db: Queryable, username: string): Promise<boolean> {
  const res = await db.query('SELECT 1 FROM users WHERE username = $1', [username]);
  return res.rows.length > 0;
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
  fullName: viOrder('full_name'),
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

export interface UserRecord {
  username: string;
  fullName: string;
  role: Role;
  agencyId: string | null;
  passwordHash: string;
}

export async function insertUser(tx: Tx, user: UserRecord): Promise<User> {
  const res = await tx.query<UserRow>(
    `INSERT INTO users (username, full_name, role, agency_id, password_hash) VALUES ($1, $2, $3, $4, $5)
     RETURNING ${COLUMNS}`,
    [user.username, user.fullName, user.role, user.agencyId, user.passwordHash],
  );
  return toUser(res.rows[0]);
}

/** Writes every field of the account; a null `passwordHash` keeps the password. */
export async function writeUser(
  tx: Tx,
  id: string,
  fields: { fullName: string; role: Role; agencyId: string | null; disabled: boolean; passwordHash: string | null },
): Promise<User> {
  const res = await tx.query<UserRow>(
    `UPDATE users SET full_name = $2, role = $3, agency_id = $4, disabled = $5,
       password_hash = COALESCE($6, password_hash), updated_at = now()
     WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, fields.fullName, fields.role, fields.agencyId, fields.disabled, fields.passwordHash],
  );
  return toUser(res.rows[0]);
}

export async function markUserDisabled(tx: Tx, id: string): Promise<User> {
  const res = await tx.query<UserRow>(`UPDATE users SET disabled = true, updated_at = now() WHERE id = $1 RETURNING ${COLUMNS}`, [id]);
  return toUser(res.rows[0]);
}

export const isUuid = (s: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
