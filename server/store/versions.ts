// Rule-set versions: drafts are edited under an ETag; publishing checks, tests and hashes a draft
// and freezes it; a published version can only be retired. The database trigger in 0001_core.sql
// enforces the freeze for every SQL client; the checks here give a clear error first.
import { randomUUID } from 'node:crypto';
import { checkVersion, compileVersion, dayBefore, diffVersions, type Finding, hasErrors, hashOf, type InForce, type LegalBasis, type LocalizedText, type RuleSetVersion, runTestCases, shareADay, type TestCaseResult, validateVersion, type VersionChange } from '../engine';
import type { Queryable, Tx } from './db';
import { engineAgencies } from './agencies';
import { recordAudit } from './audit';
import { notFound, Problem } from '../problems/problem';
import { ensureRuleSet } from './ruleSets';
import { iso, likePattern, Where, type Page } from './sql';
import { isUuid } from './users';

export type VersionStatus = 'draft' | 'published' | 'retired';

export interface Version {
  id: string;
  ruleSet: string;
  version: string;
  status: VersionStatus;
  title: LocalizedText;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  /** Its last day in force when a successor ended it before its own `effective.to`; the version that did. */
  endedOn: string | null;
  endedFor: string | null;
  legalBasis: LegalBasis | null;
  changeNote: LocalizedText | null;
  hash: string | null;
  etag: string;
  basedOn: string | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  publishedAt: string | null;
  publishedBy: string | null;
  retiredAt: string | null;
  retiredBy: string | null;
  document?: RuleSetVersion;
}

interface VersionRow {
  id: string;
  rule_set: string;
  version: string;
  status: VersionStatus;
  document?: RuleSetVersion;
  title: LocalizedText;
  effective_from: string | null;
  effective_to: string | null;
  ended_on: string | null;
  ended_for: string | null;
  doc_legal_basis: LegalBasis | null;
  doc_change_note: LocalizedText | null;
  etag: string;
  hash: string | null;
  based_on: string | null;
  change_note: LocalizedText | null;
  legal_basis: LegalBasis | null;
  created_at: Date;
  created_by: string;
  updated_at: Date;
  updated_by: string;
  published_at: Date | null;
  published_by: string | null;
  retired_at: Date | null;
  retired_by: string | null;
}

const SUMMARY = `id, rule_set, version, status, etag, hash, based_on, change_note, legal_basis,
  document->'title' AS title, document->'effective'->>'from' AS effective_from,
  document->'effective'->>'to' AS effective_to, document->'legalBasis' AS doc_legal_basis,
  document->'changeNote' AS doc_change_note, to_char(ended_on, 'YYYY-MM-DD') AS ended_on, ended_for,
  created_at, created_by, updated_at, updated_by, published_at, published_by, retired_at, retired_by`;
const FULL = `${SUMMARY}, document`;

const toVersion = (r: VersionRow): Version => ({
  id: r.id,
  ruleSet: r.rule_set,
  version: r.version,
  status: r.status,
  title: r.title,
  effectiveFrom: r.effective_from,
  effectiveTo: r.effective_to,
  endedOn: r.ended_on,
  endedFor: r.ended_for,
  legalBasis: r.legal_basis ?? r.doc_legal_basis ?? null,
  changeNote: r.change_note ?? r.doc_change_note ?? null,
  hash: r.hash,
  etag: r.etag,
  basedOn: r.based_on,
  createdAt: iso(r.created_at)!,
  createdBy: r.created_by,
  updatedAt: iso(r.updated_at)!,
  updatedBy: r.updated_by,
  publishedAt: iso(r.published_at),
  publishedBy: r.published_by,
  retiredAt: iso(r.retired_at),
  retiredBy: r.retired_by,
  ...(r.document !== undefined ? { document: r.document } : {}),
});

const WHAT = { vi: 'phiên bản', en: 'Version' };

const newEtag = (): string => randomUUID().replace(/-/g, '');

// ---------------------------------------------------------------------------------------------
// Reading

