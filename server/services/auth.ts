// Signing in and out. A session is a random 256-bit token in the cookie; the store keeps only its
// SHA-256. Login and logout are audited in the transaction that starts or ends the session.
import { createHash, randomBytes } from 'node:crypto';
import type { Queryable, Tx } from '../store/db';
import { recordAudit } from '../store/audit';
import { deleteExpiredSessions, deleteSession, insertSession, sessionUser } from '../store/sessions';
import { findForLogin, type User } from '../store/users';
import { countHit, forgetHits, uncountHit } from '../store/rateLimits';
import { decoyHash, verifyPassword } from './passwords';
import { Problem } from '../problems/problem';

const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

const digest = (token: string): string => createHash('sha256').update(token).digest('hex');

const badCredentials = () =>
  new Problem('bad-credentials', {
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    en: 'Wrong username or password.',
  });

/** A username as sign-in reads it: the rate limit counts attempts under the same form. */
export const normalizeUsername = (username: string): string => username.normalize('NFC').trim().toLowerCase();

/** The active user with this username and password; anything else is "wrong username or password". */
export async function authenticate(db: Queryable, username: string, password: string): Promise<User> {
  const found = await findForLogin(db, normalizeUsername(username));
  // An unknown user costs a hash verification too, so response time does not reveal who exists.
  const ok = await verifyPassword(found?.passwordHash ?? (await decoyHash()), password);
  if (!found || !ok || found.disabled) throw badCredentials();
  const { passwordHash: _hash, ...user } = found;
  return user;
}

async function createSession(db: Queryable, userId: string, ttlMs = SESSION_TTL_MS): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + ttlMs);
  await insertSession(db, digest(token), userId, expiresAt);
  // Expired sessions of this user are of no further use.
  await deleteExpiredSessions(db, userId);
  return { token, expiresAt };
}

/** Starts a session for a user who has just authenticated. */
export async function login(tx: Tx, user: User): Promise<{ token: string; expiresAt: Date }> {
  const session = await createSession(tx, user.id);
  await recordAudit(tx, { actor: user.username, action: 'login', resource: 'sessions', resourceId: user.id });
  return session;
}

/** Ends the session of this token. */
export async function logout(tx: Tx, token: string, user: Pick<User, 'id' | 'username'>): Promise<void> {
  await deleteSession(tx, digest(token));
  await recordAudit(tx, { actor: user.username, action: 'logout', resource: 'sessions', resourceId: user.id });
}

/** The active user a token belongs to, or null (unknown, expired, or the account is disabled). */
export async function userForSession(db: Queryable, token: string): Promise<User | null> {
  if (!token || token.length > 100) return null;
  return sessionUser(db, digest(token));
}

/** Failed sign-ins counted in the database, shared by every server (express-rate-limit's store interface). */
export function attemptCounter(db: Queryable, windowMs: number) {
  return {
    prefix: 'login:',
    localKeys: false,
    increment: async (key: string) => {
      const { hits, resetAt } = await countHit(db, key, windowMs);
      return { totalHits: hits, resetTime: resetAt };
    },
    decrement: (key: string) => uncountHit(db, key),
    resetKey: (key: string) => forgetHits(db, key),
  };
}
