// The assessment tables keep their promises at the database level: one writer wins per ETag (even
// with concurrent transactions on PostgreSQL), every save is a revision, evidence content never
// changes, submissions of a closed period are frozen, and a period only moves forward.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, makeTestDb, type TestDb } from '../support/db';
import { sonLa2021 } from '../support/fixtures';
import { demoFacts } from '../support/assessment';
import { createAgency } from '../../server/services/agencies';
import { createDraft, publishVersion } from '../../server/services/versions';
import { createPeriod, requirePeriod, transitionPeriod } from '../../server/services/periods';
import { insertSubmission, listRevisions, requireSubmission, reviseSubmission } from '../../server/store/submissions';
import { insertEvidence, markEvidenceRemoved, requireEvidence, evidenceContent } from '../../server/store/evidence';
import { Problem } from '../../server/problems/problem';

describe.each(backends)('assessment store on $name', (backend) => {
  let t: TestDb;
  let versionId: string;

  beforeAll(async () => {
    t = await makeTestDb(backend);
    await t.db.transaction(async (tx) => {
      for (const [id, kind] of [
        ['so-tttt', 'department'],
        ['so-y-te', 'department'],
        ['moc-chau', 'district'],
      ]) {
        await createAgency(tx, { id, name: id, kind, ruleSets: ['son-la'] }, 'test');
      }
      versionId = (await createDraft(tx, sonLa2021({ version: '2021' }), 'test')).id;
      await publishVersion(tx, versionId, {}, 'test');
    });
  });
  afterAll(async () => {
    await t?.drop();
  });

  let year = 2000;
  const period = () => t.db.transaction((tx) => createPeriod(tx, { year: year++, versionId, title: 'Kỳ' }, 'test'));
  const submission = (periodId: string, agencyId = 'so-tttt') =>
    t.db.transaction((tx) => insertSubmission(tx, { periodId, agencyId, facts: { staff_total: 10 } }, 'test'));

  it('lets exactly one of many concurrent writers holding the same ETag win; the rest change nothing', async () => {
    const p = await period();
    const s = await submission(p.id);
    const attempts = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        t.db.transaction(async (tx) => {
          const before = await requireSubmission(tx, s.id);
          return reviseSubmission(tx, before, s.etag, { facts: { staff_total: 100 + i } }, 'update', `writer-${i}`);
        }),
      ),
    );
    const won = attempts.filter((a) => a.status === 'fulfilled');
    const lost = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost.every((a) => a.reason instanceof Problem && a.reason.code === 'stale-etag')).toBe(true);
    const winner = (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof reviseSubmission>>>).value;
    const now = await requireSubmission(t.db, s.id);
    expect(now.revision).toBe(2);
    expect(now.facts).toEqual(winner.facts);
    const revisions = await listRevisions(t.db, s.id, { orderBy: 'revision', order: 'ASC', offset: 0, limit: 10 });
    expect(revisions.rows.map((r) => [r.revision, r.facts.staff_total])).toEqual([
      [1, 10],
      [2, winner.facts.staff_total],
    ]);
  });

  it('allows one submission per agency and period', async () => {
    const p = await period();
    await submission(p.id);
    await expect(submission(p.id)).rejects.toMatchObject({ code: 'submission-exists' });
    await expect(
      t.db.query(`INSERT INTO submissions (period_id, agency_id, etag, created_by, updated_by) VALUES ($1, 'so-tttt', 'x', 't', 't')`, [
        p.id,
      ]),
    ).rejects.toThrow();
  });

  it('freezes the submissions of a closed period, whoever writes', async () => {
    const p = await period();
    const s = await submission(p.id);
    await t.db.transaction(async (tx) => {
      await transitionPeriod(tx, p.id, 'appraisal', 'test');
      await transitionPeriod(tx, p.id, 'closed', 'test');
    });
    await expect(t.db.query(`UPDATE submissions SET facts = '{}'::jsonb WHERE id = $1`, [s.id])).rejects.toThrow(/period-closed/);
    await expect(t.db.query(`DELETE FROM submissions WHERE id = $1`, [s.id])).rejects.toThrow(/period-closed/);
    await expect(submission(p.id, 'moc-chau')).rejects.toThrow(/period-closed/);
    const before = await requireSubmission(t.db, s.id);
    await expect(
      t.db.transaction((tx) => reviseSubmission(tx, before, before.etag, { facts: demoFacts('so-tttt').reported }, 'update', 'x')),
    ).rejects.toThrow(/period-closed/);
  });

  it('moves a period forward one step at a time, and fixes its version once appraisal starts', async () => {
    const p = await period();
    await expect(t.db.transaction((tx) => transitionPeriod(tx, p.id, 'closed', 'test'))).rejects.toMatchObject({
      code: 'invalid-transition',
    });
    await t.db.transaction((tx) => transitionPeriod(tx, p.id, 'appraisal', 'test'));
    const other = await t.db.transaction(async (tx) => {
      const id = (await createDraft(tx, sonLa2021({ version: 'khac' }), 'test')).id;
      await publishVersion(tx, id, {}, 'test');
      return id;
    });
    await expect(t.db.query(`UPDATE periods SET version_id = $2 WHERE id = $1`, [p.id, other])).rejects.toThrow(/period-locked/);
    await expect(t.db.query(`UPDATE periods SET status = 'open' WHERE id = $1`, [p.id])).rejects.toThrow(/invalid-transition/);
    expect((await requirePeriod(t.db, p.id)).status).toBe('appraisal');
  });

  it('keeps evidence content as stored: it can only be withdrawn, once', async () => {
    const p = await period();
    const s = await submission(p.id, 'so-y-te');
    const bytes = Buffer.from('%PDF-1.7 test');
    const item = await t.db.transaction((tx) =>
      insertEvidence(tx, s, { kind: 'file', key: 'plan_issued', fileName: 'a.pdf', mimeType: 'application/pdf', content: bytes }, 'test'),
    );
    const stored = await evidenceContent(t.db, item.id);
    expect(stored.intact).toBe(true);
    expect(stored.content.equals(bytes)).toBe(true);

    await expect(t.db.query(`UPDATE evidence SET content = $2 WHERE id = $1`, [item.id, Buffer.from('other')])).rejects.toThrow(
      /append-only/,
    );
    await expect(t.db.query(`UPDATE evidence SET note = 'x' WHERE id = $1`, [item.id])).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM evidence WHERE id = $1`, [item.id])).rejects.toThrow(/append-only/);
    // The shape is checked too: a file row's size is its content's length.
    await expect(
      t.db.query(
        `INSERT INTO evidence (submission_id, key, kind, file_name, mime_type, size, sha256, content, created_by)
         VALUES ($1, 'plan_issued', 'file', 'b.pdf', 'application/pdf', 99, repeat('a', 64), $2, 'x')`,
        [s.id, bytes],
      ),
    ).rejects.toThrow();

    await t.db.transaction((tx) => markEvidenceRemoved(tx, item.id, 'test'));
    expect((await requireEvidence(t.db, item.id)).removed).toBe(true);
    await expect(t.db.query(`UPDATE evidence SET removed_at = NULL WHERE id = $1`, [item.id])).rejects.toThrow(/append-only/);
  });
});
