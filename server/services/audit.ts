// Reading the audit log and checking its hash chain (entries are written by each service, in the
// transaction of the change they record).
import type { Queryable } from '../store/db';
import { getAudit, type AuditEntry } from '../store/audit';
import { notFound } from '../problems/problem';

export { listAudit, verifyAudit, type AuditQuery } from '../store/audit';

export async function auditEntry(db: Queryable, id: number): Promise<AuditEntry> {
  const entry = Number.isSafeInteger(id) ? await getAudit(db, id) : null;
  if (!entry) throw notFound({ vi: 'mục nhật ký', en: 'Audit entry' }, String(id));
  return entry;
}
