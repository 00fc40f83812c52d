// The audit log is append-only (triggers), hash-chained and signed with a key kept outside the
// database: verification finds a row changed behind the server's back even when the attacker
// disabled the triggers and recomputed every later hash, and a log cut short below a kept checkpoint.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, makeTestDb, type TestDb } from '../support/db';
import { entryHash, GENESIS_HASH, listAudit, recordAudit, useAuditKey, type AuditEntry } from '../../server/store/audit';
import { verifyAudit } from '../../server/services/audit';

const all = async (t: TestDb): Promise<AuditEntry[]> =>
  (await listAudit(t.db, { filter: {}, sort: 'id', order: 'ASC', offset: 0, limit: 1000 })).rows;

/** What someone with database access but not the key can do: rewrite a row and re-hash every later one. */
async function rewriteAndRehash(t: TestDb, id: number, after: unknown): Promise<void> {
  let prev = GENESIS_HASH;
  for (const e of await all(t)) {
    const changed = e.id === id ? { ...e, after } : e;
    const hash = entryHash(prev, changed);
    await t.db.query(`UPDATE audit_log SET after = $2::jsonb, prev_hash = $3, hash = $4 WHERE id = $1`, [
      e.id,
      JSON.stringify(changed.after),
      prev,
      hash,
    ]);
    prev = hash;
  }
}

describe.each(backends)('audit log on $name', (backend) => {
  let t: TestDb;
  beforeAll(async () => {
    useAuditKey(randomBytes(32));
    t = await makeTestDb(backend);
    for (let i = 1; i <= 5; i++) {
      await t.db.transaction((tx) =>
        recordAudit(tx, {
          actor: 'tester',
          action: 'update',
          resource: 'agencies',
          resourceId: String(i),
          before: { n: i - 1, when: new Date(0) },
          after: { n: i, nested: { b: 2, a: 1 }, text: 'Tiếng Việt có dấu' },
        }),
      );
    }
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('chains each entry to the previous one, signs it, and verifies', async () => {
    const rows = await all(t);
    expect(rows).toHaveLength(5);
    expect(rows[0].prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i].prevHash).toBe(rows[i - 1].hash);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.mac ?? ''))).toBe(true);
    expect(rows[0].before).toEqual({ n: 0, when: '1970-01-01T00:00:00.000Z' });
    expect(await verifyAudit(t.db)).toMatchObject({ valid: true, checked: 5, keyed: true, signed: 5, unsigned: 0, findings: [] });
  });

  it('keeps the chain linear under concurrent appends', async () => {
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        t.db.transaction((tx) => recordAudit(tx, { actor: 'c', action: 'create', resource: 'agencies', resourceId: String(i) })),
      ),
    );
    expect(await verifyAudit(t.db)).toMatchObject({ valid: true, checked: 13 });
  });

  it('rejects UPDATE, DELETE and TRUNCATE through the triggers, on the log and on every table kept for good', async () => {
    await expect(t.db.query(`UPDATE audit_log SET actor = 'mallory' WHERE id = 1`)).rejects.toThrow(/append-only/);
    await expect(t.db.query('DELETE FROM audit_log WHERE id = 1')).rejects.toThrow(/append-only/);
    await expect(t.db.exec('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    for (const table of [
      'published_rankings',
      'evaluations',
      'versions',
      'periods',
      'submissions',
      'submission_revisions',
      'evidence',
      'appraisals',
    ]) {
      await expect(t.db.exec(`TRUNCATE ${table} CASCADE`), table).rejects.toThrow(/append-only/);
    }
    expect((await verifyAudit(t.db)).valid).toBe(true);
  });

  it('detects a row changed, and a row removed, with the triggers disabled', async () => {
    const rows = await all(t);
    const victim = rows[2];
    await t.db.exec('ALTER TABLE audit_log DISABLE TRIGGER USER');
    try {
      await t.db.query(`UPDATE audit_log SET after = '{"n": 999}'::jsonb WHERE id = $1`, [victim.id]);
      const changed = await verifyAudit(t.db);
      expect(changed).toMatchObject({ valid: false, firstBrokenId: victim.id });
      expect(changed.findings[0]).toMatchObject({ kind: 'rewritten', id: victim.id });
      expect(changed.findings[0].message.vi).toContain(`Mục #${victim.id}`);
      await t.db.query(`UPDATE audit_log SET after = $2::jsonb WHERE id = $1`, [victim.id, JSON.stringify(victim.after)]);
      expect((await verifyAudit(t.db)).valid).toBe(true);
      await t.db.query('DELETE FROM audit_log WHERE id = $1', [rows[3].id]);
      expect(await verifyAudit(t.db)).toMatchObject({ valid: false, firstBrokenId: rows[4].id });
      await t.db.query(
        `INSERT INTO audit_log (id, at, actor, action, resource, resource_id, before, after, prev_hash, hash, mac)
        VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9, $10, $11)`,
        [
          rows[3].id,
          rows[3].at,
          rows[3].actor,
          rows[3].action,
          rows[3].resource,
          rows[3].resourceId,
          JSON.stringify(rows[3].before),
          JSON.stringify(rows[3].after),
          rows[3].prevHash,
          rows[3].hash,
          rows[3].mac,
        ],
      );
      expect((await verifyAudit(t.db)).valid).toBe(true);
    } finally {
      await t.db.exec('ALTER TABLE audit_log ENABLE TRIGGER USER');
    }
  });

  it('detects a row rewritten with every later hash recomputed: the signatures no longer hold', async () => {
    const rows = await all(t);
    await t.db.exec('ALTER TABLE audit_log DISABLE TRIGGER USER');
    try {
      await rewriteAndRehash(t, rows[1].id, { n: 'mallory' });
      const result = await verifyAudit(t.db);
      expect(result.valid).toBe(false);
      expect(result.findings).toEqual([expect.objectContaining({ kind: 'forged', id: rows[1].id })]);
      expect(result.findings[0].message.en).toContain('without the audit key');
      await rewriteAndRehash(t, rows[1].id, rows[1].after);
      expect((await verifyAudit(t.db)).valid).toBe(true);
    } finally {
      await t.db.exec('ALTER TABLE audit_log ENABLE TRIGGER USER');
    }
  });

  it('detects the newest entries removed, against a kept checkpoint', async () => {
    const head = (await verifyAudit(t.db)).head!;
    const before = await all(t);
    await t.db.exec('ALTER TABLE audit_log DISABLE TRIGGER USER');
    try {
      await t.db.query('DELETE FROM audit_log WHERE id >= $1', [before[before.length - 2].id]);
      const alone = await verifyAudit(t.db);
      expect(alone.valid, JSON.stringify([head, alone.head, alone.checked, before.length])).toBe(true); // the chain alone cannot tell
      const cut = await verifyAudit(t.db, { checkpoint: head });
      expect(cut.valid, JSON.stringify(cut)).toBe(false);
      expect(cut.findings[0]).toMatchObject({ kind: 'truncated', id: head.id });
      expect(cut.findings[0].message.vi).toContain('Nhật ký bị cắt');
    } finally {
      await t.db.exec('ALTER TABLE audit_log ENABLE TRIGGER USER');
    }
  });
});
