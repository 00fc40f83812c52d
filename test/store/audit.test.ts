// The audit log is append-only (triggers) and hash-chained (verifyAudit finds rows changed behind
// the server's back, even with the triggers disabled).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, makeTestDb, type TestDb } from '../support/db';
import { GENESIS_HASH, listAudit, recordAudit, verifyAudit } from '../../server/store/audit';

describe.each(backends)('audit log on $name', (backend) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await makeTestDb(backend);
    for (let i = 1; i <= 5; i++) {
      await t.db.transaction((tx) =>
        recordAudit(tx, {
          actor: 'tester',
          action: 'update',
          resource: 'things',
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

  it('chains each entry to the previous one and verifies', async () => {
    const { rows } = await listAudit(t.db, { filter: {}, sort: 'id', order: 'ASC', offset: 0, limit: 100 });
    expect(rows).toHaveLength(5);
    expect(rows[0].prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i].prevHash).toBe(rows[i - 1].hash);
    expect(rows[0].before).toEqual({ n: 0, when: '1970-01-01T00:00:00.000Z' });
    expect(await verifyAudit(t.db)).toEqual({ valid: true, checked: 5 });
  });

  it('keeps the chain linear under concurrent appends', async () => {
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        t.db.transaction((tx) => recordAudit(tx, { actor: 'c', action: 'create', resource: 'par', resourceId: String(i) })),
      ),
    );
    expect(await verifyAudit(t.db)).toEqual({ valid: true, checked: 13 });
  });

  it('rejects UPDATE, DELETE and TRUNCATE through the triggers', async () => {
    await expect(t.db.query(`UPDATE audit_log SET actor = 'mallory' WHERE id = 1`)).rejects.toThrow(/append-only/);
    await expect(t.db.query('DELETE FROM audit_log WHERE id = 1')).rejects.toThrow(/append-only/);
    await expect(t.db.exec('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    expect((await verifyAudit(t.db)).valid).toBe(true);
  });

  it('detects a row changed and a row removed with the triggers disabled', async () => {
    const { rows } = await listAudit(t.db, { filter: {}, sort: 'id', order: 'ASC', offset: 0, limit: 100 });
    const victim = rows[2];
    await t.db.exec('ALTER TABLE audit_log DISABLE TRIGGER USER');
    try {
      await t.db.query(`UPDATE audit_log SET after = '{"n": 999}'::jsonb WHERE id = $1`, [victim.id]);
      expect(await verifyAudit(t.db)).toEqual({ valid: false, checked: 3, firstBrokenId: victim.id });
      // Recomputing the row's own hash does not help: the next row still points at the old one.
      await t.db.query(`UPDATE audit_log SET after = $2::jsonb WHERE id = $1`, [victim.id, JSON.stringify(victim.after)]);
      expect((await verifyAudit(t.db)).valid).toBe(true);
      await t.db.query('DELETE FROM audit_log WHERE id = $1', [rows[3].id]);
      expect(await verifyAudit(t.db)).toEqual({ valid: false, checked: 4, firstBrokenId: rows[4].id });
    } finally {
      await t.db.exec('ALTER TABLE audit_log ENABLE TRIGGER USER');
    }
  });
});
