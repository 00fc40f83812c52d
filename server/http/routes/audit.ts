// /audit: the append-only, hash-chained log (read-only), and /audit/verify.
import { Router } from 'express';
import type { AppContext } from '../context';
import { allow } from '../auth';
import { filterString, parseListQuery, sendList } from '../list';
import { auditEntry, listAudit, verifyAudit, type AuditQuery } from '../../services/audit';

const SORTABLE: AuditQuery['sort'][] = ['id', 'at', 'actor', 'action', 'resource'];

export function routes(ctx: AppContext): Router {
  const router = Router();

  router.get('/audit', allow('audit', 'read'), async (req, res) => {
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

  router.get('/audit/verify', allow('audit', 'verify'), async (_req, res) => {
    res.json(await verifyAudit(ctx.db));
  });

  router.get('/audit/:id', allow('audit', 'read'), async (req, res) => {
    res.json(await auditEntry(ctx.db, Number(req.params.id)));
  });

  return router;
}
