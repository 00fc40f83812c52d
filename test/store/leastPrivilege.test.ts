// On PostgreSQL the server can run as a role that owns nothing: migrations run as the owner, the
// server as a role with row rights only. That role cannot do what would let it rewrite history
// unseen: disable or drop the triggers, truncate, alter a table.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, makeTestDb, type TestDb } from '../support/db';
import { openDb, type Db } from '../../server/store/db';
import { recordAudit } from '../../server/store/audit';
import { verifyAudit } from '../../server/services/audit';

const postgres = backends.find((b) => b.name === 'postgres');

describe.skipIf(!postgres)('a server role without ownership on PostgreSQL', () => {
  let owner: TestDb;
  let app: Db;
  const role = `chiso_app_${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    owner = await makeTestDb(postgres!);
    const s = owner.schema!;
    // What the README tells an administrator to run, as the owner, after the migrations.
    await owner.db.exec(`CREATE ROLE ${role} LOGIN`);
    await owner.db.exec(`GRANT USAGE ON SCHEMA ${s} TO ${role}`);
    await owner.db.exec(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${s} TO ${role}`);
    await owner.db.exec(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${s} TO ${role}`);
    const url = new URL(postgres!.url!);
    url.username = role;
    app = await openDb({ url: url.toString(), schema: s });
  });
  afterAll(async () => {
    await app?.close();
    await owner?.drop();
    await owner?.db.exec(`DROP ROLE IF EXISTS ${role}`).catch(() => undefined);
  });

  it('works: it appends to the audit log and verifies it', async () => {
    await app.transaction((tx) => recordAudit(tx, { actor: 'app', action: 'create', resource: 'agencies', resourceId: '1' }));
    expect((await verifyAudit(app)).valid).toBe(true);
  });

  it('cannot disable or drop a trigger, truncate, or alter a table', async () => {
    await expect(app.exec('ALTER TABLE audit_log DISABLE TRIGGER USER')).rejects.toThrow(/owner/);
    await expect(app.exec('DROP TRIGGER audit_log_no_change ON audit_log')).rejects.toThrow(/owner/);
    await expect(app.exec('TRUNCATE published_rankings')).rejects.toThrow(/permission denied|append-only/);
    await expect(app.exec('ALTER TABLE versions ADD COLUMN x int')).rejects.toThrow(/owner/);
    await expect(app.query(`UPDATE audit_log SET actor = 'mallory'`)).rejects.toThrow(/append-only/);
  });
});
