// Reading the audit log and checking it (entries are written by each service, in the transaction of
// the change they record). Verification recomputes the hash chain, checks each entry's signature
// under the audit key, and holds the log against the anchors kept elsewhere: the head recorded in
// every published ranking (and printed on its annex) and a checkpoint an auditor kept.
import { isoOf, vietnamDayBounds } from '../engine';
import { badFilter } from './listFilters';
import type { Queryable } from '../store/db';
import {
  auditEntriesAfter,
  auditHead,
  entryHash,
  GENESIS_HASH,
  getAudit,
  hasAuditKey,
  listAudit as listAuditEntries,
  macOf,
  type AuditEntry,
  type AuditQuery,
} from '../store/audit';
import { auditAnchors } from '../store/rankings';
import type { AuditFinding, AuditVerification } from '../api/types';
import { notFound } from '../problems/problem';

export type { AuditQuery } from '../store/audit';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A bound of the time filter as the log's own text (ISO 8601, UTC), which sorts as time does. A
 * bare day is a Việt Nam calendar day, as the console shows every moment: `from` its first moment,
 * `to` its last; a day that is none, or text that is no moment, is refused at its filter.
 */
function timeBound(key: 'from' | 'to', value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const day = ISO_DAY.exec(value);
  if (day) {
    if (!isoOf(Number(day[1]), Number(day[2]), Number(day[3]))) {
      throw badFilter(key, { vi: `"${value}" không phải một ngày có thật`, en: `"${value}" is not a real day` });
    }
    const bounds = vietnamDayBounds(value);
    return key === 'from' ? bounds.first : bounds.last;
  }
  const moment = Date.parse(value);
  if (Number.isNaN(moment)) {
    throw badFilter(key, {
      vi: 'phải là một ngày (yyyy-mm-dd) hoặc một thời điểm theo ISO 8601',
      en: 'must be a day (yyyy-mm-dd) or an ISO 8601 moment',
    });
  }
  return new Date(moment).toISOString();
}

/** The log's entries a query selects. */
export function listAudit(db: Queryable, q: AuditQuery): Promise<{ rows: AuditEntry[]; total: number }> {
  return listAuditEntries(db, { ...q, filter: { ...q.filter, from: timeBound('from', q.filter.from), to: timeBound('to', q.filter.to) } });
}

export async function auditEntry(db: Queryable, id: number): Promise<AuditEntry> {
  const entry = Number.isSafeInteger(id) ? await getAudit(db, id) : null;
  if (!entry) throw notFound({ vi: 'mục nhật ký', en: 'Audit entry' }, String(id));
  return entry;
}

export interface Checkpoint {
  id: number;
  hash: string;
}

/** Where an anchor (a ranking's or a kept checkpoint) no longer matches the log. */
function anchorFinding(
  anchor: Checkpoint,
  at: Map<number, string>,
  last: number,
  kind: 'anchor-mismatch' | 'checkpoint-mismatch',
  what: { vi: string; en: string },
): AuditFinding | null {
  if (anchor.id > last) {
    return {
      kind: 'truncated',
      id: anchor.id,
      message: {
        vi: `Nhật ký bị cắt: ${what.vi} ghi nhận nhật ký đã tới mục #${anchor.id}, nhưng nhật ký hiện chỉ tới mục #${last}.`,
        en: `The log was cut short: ${what.en} recorded the log at entry #${anchor.id}, but it now ends at entry #${last}.`,
      },
    };
  }
  if (at.get(anchor.id) !== anchor.hash) {
    return {
      kind,
      id: anchor.id,
      message: {
        vi: `Nhật ký bị viết lại: mục #${anchor.id} không còn khớp với ${what.vi}.`,
        en: `The log was rewritten: entry #${anchor.id} no longer matches ${what.en}.`,
      },
    };
  }
  return null;
}

/** Recomputes the whole chain from the first entry, checks signatures and every anchor; says in words what it found. */
export async function verifyAudit(db: Queryable, options: { checkpoint?: Checkpoint; batch?: number } = {}): Promise<AuditVerification> {
  const batch = options.batch ?? 1000;
  const keyed = hasAuditKey();
  const findings: AuditFinding[] = [];
  const hashes = new Map<number, string>();
  let prevHash = GENESIS_HASH;
  let afterId = 0;
  let checked = 0;
  let signed = 0;
  let unsigned = 0;
  let firstBrokenId: number | undefined;
  for (let page = await auditEntriesAfter(db, 0, batch); page.length; page = await auditEntriesAfter(db, afterId, batch)) {
    for (const e of page) {
      checked++;
      hashes.set(e.id, e.hash);
      if (firstBrokenId === undefined && (e.prevHash !== prevHash || entryHash(prevHash, e) !== e.hash)) {
        firstBrokenId = e.id;
        findings.push({
          kind: 'rewritten',
          id: e.id,
          message: {
            vi: `Mục #${e.id} đã bị sửa hoặc mục trước nó bị xóa: mã băm không khớp chuỗi.`,
            en: `Entry #${e.id} was changed, or the entry before it removed: its hash does not continue the chain.`,
          },
        });
      }
      if (e.mac === null) {
        // Entries from before the log was keyed carry no signature; one after a signed entry was slipped in.
        if (signed > 0 && findings.every((f) => f.kind !== 'unsigned')) {
          findings.push({
            kind: 'unsigned',
            id: e.id,
            message: {
              vi: `Mục #${e.id} không có chữ ký dù các mục trước đã được ký: mục này không do máy chủ ghi.`,
              en: `Entry #${e.id} has no signature although earlier entries do: the server did not write it.`,
            },
          });
        }
        unsigned++;
      } else if (keyed) {
        if (macOf(e.hash) === e.mac) signed++;
        else if (findings.every((f) => f.kind !== 'forged'))
          findings.push({
            kind: 'forged',
            id: e.id,
            message: {
              vi: `Chữ ký của mục #${e.id} không đúng: mục đã bị sửa và băm lại bởi người không giữ khóa nhật ký.`,
              en: `The signature of entry #${e.id} does not hold: it was changed and re-hashed by someone without the audit key.`,
            },
          });
      }
      prevHash = e.hash;
      afterId = e.id;
    }
    if (page.length < batch) break;
  }
  const last = afterId;
  const anchors = await auditAnchors(db);
  for (const r of anchors) {
    if (!r.anchor) continue;
    const found = anchorFinding(r.anchor, hashes, last, 'anchor-mismatch', {
      vi: `kết quả công bố của "${r.periodTitle}"`,
      en: `the published ranking of "${r.periodTitle}"`,
    });
    if (found) findings.push(found);
  }
  if (options.checkpoint) {
    const found = anchorFinding(options.checkpoint, hashes, last, 'checkpoint-mismatch', {
      vi: 'điểm kiểm tra đã lưu',
      en: 'the kept checkpoint',
    });
    if (found) findings.push(found);
  }
  return {
    valid: findings.length === 0,
    checked,
    ...(firstBrokenId !== undefined ? { firstBrokenId } : {}),
    keyed,
    signed,
    unsigned,
    anchors: anchors.filter((r) => r.anchor).length,
    head: await auditHead(db),
    findings,
  };
}
