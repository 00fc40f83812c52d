// Login sessions, as stored: the table keeps only the SHA-256 of each token (services/auth.ts makes
// the token and hashes it), the user it belongs to and when it expires.
import type { Queryable } from './db';
import { toUser, type User } from './users';

export async function insertSession(db: Queryable, tokenHash: string, userId: string, expiresAt: Date): Promise<void> {
  await db.query('INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, $3)', [
    tokenHash,
    userId,
    expiresAt.toISOString(),
  ]);
}

export async function deleteExpiredSessions(db: Queryable, userId: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE user_id = $1 AND expires_at < now()', [userId]);
}

/** The active user a token hash belongs to, or null (unknown, expired, or the account is disabled). */
export async function sessionUser(db: Queryable, tokenHash: string): Promise<User | null> {
  const res = await db.query<Parameters<typeof toUser>[0]>(
    `SELECT u.id, u.username, u.full_name, u.role, u.agency_id, u.disabled, u.created_at, u.updated_at
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.expires_at > now() AND NOT u.disabled`,
    [tokenHash],
  );
  return res.rows[0] ? toUser(res.rows[0]) : null;
}

export async function deleteSession(db: Queryable, tokenHash: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
}

export async function deleteSessionsOfUser(db: Queryable, userId: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
}
