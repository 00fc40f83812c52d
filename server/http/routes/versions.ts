// /versions: drafts (ETag / If-Match), lint, test cases, publish, retire, copy, diff, in force.
import { Router, type Response } from 'express';
import type { AppContext } from '../context';
import { allow } from '../auth';
import { listOf, query, responds } from '../declare';
import { filterString, pageOf, parseListQuery, sendList } from '../list';
import { localizedText, object, validateBody } from '../validate';
import {
  copyVersion,
  createDraft,
  deleteDraft,
  diff,
  lintVersion,
  listVersions,
  publishVersion,
  readVersion,
  retireVersion,
  testVersion,
  updateDraft,
  VERSION_SORT,
  versionInForce,
  type Version,
  type VersionStatus,
} from '../../services/versions';
import { Problem } from '../../problems/problem';
import { ifMatch } from '../ifMatch';

const RULESET = 'https://chiso.vn/schemas/ruleset.schema.json';

// The document is checked by the service (schema findings with paths into it); here it only has to be
// an object. The OpenAPI document shows the full schema.
const documentEnvelope = object({ document: { type: 'object' } }, ['document']);
export const documentBody = object({ document: { $ref: RULESET } }, ['document']);
const noBody = object({});

export const copyBody = object({ version: { type: 'string', pattern: '^[0-9A-Za-z][0-9A-Za-z.\\-]{0,39}$' } }, ['version']);
export const publishBody = object(
  { changeNote: localizedText, legalBasis: { $ref: `${RULESET}#/$defs/LegalBasis` }, overlap: { enum: ['retire', 'end'] } },
  ['changeNote'],
);

const sendVersion = (res: Response, v: Version, status = 200) => {
  res.status(status).set('ETag', `"${v.etag}"`).json(v);
};

/** Schema findings of a stored document point into the request body's `document`. */
async function underDocument<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof Problem && err.code === 'invalid-document' && err.errors)
      throw new Problem(
        err.code,
        err.detail,
        err.errors.map((f) => ({ ...f, path: `/document${f.path}` })),
        err.extensions,
      );
    throw err;
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const inForceQuery = query({
  ruleSet: { schema: { type: 'string' }, required: true, description: 'The rule set' },
  date: { schema: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }, required: true, description: 'The day, YYYY-MM-DD' },
});

export function routes(ctx: AppContext): Router {
  const router = Router();

  router.get('/versions', allow('versions', 'read'), listOf('Version'), async (req, res) => {
    const q = parseListQuery(req, {
      sortable: Object.keys(VERSION_SORT),
      filters: ['ruleSet', 'status', 'q'],
      defaultSort: ['createdAt', 'DESC'],
    });
    const { rows, total } = await listVersions(
      ctx.db,
      {
        id: q.filter.id as string[] | undefined,
        ruleSet: filterString(q, 'ruleSet'),
        status: filterString(q, 'status') as VersionStatus | undefined,
        q: filterString(q, 'q'),
      },
      pageOf(q, VERSION_SORT),
    );
    sendList(res, 'versions', rows, total, q.offset);
  });

  router.get(
    '/versions/in-force',
    allow('versions', 'read'),
    inForceQuery,
    responds(200, 'Version', { headers: ['ETag'] }),
    async (req, res) => {
      const { ruleSet, date } = req.query;
      const errors = [
        ...(typeof ruleSet === 'string' && ruleSet ? [] : [['ruleSet', 'bộ chỉ số', 'rule set']]),
        ...(typeof date === 'string' && DATE.test(date) ? [] : [['date', 'ngày dạng YYYY-MM-DD', 'a date as YYYY-MM-DD']]),
      ].map(([name, vi, en]) => ({
        severity: 'error' as const,
        path: `/${name}`,
        code: 'invalid-query',
        message: { vi: `Cần ${vi}`, en: `Expected ${en}` },
      }));
      if (errors.length) {
        throw new Problem(
          'invalid-query',
          { vi: 'Cần ruleSet và date (YYYY-MM-DD).', en: 'ruleSet and date (YYYY-MM-DD) are required.' },
          errors,
        );
      }
      const version = await versionInForce(ctx.db, ruleSet as string, date as string);
      if (!version) {
        throw new Problem('no-version-in-force', {
          vi: `Không có phiên bản đã ban hành nào của "${ruleSet}" có hiệu lực ngày ${date}.`,
          en: `No published version of "${ruleSet}" is in force on ${date}.`,
        });
      }
      sendVersion(res, version);
    },
  );

  router.get('/versions/:id', allow('versions', 'read'), responds(200, 'VersionRead', { headers: ['ETag'] }), async (req, res) => {
    sendVersion(res, await readVersion(ctx.db, req.params.id as string));
  });

  router.get('/versions/:id/diff/:otherId', allow('versions', 'diff'), responds(200, 'VersionDiff'), async (req, res) => {
    res.json(await diff(ctx.db, req.params.id as string, req.params.otherId as string));
  });

  router.post(
    '/versions',
    allow('versions', 'create'),
    validateBody(documentEnvelope, documentBody),
    responds(201, 'Version', { headers: ['ETag'] }),
    async (req, res) => {
      const version = await underDocument(() => ctx.db.transaction((tx) => createDraft(tx, req.body.document, req.user.username)));
      sendVersion(res, version, 201);
    },
  );

  router.put(
    '/versions/:id',
    allow('versions', 'edit'),
    validateBody(documentEnvelope, documentBody),
    responds(200, 'Version', { headers: ['ETag'] }),
    async (req, res) => {
      const etag = ifMatch(req, true, 'bản nháp');
      const version = await underDocument(() =>
        ctx.db.transaction((tx) => updateDraft(tx, req.params.id as string, etag, req.body.document, req.user.username)),
      );
      sendVersion(res, version);
    },
  );

  router.delete(
    '/versions/:id',
    allow('versions', 'delete'),
    responds(200, 'Version', { description: 'The draft as it was' }),
    async (req, res) => {
      res.json(await ctx.db.transaction((tx) => deleteDraft(tx, req.params.id as string, req.user.username)));
    },
  );

  router.post(
    '/versions/:id/copy',
    allow('versions', 'copy'),
    validateBody(copyBody),
    responds(201, 'Version', { headers: ['ETag'] }),
    async (req, res) => {
      const version = await ctx.db.transaction((tx) => copyVersion(tx, req.params.id as string, req.body.version, req.user.username));
      sendVersion(res, version, 201);
    },
  );

  router.post('/versions/:id/lint', allow('versions', 'lint'), validateBody(noBody), responds(200, 'LintReport'), async (req, res) => {
    res.json(await lintVersion(ctx.db, req.params.id as string));
  });

  router.post('/versions/:id/test', allow('versions', 'test'), validateBody(noBody), responds(200, 'TestRun'), async (req, res) => {
    res.json(await testVersion(ctx.db, req.params.id as string));
  });

  router.post(
    '/versions/:id/publish',
    allow('versions', 'publish'),
    validateBody(publishBody),
    responds(200, 'Version', { headers: ['ETag'] }),
    async (req, res) => {
      const etag = ifMatch(req, false, 'bản nháp');
      const version = await ctx.db.transaction((tx) => publishVersion(tx, req.params.id as string, req.body, req.user.username, etag));
      sendVersion(res, version);
    },
  );

  router.post(
    '/versions/:id/retire',
    allow('versions', 'retire'),
    validateBody(noBody),
    responds(200, 'Version', { headers: ['ETag'] }),
    async (req, res) => {
      sendVersion(res, await ctx.db.transaction((tx) => retireVersion(tx, req.params.id as string, req.user.username)));
    },
  );

  return router;
}
