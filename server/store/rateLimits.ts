// Counters of failed attempts per key within a window, in the database so that every server
// sharing it counts the same attempts.
import type { Queryable } from './db';

/** Counts one attempt; a counter whose window ended starts again. */
export async function countHit(db: Queryable, key: string, windowMs: number): Promise<{ hits: number; resetAt: Date }> {
  const res = await db.query<{ hits: number; reset_at: Date }>(
    `INSERT INTO rate_limits (key, hits, reset_at) VALUES ($1, 1, now() + $2 * interval '1 millisecond')
     ON CONFLICT (key) DO UPDATE SET
       hits = CASE WHEN rate_limits.reset_at <= now() THEN 1 ELSE rate_limits.hits + 1 END,
       reset_at = CASE WHEN rate_limits.reset_at <= now() THEN EXCLUDED.reset_at ELSE rate_limits.reset_at END
     RETURNING hits, reset_at`,
    [key, windowMs],
  );
  return { hits: res.rows[0].hits, resetAt: new Date(res.rows[0].reset_at) };
}

export async function uncountHit(db: Queryable, key: string): Promise<void> {
  await db.query('UPDATE rate_limits SET hits = greatest(hits - 1, 0) WHERE key = $1', [key]);
}

export async function forgetHits(db: Queryable, key: string): Promise<void> {
  await db.query('DELETE FROM rate_limits WHERE key = $1', [key]);
}
