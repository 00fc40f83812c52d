// Evidence (tài liệu kiểm chứng) for a fact or criterion of a submission: an uploaded file kept in the
// database with its SHA-256, or a link with a note. Items are never edited; withdrawing one keeps
// the row and removes it from the submission's list (a new revision).
import { createHash } from 'node:crypto';
import type { Queryable, Tx } from './db';
import { notFound } from '../problems/problem';
import { iso } from './sql';
import type { EvidenceItem, Submission } from './submissions';
import { isUuid } from './users';

interface EvidenceRow {
  id: string;
  submission_id: string;
  key: string;
  kind: 'file' | 'link' | 'explanation';
  file_name: string | null;
  mime_type: string | null;
  size: number | null;
  sha256: string | null;
  url: string | null;
  note: string;
  created_at: Date;
  created_by: string;
  removed_at: Date | null;
}

const META = 'id, submission_id, key, kind, file_name, mime_type, size, sha256, url, note, created_at, created_by, removed_at';
const WHAT = { vi: 'tài liệu kiểm chứng', en: 'Evidence' };

const toItem = (r: EvidenceRow): EvidenceItem => ({
  id: r.id,
  key: r.key,
  kind: r.kind,
  fileName: r.file_name,
  mimeType: r.mime_type,
  size: r.size,
  sha256: r.sha256,
  url: r.url,
  note: r.note,
  createdAt: iso(r.created_at)!,
  createdBy: r.created_by,
});

export interface StoredEvidence extends EvidenceItem {
  submissionId: string;
  removed: boolean;
}

export interface FileEvidence {
  key: string;
  fileName: string;
  mimeType: string;
  content: Uint8Array;
  note?: string;
}

export interface LinkEvidence {
  key: string;
  url: string;
  note?: string;
}

export interface ExplanationEvidence {
  key: string;
  note: string;
}

const sha256Of = (content: Uint8Array): string => createHash('sha256').update(content).digest('hex');

/** Inserts the item; the caller adds it to the submission (a new revision) in the same transaction. */
export async function insertEvidence(
  tx: Tx,
  submission: Pick<Submission, 'id'>,
  input: ({ kind: 'file' } & FileEvidence) | ({ kind: 'link' } & LinkEvidence) | ({ kind: 'explanation' } & ExplanationEvidence),
  actor: string,
): Promise<EvidenceItem> {
  const file = input.kind === 'file' ? input : null;
  const res = await tx.query<EvidenceRow>(
    `INSERT INTO evidence (submission_id, key, kind, file_name, mime_type, size, sha256, content, url, note, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING ${META}`,
    [
      submission.id,
      input.key,
      input.kind,
      file?.fileName ?? null,
      file?.mimeType ?? null,
      file ? file.content.byteLength : null,
      file ? sha256Of(file.content) : null,
      // PGlite wants a Uint8Array, pg a Buffer; a Buffer is both.
      file ? Buffer.from(file.content.buffer, file.content.byteOffset, file.content.byteLength) : null,
      input.kind === 'link' ? input.url : null,
      input.note ?? '',
      actor,
    ],
  );
  return toItem(res.rows[0]);
}

async function getEvidence(db: Queryable, id: string): Promise<StoredEvidence | null> {
  if (!isUuid(id)) return null;
  const res = await db.query<EvidenceRow>(`SELECT ${META} FROM evidence WHERE id = $1`, [id]);
  const row = res.rows[0];
  return row ? { ...toItem(row), submissionId: row.submission_id, removed: row.removed_at !== null } : null;
}

export async function requireEvidence(db: Queryable, id: string): Promise<StoredEvidence> {
  const item = await getEvidence(db, id);
  if (!item) throw notFound(WHAT, id);
  return item;
}

/** The file's bytes, checked against the stored checksum before they are served. */
export async function evidenceContent(db: Queryable, id: string): Promise<{ content: Buffer; intact: boolean }> {
  const res = await db.query<{ content: Uint8Array; sha256: string }>('SELECT content, sha256 FROM evidence WHERE id = $1', [id]);
  const row = res.rows[0];
  if (!row?.content) throw notFound(WHAT, id);
  const content = Buffer.from(row.content);
  return { content, intact: sha256Of(content) === row.sha256 };
}

export async function markEvidenceRemoved(tx: Tx, id: string, actor: string): Promise<void> {
  await tx.query('UPDATE evidence SET removed_at = now(), removed_by = $2 WHERE id = $1 AND removed_at IS NULL', [id, actor]);
}