export async function getVersion(db: Queryable, id: string, lock = false): Promise<Version | null> {
  if (!isUuid(id)) return null;
  const res = await db.query<VersionRow>(`SELECT ${FULL} FROM versions WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  return res.rows[0] ? toVersion(res.rows[0]) : null;
}

export async function requireVersion(db: Queryable, id: string, lock = false): Promise<Version & { document: RuleSetVersion }> {
  const version = await getVersion(db, id, lock);
  if (!version) throw notFound(WHAT, id);
  return version as Version & { document: RuleSetVersion };
}

export interface VersionFilter {
  id?: string[];
  ruleSet?: string;
  status?: VersionStatus;
  q?: string;
}

export const VERSION_SORT: Record<string, string> = {
  id: 'id',
  ruleSet: 'rule_set',
  version: 'version',
  status: 'status',
  title: "document->'title'->>'vi'",
  effectiveFrom: "document->'effective'->>'from'",
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  publishedAt: 'published_at',
};

export async function listVersions(db: Queryable, filter: VersionFilter, page: Page): Promise<{ rows: Version[]; total: number }> {
  const w = new Where();
  if (filter.id) w.add('id::text = ANY(?::text[])', filter.id);
  if (filter.ruleSet) w.add('rule_set = ?', filter.ruleSet);
  if (filter.status) w.add('status = ?', filter.status);
  if (filter.q) {
    w.add(
      "(version ILIKE ? OR document->'title'->>'vi' ILIKE ? OR document->'title'->>'en' ILIKE ?)",
      ...Array(3).fill(likePattern(filter.q)),
    );
  }
  const total = await db.query<{ n: string }>(`SELECT count(*)::text AS n FROM versions ${w.sql}`, w.params);
  const rows = await db.query<VersionRow>(`SELECT ${SUMMARY} FROM versions ${w.sql} ${w.page(page)}`, w.params);
  return { rows: rows.rows.map(toVersion), total: Number(total.rows[0].n) };
}

/**
 * The published version in force on `date` (YYYY-MM-DD): effective.from ≤ date ≤ effective.to (or no
 * end). When several are, the latest start wins, then the latest publication.
 */
export async function versionInForce(db: Queryable, ruleSet: string, date: string): Promise<Version | null> {
  const res = await db.query<VersionRow>(
    `SELECT ${FULL} FROM versions
      WHERE rule_set = $1 AND status = 'published'
        AND document->'effective'->>'from' <= $2
        AND (document->'effective'->>'to' IS NULL OR document->'effective'->>'to' >= $2)
        AND (ended_on IS NULL OR to_char(ended_on, 'YYYY-MM-DD') >= $2)
      ORDER BY document->'effective'->>'from' DESC, published_at DESC
      LIMIT 1`,
    [ruleSet, date],
  );
  return res.rows[0] ? toVersion(res.rows[0]) : null;
}

// ---------------------------------------------------------------------------------------------
// Checking

/**
 * Schema validation, then the linter, with the agencies assessed under the rule set so that each
 * is checked to fall in exactly one cohort.
 */
export async function lintDocument(db: Queryable, document: unknown): Promise<Finding[]> {
  const ruleSet = (document as { ruleSet?: unknown })?.ruleSet;
  return checkVersion(document, { agencies: typeof ruleSet === 'string' ? await engineAgencies(db, ruleSet) : [] });
}

/** Runs the version's embedded test cases; a document that does not pass the schema cannot run. */
export async function testDocument(document: RuleSetVersion): Promise<TestCaseResult[]> {
  const schema = validateVersion(document).filter((f) => f.severity === 'error');
  if (schema.length) throw invalidDocument(schema);
  return runTestCases(compileVersion(document));
}

export async function diff(db: Queryable, id: string, otherId: string): Promise<VersionChange[]> {
  const [a, b] = [await requireVersion(db, id), await requireVersion(db, otherId)];
  return diffVersions(a.document, b.document);
}

const invalidDocument = (findings: Finding[]) =>
  new Problem('invalid-document',
    {
      vi: `Tài liệu bộ chỉ số không đúng định dạng (${findings.length} lỗi).`,
      en: `The rule-set document does not match the format (${findings.length} errors).`,
    },
    findings,
  );

/** Drafts may still fail the linter, but never the format: a stored document always parses. */
function assertWellFormed(document: unknown): asserts document is RuleSetVersion {
  const errors = validateVersion(document).filter((f) => f.severity === 'error');
  if (errors.length) throw invalidDocument(errors);
}

async function assertLabelFree(tx: Queryable, ruleSet: string, label: string, exceptId?: string): Promise<void> {
  const res = await tx.query('SELECT id FROM versions WHERE rule_set = $1 AND version = $2 AND id::text <> $3', [
    ruleSet,
    label,
    exceptId ?? '',
  ]);
  if (res.rows.length) {
    throw new Problem('version-exists', {
      vi: `Bộ chỉ số "${ruleSet}" đã có phiên bản "${label}".`,
      en: `Rule set "${ruleSet}" already has a version "${label}".`,
    });
  }
}

const notDraft = (v: Version) =>
  new Problem('not-draft', {
    vi: `Phiên bản ${v.ruleSet} ${v.version} đã ${v.status === 'published' ? 'ban hành' : 'hết hiệu lực'}; phiên bản đã ban hành không thể thay đổi. Hãy sao chép thành bản nháp mới.`,
    en: `Version ${v.ruleSet} ${v.version} is ${v.status}; published versions are immutable. Copy it to a new draft instead.`,
  });

const staleEtag = () =>
  new Problem('stale-etag', {
    vi: 'Bản nháp đã được người khác thay đổi sau khi bạn mở nó (ETag không khớp). Hãy tải lại rồi sửa tiếp.',
    en: 'The draft was changed by someone else since you opened it (ETag mismatch). Reload it and try again.',
  });

// ---------------------------------------------------------------------------------------------
// Writing (each inside the caller's transaction, each audited)

export async function createDraft(tx: Tx, document: unknown, actor: string, basedOn: string | null = null): Promise<Version> {
  assertWellFormed(document);
  await ensureRuleSet(tx, document.ruleSet, document.ruleSetTitle ?? document.title, actor);
  await assertLabelFree(tx, document.ruleSet, document.version);
  const res = await tx.query<VersionRow>(
    `INSERT INTO versions (rule_set, version, status, document, etag, based_on, created_by, updated_by)
     VALUES ($1, $2, 'draft', $3::jsonb, $4, $5, $6, $6) RETURNING ${FULL}`,
    [document.ruleSet, document.version, JSON.stringify(document), newEtag(), basedOn, actor],
  );
  const created = toVersion(res.rows[0]);
  await recordAudit(tx, { actor, action: 'create', resource: 'versions', resourceId: created.id, after: created });
  return created;
}

/** A new draft from any version (draft, published or retired) under a new label. */
export async function copyVersion(tx: Tx, sourceId: string, label: string, actor: string): Promise<Version> {
  const source = await requireVersion(tx, sourceId);
  const document = { ...structuredClone(source.document), version: label };
  return createDraft(tx, document, actor, source.id);
}

export async function updateDraft(tx: Tx, id: string, etag: string, document: unknown, actor: string): Promise<Version> {
  const before = await requireVersion(tx, id);
  if (before.status !== 'draft') throw notDraft(before);
  if (before.etag !== etag) throw staleEtag();
  assertWellFormed(document);
  if (document.ruleSet !== before.ruleSet) {
    throw new Problem('rule-set-changed', {
      vi: `Bản nháp thuộc bộ chỉ số "${before.ruleSet}"; không thể chuyển sang "${document.ruleSet}".`,
      en: `The draft belongs to rule set "${before.ruleSet}"; it cannot move to "${document.ruleSet}".`,
    }, [{ severity: 'error', path: '/ruleSet', code: 'rule-set-changed', message: { vi: 'Không được đổi bộ chỉ số.', en: 'The rule set cannot change.' } }]);
  }
  if (document.version !== before.version) await assertLabelFree(tx, before.ruleSet, document.version, id);
  // The etag in the WHERE clause makes the check and the write one step: of two concurrent writers
  // holding the same etag, the second finds no row once the first has committed.
  const res = await tx.query<VersionRow>(
    `UPDATE versions SET document = $3::jsonb, version = $4, etag = $5, updated_at = now(), updated_by = $6
      WHERE id = $1 AND etag = $2 AND status = 'draft' RETURNING ${FULL}`,
    [id, etag, JSON.stringify(document), document.version, newEtag(), actor],
  );
  if (!res.rows.length) throw staleEtag();
  const after = toVersion(res.rows[0]);
  await recordAudit(tx, {
    actor,
    action: 'update',
    resource: 'versions',
    resourceId: id,
    before: { etag: before.etag, version: before.version, document: before.document },
    after: { etag: after.etag, version: after.version, document: after.document },
  });
  return after;
}

export interface PublishInput {
  changeNote?: LocalizedText;
  legalBasis?: LegalBasis;
  /** What becomes of published versions whose period overlaps this one's: retired, or ended the day before it starts. */
  overlap?: 'retire' | 'end';
}

/** Published versions of the rule set, other than `except`, in force on some day of `period`. */
async function overlapping(tx: Tx, ruleSet: string, period: InForce, except: string): Promise<Version[]> {
  const res = await tx.query<VersionRow>(`SELECT ${SUMMARY} FROM versions WHERE rule_set = $1 AND status = 'published' AND id <> $2 ORDER BY document->'effective'->>'from'`, [
    ruleSet,
    except,
  ]);
  return res.rows.map(toVersion).filter((v) => v.effectiveFrom !== null && shareADay(period, { from: v.effectiveFrom, to: v.endedOn ?? v.effectiveTo }));
}

/** The answer publishing needs when other published versions would be in force on the same days. */
async function settleOverlap(tx: Tx, draft: Version, document: RuleSetVersion, answer: PublishInput['overlap'], actor: string): Promise<void> {
  const others = await overlapping(tx, document.ruleSet, document.effective, draft.id);
  if (!others.length) return;
  const list = others.map((o) => `${o.version} (${o.effectiveFrom} → ${o.endedOn ?? o.effectiveTo ?? '…'})`).join(', ');
  const details = { overlapping: others.map((o) => ({ id: o.id, version: o.version, from: o.effectiveFrom, to: o.endedOn ?? o.effectiveTo })) };
  if (!answer)
    throw new Problem('effective-overlap',
      {
        vi: `Thời gian hiệu lực trùng với phiên bản đã ban hành ${list}: chọn cho phiên bản đó hết hiệu lực (retire) hoặc kết thúc vào ngày trước ${document.effective.from} (end).`,
        en: `The period in force overlaps published version ${list}: retire it, or end it the day before ${document.effective.from}.`,
      },
      [{ severity: 'error', path: '/effective/from', code: 'effective-overlap', message: { vi: `Trùng hiệu lực với ${list}`, en: `Overlaps ${list}` } }],
      details,
    );
  for (const other of others) {
    if (answer === 'retire') {
      await retireVersion(tx, other.id, actor);
      continue;
    }
    if ((other.effectiveFrom ?? '') >= document.effective.from)
      throw new Problem('cannot-end',
        {
          vi: `Phiên bản ${other.version} bắt đầu từ ${other.effectiveFrom}, không trước ${document.effective.from}, nên không kết thúc được trước khi bắt đầu: cho hết hiệu lực, hoặc đặt ngày hết hiệu lực (effective.to) cho bản nháp này.`,
          en: `Version ${other.version} starts on ${other.effectiveFrom}, not before ${document.effective.from}, so it cannot end before it starts: retire it, or give this draft an end date (effective.to).`,
        },
        [{ severity: 'error', path: '/effective', code: 'cannot-end', message: { vi: `Không kết thúc được ${other.version}`, en: `Cannot end ${other.version}` } }],
        details,
      );
    const endedOn = dayBefore(document.effective.from);
    await tx.query(`UPDATE versions SET ended_on = $2, ended_by = $3, ended_for = $4 WHERE id = $1`, [other.id, endedOn, actor, draft.id]);
    await recordAudit(tx, {
      actor,
      action: 'end',
      resource: 'versions',
      resourceId: other.id,
      before: { endedOn: null },
      after: { endedOn, endedFor: draft.id },
    });
  }
}

/**
 * Publishes a draft: the change note and legal basis go into the document, which must then pass
 * the schema, the linter and its own test cases; its canonical hash is recorded and it is frozen.
 */
export async function publishVersion(tx: Tx, id: string, input: PublishInput, actor: string, etag?: string): Promise<Version> {
  const before = await requireVersion(tx, id, true);
  if (before.status !== 'draft') throw notDraft(before);
  if (etag !== undefined && etag !== before.etag) throw staleEtag();
  const document: RuleSetVersion = {
    ...before.document,
    ...(input.changeNote ? { changeNote: input.changeNote } : {}),
    ...(input.legalBasis ? { legalBasis: input.legalBasis } : {}),
  };
  const findings = await lintDocument(tx, document);
  if (hasErrors(findings)) {
    const errors = findings.filter((f) => f.severity === 'error');
    throw new Problem('lint-failed',
      {
        vi: `Không thể ban hành: kiểm tra phát hiện ${errors.length} lỗi.`,
        en: `Cannot publish: the check found ${errors.length} error(s).`,
      },
      errors,
      { findings },
    );
  }
  const results = runTestCases(compileVersion(document));
  const failed = results.filter((r) => !r.passed);
  if (failed.length) {
    throw new Problem('tests-failed',
      {
        vi: `Không thể ban hành: ${failed.length}/${results.length} ca kiểm thử không đạt.`,
        en: `Cannot publish: ${failed.length} of ${results.length} test case(s) failed.`,
      },
      failed.flatMap((r) =>
        r.failures.map((f) => ({
          severity: 'error' as const,
          path: `/tests/${results.indexOf(r)}`,
          code: 'test-failed',
          message: {
            vi: `Ca "${r.name}": ${f.field} mong đợi ${JSON.stringify(f.expected)}, thực tế ${JSON.stringify(f.actual)}.`,
            en: `Case "${r.name}": ${f.field} expected ${JSON.stringify(f.expected)}, got ${JSON.stringify(f.actual)}.`,
          },
        })),
      ),
      { failures: failed.map(({ name, failures }) => ({ name, failures })) },
    );
  }
  await settleOverlap(tx, before, document, input.overlap, actor);
  const hash = hashOf(document);
  const res = await tx.query<VersionRow>(
    `UPDATE versions SET status = 'published', document = $2::jsonb, hash = $3, etag = $4,
            change_note = $5::jsonb, legal_basis = $6::jsonb, published_at = now(), published_by = $7,
            updated_at = now(), updated_by = $7
      WHERE id = $1 AND status = 'draft' RETURNING ${FULL}`,
    [id, JSON.stringify(document), hash, newEtag(), JSON.stringify(document.changeNote ?? null), JSON.stringify(document.legalBasis), actor],
  );
  const after = toVersion(res.rows[0]);
  await recordAudit(tx, {
    actor,
    action: 'publish',
    resource: 'versions',
    resourceId: id,
    before: { status: before.status, etag: before.etag },
    after: {
      status: after.status,
      hash,
      changeNote: after.changeNote,
      legalBasis: after.legalBasis,
      publishedAt: after.publishedAt,
      document: after.document,
    },
  });
  return after;
}

export async function retireVersion(tx: Tx, id: string, actor: string): Promise<Version> {
  const before = await requireVersion(tx, id, true);
  if (before.status !== 'published') {
    throw new Problem('not-published', {
      vi: `Chỉ phiên bản đã ban hành mới có thể cho hết hiệu lực (phiên bản này: ${before.status}).`,
      en: `Only a published version can be retired (this one is ${before.status}).`,
    });
  }
  const res = await tx.query<VersionRow>(
    `UPDATE versions SET status = 'retired', retired_at = now(), retired_by = $2 WHERE id = $1 RETURNING ${FULL}`,
    [id, actor],
  );
  const after = toVersion(res.rows[0]);
  await recordAudit(tx, {
    actor,
    action: 'retire',
    resource: 'versions',
    resourceId: id,
    before: { status: before.status },
    after: { status: after.status, retiredAt: after.retiredAt },
  });
  return after;
}

export async function deleteDraft(tx: Tx, id: string, actor: string): Promise<Version> {
  const before = await requireVersion(tx, id, true);
  if (before.status !== 'draft') throw notDraft(before);
  await tx.query('UPDATE versions SET based_on = NULL WHERE based_on = $1 AND status = $2', [id, 'draft']);
  await tx.query('DELETE FROM versions WHERE id = $1', [id]);
  await recordAudit(tx, { actor, action: 'delete', resource: 'versions', resourceId: id, before });
  return before;
}
