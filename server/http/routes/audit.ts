// /audit: the append-only, hash-chained log (read-only), and /audit/verify.
import { Router } from 'express';
import type { AppContext } from '../context';
import { allow } from '../auth';
import { listOf, query, responds } from '../declare';
import { filterString, parseListQuery, sendList } from '../list';
import { auditEntry, listAudit, verifyAudit, type AuditQuery } from '../../services/audit';
import { fieldProblem } from '../../problems/problem';

const SORTABLE: AuditQuery['sort'][] = ['id', 'at', 'actor', 'action', 'resource'];

const checkpointQuery = query({
  checkpoint: {
    schema: { type: 'string', pattern: '^\\d{1,15}:[0-9a-f]{64}$' },
    description: 'A head kept outside the system, "id:hash" as `chiso audit checkpoint` prints it: the log is also held against it',
  },
});

export function routes(ctx: AppContext): Router {
  const router = Router();

  router.get('/audit', allow('audit', 'read'), listOf('AuditEntry'), async (req, res) => {
    const q = parseListQuery(req, {
      sortable: SORTABLE,
      filters: ['actor', 'action', 'resource', 'resourceId', 'from', 'to'],
      defaultSort: ['id', 'DESC'],
    });
    const ids = (q.filter.id as string[] | undefined)?.map(Number).filter(Number.isInteger);
    const { rows, total } = await listAudit(ctx.db, {
      filter: {
        id: ids,
        actor: filterString(q, 'actor'),
        action: filterString(q, 'action'),
        resource: filterString(q, 'resource'),
        resourceId: filterString(q, 'resourceId'),
        from: filterString(q, 'from'),
        to: filterString(q, 'to'),
      },
      sort: q.sort as AuditQuery['sort'],
      order: q.order,
      offset: q.offset,
      limit: q.limit,
    });
    sendList(res, 'audit', rows, total, q.offset);
  });

  /** `?checkpoint=N:hash`: also hold the log against a head kept outside the system (`chiso audit checkpoint`). */
  router.get('/audit/verify', allow('audit', 'verify'), checkpointQuery, responds(200, 'AuditVerification'), async (req, res) => {
    const given = req.query.checkpoint;
    let checkpoint: { id: number; hash: string } | undefined;
    if (given !== undefined) {
      const m = typeof given === 'string' ? /^(\d{1,15}):([0-9a-f]{64})$/.exec(given) : null;
      if (!m) {
        throw fieldProblem('invalid-query', '/checkpoint', {
          vi: 'Điểm kiểm tra phải có dạng "số:mã băm" như lệnh chiso audit checkpoint in ra.',
          en: 'The checkpoint must be "number:hash" as `chiso audit checkpoint` prints it.',
        });
      }
      checkpoint = { id: Number(m[1]), hash: m[2] };
    }
    res.json(await verifyAudit(ctx.db, { checkpoint }));
  });

  router.get('/audit/:id', allow('audit', 'read'), responds(200, 'AuditEntry'), async (req, res) => {
    res.json(await auditEntry(ctx.db, Number(req.params.id)));
  });

  return router;
}
