// The database itself keeps published versions immutable: even a direct SQL statement fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, makeTestDb, type TestDb } from '../support/db';
import { sonLa2021 } from '../support/fixtures';
import { createDraft, publishVersion, retireVersion, updateDraft, requireVersion } from '../../server/services/versions';
import { createAgency } from '../../server/services/agencies';

describe.each(backends)('published-version guard on $name', (backend) => {
  let t: TestDb;
  let draftId: string;
  let publishedId: string;
  let retiredId: string;

  beforeAll(async () => {
    t = await makeTestDb(backend);
    await t.db.transaction(async (tx) => {
      await createAgency(tx, { id: 'so-tttt', name: 'Sở TT&TT', kind: 'department', ruleSets: ['son-la'] }, 'test');
      draftId = (await createDraft(tx, sonLa2021({ version: 'draft' }), 'test')).id;
      publishedId = (await createDraft(tx, sonLa2021({ version: 'published' }), 'test')).id;
      await publishVersion(tx, publishedId, {}, 'test');
      retiredId = (await createDraft(tx, sonLa2021({ version: 'retired' }), 'test')).id;
      await publishVersion(tx, retiredId, {}, 'test');
      await retireVersion(tx, retiredId, 'test');
    });
  });
  afterAll(async () => {
    await t?.drop();
  });

  const sqlFails = async (sql: string, params: unknown[]) => {
    await expect(t.db.query(sql, params)).rejects.toThrow(/immutable|retired/);
  };

  it('refuses a direct UPDATE of a published document, hash or any other column', async () => {
    const before = await requireVersion(t.db, publishedId);
    await sqlFails(`UPDATE versions SET document = jsonb_set(document, '{title,vi}', '"đổi"') WHERE id = $1`, [publishedId]);
    await sqlFails(`UPDATE versions SET hash = 'x' WHERE id = $1`, [publishedId]);
    await sqlFails(`UPDATE versions SET change_note = '{"vi":"x"}' WHERE id = $1`, [publishedId]);
    await sqlFails(`UPDATE versions SET status = 'draft' WHERE id = $1`, [publishedId]);
    // Retiring while changing something else is refused too.
    await sqlFails(`UPDATE versions SET status = 'retired', retired_at = now(), retired_by = 'x', published_by = 'y' WHERE id = $1`, [
      publishedId,
    ]);
    expect(await requireVersion(t.db, publishedId)).toEqual(before);
  });

  it('refuses a direct DELETE of a published or retired version', async () => {
    await sqlFails('DELETE FROM versions WHERE id = $1', [publishedId]);
    await sqlFails('DELETE FROM versions WHERE id = $1', [retiredId]);
  });

  it('refuses any change to a retired version, including un-retiring it', async () => {
    await sqlFails(`UPDATE versions SET status = 'published', retired_at = NULL, retired_by = NULL WHERE id = $1`, [retiredId]);
    await sqlFails(`UPDATE versions SET document = '{}'::jsonb WHERE id = $1`, [retiredId]);
  });

  it('allows drafts to change and published → retired with who and when only', async () => {
    const draft = await requireVersion(t.db, draftId);
    const updated = await t.db.transaction((tx) =>
      updateDraft(tx, draftId, draft.etag, { ...draft.document, title: { vi: 'Mới' } }, 'test'),
    );
    expect(updated.title.vi).toBe('Mới');
    await t.db.query(`UPDATE versions SET status = 'retired', retired_at = now(), retired_by = 'sql' WHERE id = $1`, [publishedId]);
    expect((await requireVersion(t.db, publishedId)).status).toBe('retired');
  });

  it('refuses retiring a draft directly', async () => {
    await expect(
      t.db.query(`UPDATE versions SET status = 'retired', retired_at = now(), retired_by = 'x' WHERE id = $1`, [draftId]),
    ).rejects.toThrow();
  });
});
