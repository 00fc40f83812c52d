// Public results, without signing in (PUBLIC_PATHS in auth.ts): the published rankings, one of them
// per cohort, its files, and an agency's published results year by year. Rate-limited per address.
// Everything answered is shaped by services/publicResults.ts from published snapshots only.
import { Router } from 'express';
import type { AppContext } from '../context';
import { publicRateLimit } from '../auth';
import { download, listOf, responds } from '../declare';
import { filterString, parseListQuery, sendList } from '../list';
import { exportPublishedRanking } from '../../services/files';
import { listPublicRankings, publicAgencyResults, readPublicRanking } from '../../services/publicResults';
import { Problem } from '../../problems/problem';
import { attachment, CONTENT_TYPES, CSV, exportOptions, exportQuery, PDF, XLSX } from './files';

export function routes(ctx: AppContext): Router {
  const router = Router();
  const limit = publicRateLimit(ctx);

  router.get('/public/rankings', limit, listOf('PublicRankingSummary'), async (req, res) => {
    const q = parseListQuery(req, { sortable: ['year'], filters: ['ruleSet', 'year'], defaultSort: ['year', 'DESC'], maxLimit: 100 });
    const year = filterString(q, 'year');
    if (year !== undefined && !/^\d{4}$/.test(year)) {
      throw new Problem('invalid-query', { vi: '"year" phải là năm (4 chữ số).', en: '"year" must be a 4-digit year.' });
    }
    const { rows, total } = await listPublicRankings(
      ctx.db,
      { ruleSet: filterString(q, 'ruleSet'), year: year === undefined ? undefined : Number(year) },
      { offset: q.offset, limit: q.limit, order: q.order },
    );
    sendList(res, 'public-rankings', rows, total, q.offset);
  });

  router.get('/public/rankings/:id', limit, responds(200, 'PublicRanking'), async (req, res) => {
    res.json(await readPublicRanking(ctx.db, req.params.id as string));
  });

  router.get('/public/rankings/:id/export', limit, exportQuery, download(XLSX, CSV, PDF), async (req, res) => {
    const { format, semicolon } = exportOptions(req);
    attachment(res, CONTENT_TYPES[format], await exportPublishedRanking(ctx.db, req.params.id as string, format, { semicolon }));
  });

  router.get('/public/agencies/:id', limit, responds(200, 'PublicAgencyResults'), async (req, res) => {
    res.json(await publicAgencyResults(ctx.db, req.params.id as string));
  });

  return router;
}
