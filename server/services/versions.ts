// The life of a rule-set version: drafts are edited under an ETag; publishing checks, tests and
// hashes a draft and freezes it, settling any overlap with versions already in force; a published
// version can only be retired. Every change is audited in the same transaction.
import {
  checkVersion,
  compileVersion,
  dayAfter,
  failureText,
  dayBefore,
  diffVersions,
  type Finding,
  hasErrors,
  hashOf,
  type InForce,
  type LegalBasis,
  type LocalizedText,
  type RuleSetVersion,
  runTestCases,
  shareADay,
  type TestCaseResult,
  validateVersion,
} from '../engine';
import type { Queryable, Tx } from '../store/db';
import { engineAgencies } from '../store/agencies';
import { recordAudit } from '../store/audit';
import { ensureRuleSet } from './ruleSets';
import {
  deleteDraftRow,
  endVersion,
  insertDraft,
  labelTaken,
  markPublished,
  markRetired,
  publishedVersions,
  requireVersion,
  writeDraft,
  type Version,
} from '../store/versions';
import { Problem } from '../problems/problem';
import type { LintReport, TestRun, VersionDiff } from '../api/types';

export { listVersions, requireVersion, VERSION_SORT, versionInForce, type Version, type VersionStatus } from '../store/versions';

// ---------------------------------------------------------------------------------------------
// Checking

/**
 * Schema validation, then the linter, with the agencies assessed under the rule set so that each
 * is checked to fall in exactly one cohort.
 */
async function lintDocument(db: Queryable, document: unknown): Promise<Finding[]> {
  const ruleSet = (document as { ruleSet?: unknown })?.ruleSet;
  return checkVersion(document, { agencies: typeof ruleSet === 'string' ? await engineAgencies(db, ruleSet) : [] });
}

/** Runs the version's embedded test cases; a document that does not pass the schema cannot run. */
async function testDocument(document: RuleSetVersion): Promise<TestCaseResult[]> {
  const schema = validateVersion(document).filter((f) => f.severity === 'error');
  if (schema.length) throw invalidDocument(schema);
  return runTestCases(compileVersion(document));
}

/**
 * A version as served: a published one is re-hashed and marked `intact: false` when its document no
 * longer matches the hash recorded at publication (changed behind the database's triggers).
 */
export async function readVersion(db: Queryable, id: string): Promise<Version & { intact: boolean | null }> {
  const version = await requireVersion(db, id);
  return { ...version, intact: version.hash === null ? null : hashOf(version.document) === version.hash };
}

/** The stored version checked as publishing would check it. */
export async function lintVersion(db: Queryable, id: string): Promise<LintReport> {
  return { findings: await lintDocument(db, (await requireVersion(db, id)).document) };
}

/** The stored version's own test cases, run. */
export async function testVersion(db: Queryable, id: string): Promise<TestRun> {
  const results = await testDocument((await requireVersion(db, id)).document);
  return { results, passed: results.every((r) => r.passed) };
}

/** What changes from one version to another, in words. */
export async function diff(db: Queryable, id: string, otherId: string): Promise<VersionDiff> {
  const [a, b] = [await requireVersion(db, id), await requireVersion(db, otherId)];
  return { changes: diffVersions(a.document, b.document) };
}

