// Login sessions. The cookie carries a random 256-bit token; the table keeps only its SHA-256.
import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from './db';
import { toUser, type User } from './users';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

const digest = (token: string): string => createHash('sha256').update(token).digest('hex');

export async function createSession(db: Queryable, userId: string, ttlMs = SESSION_TTL_MS): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + ttlMs);
  await db.query('INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, $3)', [
    digest(token),
    userId,
    expiresAt.toISOString(),
  ]);
  // Expired sessions of this user are of no further use.
  await db.query('DELETE FROM sessions WHERE user_id = $1 AND expires_at < now()', [userId]);
  return { token, expiresAt };
}

/** The active user a token belongs to, or null (unknown, expired, or the account is disabled). */
export async function userForSession(db: Queryable, token: string): Promise<User | null> {
  if (!token || token.length > 100) return null;
  const res = await db.query<Parameters<typeof toUser>[0]>(
    `SELECT u.id, u.username, u.full_name, u.role, u.agency_id, u.disabled, u.created_at, u.updated_at
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.expires_at > now() AND NOT u.disabled`,
    [digest(token)],
  );
  return res.rows[0] ? toUser(res.rows[0]) : null;
}

export async function deleteSession(db: Queryable, token: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE token_hash = $1', [digest(token)]);
}
