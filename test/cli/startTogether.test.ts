// Processes started together on a fresh data folder and one PostgreSQL schema (servers behind a
// load balancer, restarted at once; a script's commands in parallel) share one audit key — written
// whole by one of them — so every entry they write verifies.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backends } from '../support/db';
import { openDb } from '../../server/store/db';
import { chisoIn } from '../support/cli';

const postgres = backends.find((b) => b.name === 'postgres');

describe.skipIf(!postgres)('commands started together on one database', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'chiso-together-'));
  const schema = `together_${randomBytes(4).toString('hex')}`;
  const env = { DATA_DIR: dataDir, DATABASE_URL: postgres?.url ?? '', DATABASE_SCHEMA: schema };
  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    const db = await openDb({ url: postgres!.url! });
    await db.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await db.close();
  });

  it('make one audit key between them, and the log they write verifies', async () => {
    const runs = await Promise.all(
      Array.from({ length: 4 }, (_, i) => chisoIn(env, 'user', 'add', '--username', `thanh-tra-${i}`, '--role', 'auditor')),
    );
    expect(runs.map((r) => [r.code, r.stderr.split('\n')[0]])).toEqual(runs.map(() => [0, expect.any(String)]));
    expect(readFileSync(path.join(dataDir, 'audit.key'), 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
    const verified = await chisoIn(env, 'audit', 'verify');
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
    expect(verified.stdout).toContain('Nhật ký toàn vẹn');
  }, 120_000);
});