const invalidDocument = (findings: Finding[]) =>
  new Problem(
    'invalid-document',
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
  if (await labelTaken(tx, ruleSet, label, exceptId)) {
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
  const created = await insertDraft(tx, document, basedOn, actor);
  await recordAudit(tx, { actor, action: 'create', resource: 'versions', resourceId: created.id, after: created });
  return created;
}

/**
 * A new draft from any version (draft, published or retired) under a new label: the criteria as
 * they were, but not what belonged to the old text — its change note is dropped, its label in the
 * title becomes the new one, and it takes effect on 1 January of the year it is labelled with, or
 * else the day after the rule set's last published period ends, until the next published version
 * starts. The decision it will be published
 * under is asked for when publishing.
 */
export async function copyVersion(tx: Tx, sourceId: string, label: string, actor: string): Promise<Version> {
  const source = await requireVersion(tx, sourceId);
  const { changeNote: _oldNote, ...kept } = structuredClone(source.document);
  const retitle = (text: string) => text.split(source.version).join(label);
  const title = { ...kept.title, vi: retitle(kept.title.vi), ...(kept.title.en ? { en: retitle(kept.title.en) } : {}) };
  const published = await publishedVersions(tx, source.ruleSet, source.id);
  const lastEnd = published
    .map((v) => v.endedOn ?? v.effectiveTo)
    .filter((d): d is string => !!d)
    .sort()
    .pop();
  const from = /^\d{4}$/.test(label) ? `${label}-01-01` : lastEnd ? dayAfter(lastEnd) : kept.effective.from;
  // Slotted before a later published version, it ends the day before that one starts.
  const next = published
    .map((v) => v.effectiveFrom)
    .filter((d): d is string => !!d && d > from)
    .sort()[0];
  const document: RuleSetVersion = { ...kept, version: label, title, effective: next ? { from, to: dayBefore(next) } : { from } };
  return createDraft(tx, document, actor, source.id);
}

export async function updateDraft(tx: Tx, id: string, etag: string, document: unknown, actor: string): Promise<Version> {
  const before = await requireVersion(tx, id);
  if (before.status !== 'draft') throw notDraft(before);
  if (before.etag !== etag) throw staleEtag();
  assertWellFormed(document);
  if (document.ruleSet !== before.ruleSet) {
    throw new Problem(
      'rule-set-changed',
      {
        vi: `Bản nháp thuộc bộ chỉ số "${before.ruleSet}"; không thể chuyển sang "${document.ruleSet}".`,
        en: `The draft belongs to rule set "${before.ruleSet}"; it cannot move to "${document.ruleSet}".`,
      },
      [
        {
          severity: 'error',
          path: '/ruleSet',
          code: 'rule-set-changed',
          message: { vi: 'Không được đổi bộ chỉ số.', en: 'The rule set cannot change.' },
        },
      ],
    );
  }
  if (document.version !== before.version) await assertLabelFree(tx, before.ruleSet, document.version, id);
  const after = await writeDraft(tx, id, etag, document, actor);
  if (!after) throw staleEtag();
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
  return (await publishedVersions(tx, ruleSet, except)).filter(
    (v) => v.effectiveFrom !== null && shareADay(period, { from: v.effectiveFrom, to: v.endedOn ?? v.effectiveTo }),
  );
}

/** The answer publishing needs when other published versions would be in force on the same days. */
async function settleOverlap(
  tx: Tx,
  draft: Version,
  document: RuleSetVersion,
  answer: PublishInput['overlap'],
  actor: string,
): Promise<void> {
  const others = await overlapping(tx, document.ruleSet, document.effective, draft.id);
  if (!others.length) return;
  const list = others.map((o) => `${o.version} (${o.effectiveFrom} → ${o.endedOn ?? o.effectiveTo ?? '…'})`).join(', ');
  const details = {
    overlapping: others.map((o) => ({ id: o.id, version: o.version, from: o.effectiveFrom, to: o.endedOn ?? o.effectiveTo })),
  };
  if (!answer)
    throw new Problem(
      'effective-overlap',
      {
        vi: `Thời gian hiệu lực trùng với phiên bản đã ban hành ${list}: chọn cho phiên bản đó hết hiệu lực (retire) hoặc kết thúc vào ngày trước ${document.effective.from} (end).`,
        en: `The period in force overlaps published version ${list}: retire it, or end it the day before ${document.effective.from}.`,
      },
      [
        {
          severity: 'error',
          path: '/effective/from',
          code: 'effective-overlap',
          message: { vi: `Trùng hiệu lực với ${list}`, en: `Overlaps ${list}` },
        },
      ],
      details,
    );
  for (const other of others) {
    if (answer === 'retire') {
      await retireVersion(tx, other.id, actor);
      continue;
    }
    if ((other.effectiveFrom ?? '') >= document.effective.from)
      throw new Problem(
        'cannot-end',
        {
          vi: `Phiên bản ${other.version} bắt đầu từ ${other.effectiveFrom}, không trước ${document.effective.from}, nên không kết thúc được trước khi bắt đầu: cho hết hiệu lực, hoặc đặt ngày hết hiệu lực (effective.to) cho bản nháp này.`,
          en: `Version ${other.version} starts on ${other.effectiveFrom}, not before ${document.effective.from}, so it cannot end before it starts: retire it, or give this draft an end date (effective.to).`,
        },
        [
          {
            severity: 'error',
            path: '/effective',
            code: 'cannot-end',
            message: { vi: `Không kết thúc được ${other.version}`, en: `Cannot end ${other.version}` },
          },
        ],
        details,
      );
    const endedOn = dayBefore(document.effective.from);
    await endVersion(tx, other.id, endedOn, draft.id, actor);
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
    throw new Problem(
      'lint-failed',
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
    throw new Problem(
      'tests-failed',
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
            vi: `Ca kiểm thử «${r.name}»: ${failureText(document, f).vi}.`,
            en: `Test case "${r.name}": ${failureText(document, f).en}.`,
          },
        })),
      ),
      { failures: failed.map(({ name, failures }) => ({ name, failures })) },
    );
  }
  await settleOverlap(tx, before, document, input.overlap, actor);
  const hash = hashOf(document);
  const after = await markPublished(tx, id, document, hash, actor);
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
  const after = await markRetired(tx, id, actor);
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
  await deleteDraftRow(tx, id);
  await recordAudit(tx, { actor, action: 'delete', resource: 'versions', resourceId: id, before });
  return before;
}
