// /submissions: agencies' self-assessments (every save a revision, If-Match against lost updates,
// checked against the schema derived from the pinned version), submitting, revisions, evidence
// (uploads checked by size, extension and content; links; explanations) and downloads.
import { Router, type Request, type Response } from 'express';
import multer from 'multer';
import type { AppContext } from '../context';
import { etagOf } from '../assessment';
import { allow } from '../auth';
import { form, listOf, responds } from '../declare';
import { filterString, pageOf, parseListQuery, sendList } from '../list';
import { BODY_SCHEMA, object, validateBody, type BodyValidator } from '../validate';
import { addEvidence, evidenceFor, reviewEvidence, withdrawEvidence, type NewEvidence } from '../../services/evidence';
import { cleanFileName, EVIDENCE_EXTENSIONS, EVIDENCE_MIME_TYPES, MAX_EVIDENCE_BYTES } from '../../services/fileTypes';
import {
  createSubmission,
  listSubmissionsFor,
  REVISION_SORT,
  revisionsOf,
  saveSubmission,
  submissionFor,
  submissionSchemaOf,
  SUBMISSION_SORT,
  submitSubmission,
  type Submission,
  type SubmissionStatus,
} from '../../services/submissions';
import type { ProblemCode } from '../../problems/catalogue';
import { fieldProblem, Problem } from '../../problems/problem';

const facts = {
  type: 'object',
  propertyNames: { pattern: '^[a-z][a-z0-9_]{0,63}$' },
  additionalProperties: { type: ['number', 'boolean', 'string', 'null'] },
};
const uuid = { type: 'string', format: 'uuid' };
const agencyId = { type: 'string', pattern: '^[a-z0-9][a-z0-9_\\-]{0,63}$' };
const note = { type: 'string', maxLength: 2000 };
const evidenceKey = { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$' };

export const createSubmissionBody = object({ periodId: uuid, agencyId, facts }, ['periodId']);
// react-admin sends the whole record back; only `facts` is written, the rest is accepted and ignored.
export const updateSubmissionBody = object(
  {
    facts,
    etag: { type: 'string' },
    id: {},
    periodId: {},
    agencyId: {},
    agencyName: {},
    status: {},
    appraisedFacts: {},
    zeroedCriteria: {},
    effectiveFacts: {},
    evidence: {},
    revision: {},
    demo: {},
    createdAt: {},
    createdBy: {},
    updatedAt: {},
    updatedBy: {},
    submittedAt: {},
    submittedBy: {},
  },
  ['facts'],
);
export const linkEvidenceBody = {
  oneOf: [
    object(
      { key: evidenceKey, kind: { const: 'link' }, url: { type: 'string', format: 'uri', pattern: '^https?://', maxLength: 2000 }, note },
      ['key', 'kind', 'url'],
    ),
    object({ key: evidenceKey, kind: { const: 'explanation' }, note: { ...note, minLength: 1, pattern: '\\S' } }, ['key', 'kind', 'note']),
  ],
};
const noBody = object({});

const SUBMISSION_FILTERS = {
  id: 'submission ids (one or an array)',
  periodId: 'submissions to this period',
  agencyId: "this agency's submissions",
  status: 'draft, submitted or appraised',
  q: "part of the agency's id or name",
  ruleSet: 'submissions to periods of this rule set',
  cohort: "submissions of agencies in this cohort under the period's version, which needs periodId",
};

/**
 * Evidence arrives as multipart (file, key, note) or as JSON (a link or an explanation); the handler
 * reads either; the service checks who may add it. This only tells the OpenAPI document about the JSON form.
 */
const documentedEvidenceBody: BodyValidator = Object.assign((_req: Request, _res: Response, next: () => void) => next(), {
  [BODY_SCHEMA]: linkEvidenceBody,
});

const evidenceForm = form(
  {
    file: {
      type: 'string',
      format: 'binary',
      description: `At most ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB, one of .${EVIDENCE_EXTENSIONS.join(', .')}; checked by extension and content`,
    },
    key: { ...evidenceKey, description: 'The fact id or criterion code the evidence supports' },
    note,
  },
  ['file', 'key'],
);
// A link or an explanation is its record; a file is its bytes, in the type its content was recognised as.
const evidenceDownload = responds(200, 'StoredEvidence', {
  files: [...EVIDENCE_MIME_TYPES, 'application/octet-stream'],
  description: 'A link or an explanation as JSON; a file as its bytes (Content-Disposition: attachment, X-Content-SHA256)',
});

const upload = multer({
  storage: multer.memoryStorage(),
  // One more byte than allowed is enough to know a file is too large.
  limits: { fileSize: MAX_EVIDENCE_BYTES, files: 1, fields: 5, fieldSize: 4096, parts: 6 },
  defParamCharset: 'utf8',
}).single('file');

const sizeLimitMb = MAX_EVIDENCE_BYTES / 1024 / 1024;

function receiveUpload(req: Request, res: Response): Promise<void> {
  return new Promise((resolve, reject) =>
    upload(req, res, (err: unknown) => {
      if (!err) return resolve();
      const code = (err as { code?: string }).code;
      if (code === 'LIMIT_FILE_SIZE') {
        const message = {
          vi: `Tệp vượt quá dung lượng cho phép (${sizeLimitMb} MB).`,
          en: `The file is larger than allowed (${sizeLimitMb} MB).`,
        };
        return reject(new Problem('file-too-large', message, [{ severity: 'error', path: '/file', code: 'file-too-large', message }]));
      }
      const message = {
        vi: 'Biểu mẫu tải lên không hợp lệ: gửi đúng một tệp trong trường "file", kèm "key" và "note".',
        en: 'Invalid upload form: send exactly one file in the "file" field, with "key" and "note".',
      };
      reject(new Problem('invalid-upload', message, [{ severity: 'error', path: '/file', code: code ?? 'invalid-upload', message }]));
    }),
  );
}

const invalidField = (path: string, code: ProblemCode, vi: string, en: string) => fieldProblem(code, path, { vi, en });

/** The multipart form's fields, checked like a JSON body would be. */
function uploadedEvidence(req: Request): NewEvidence {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const unknown = Object.keys(body).filter((k) => k !== 'key' && k !== 'note');
  if (unknown.length)
    throw invalidField(
      `/${unknown[0]}`,
      'unknown-field',
      `Trường "${unknown[0]}" không được phép.`,
      `Field "${unknown[0]}" is not allowed.`,
    );
  const file = req.file;
  if (!file) throw invalidField('/file', 'file-required', 'Chưa chọn tệp để tải lên.', 'No file was uploaded.');
  const key = typeof body.key === 'string' ? body.key.trim() : '';
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(key)) {
    throw invalidField(
      '/key',
      'key-required',
      'Cần mã chỉ tiêu hoặc mã tiêu chí mà tài liệu chứng minh (trường "key").',
      'The fact id or criterion code the evidence supports ("key") is required.',
    );
  }
  const note = typeof body.note === 'string' ? body.note : '';
  if (note.length > 2000)
    throw invalidField('/note', 'note-too-long', 'Ghi chú dài quá 2000 ký tự.', 'The note is longer than 2000 characters.');
  return { kind: 'file', key, note, fileName: cleanFileName(file.originalname), mimeType: '', content: file.buffer };
}

const sendSubmission = (res: Response, s: Submission, status = 200) => {
  res.status(status).set('ETag', `"${s.etag}"`).json(s);
};

const reviewBody = object({ accepted: { type: 'boolean' }, reason: { type: 'string', maxLength: 2000 } }, ['accepted', 'reason']);

export function routes(ctx: AppContext): Router {
  const router = Router();

  router.get('/submissions', allow('submissions', 'read'), listOf('Submission', SUBMISSION_FILTERS), async (req, res) => {
    const q = parseListQuery(req, {
      sortable: Object.keys(SUBMISSION_SORT),
      filters: ['periodId', 'agencyId', 'status', 'q', 'ruleSet', 'cohort'],
      defaultSort: ['agencyName', 'ASC'],
    });
    const { rows, total } = await listSubmissionsFor(
      ctx.db,
      req.user,
      {
        id: q.filter.id as string[] | undefined,
        periodId: filterString(q, 'periodId'),
        agencyId: filterString(q, 'agencyId'),
        status: filterString(q, 'status') as SubmissionStatus | undefined,
        q: filterString(q, 'q'),
        ruleSet: filterString(q, 'ruleSet'),
        cohort: filterString(q, 'cohort'),
      },
      pageOf(q, SUBMISSION_SORT),
    );
    sendList(res, 'submissions', rows, total, q.offset);
  });

  router.get('/submissions/:id', allow('submissions', 'read'), responds(200, 'Submission', { headers: ['ETag'] }), async (req, res) => {
    sendSubmission(res, await submissionFor(ctx.db, req.user, req.params.id as string));
  });

  /** The JSON Schema of this submission's facts, for the agency's cohort under the pinned version. */
  router.get('/submissions/:id/schema', allow('submissions', 'read'), responds(200, 'SubmissionSchema'), async (req, res) => {
    res.json(await submissionSchemaOf(ctx.db, req.user, req.params.id as string));
  });

  router.post(
    '/submissions',
    allow('submissions', 'create'),
    validateBody(createSubmissionBody),
    responds(201, 'Submission', { headers: ['ETag'] }),
    async (req, res) => {
      const created = await ctx.db.transaction((tx) =>
        createSubmission(tx, { periodId: req.body.periodId, agencyId: req.body.agencyId, facts: req.body.facts ?? {} }, req.user),
      );
      sendSubmission(res, created, 201);
    },
  );

  router.put(
    '/submissions/:id',
    allow('submissions', 'edit'),
    validateBody(updateSubmissionBody),
    responds(200, 'Submission', { headers: ['ETag'] }),
    async (req, res) => {
      const etag = etagOf(req);
      sendSubmission(res, await ctx.db.transaction((tx) => saveSubmission(tx, req.params.id as string, etag, req.body.facts, req.user)));
    },
  );

  router.post(
    '/submissions/:id/submit',
    allow('submissions', 'submit'),
    validateBody(noBody),
    responds(200, 'Submission', { headers: ['ETag'] }),
    async (req, res) => {
      const etag = req.get('If-Match') ? etagOf(req) : undefined;
      sendSubmission(res, await ctx.db.transaction((tx) => submitSubmission(tx, req.params.id as string, req.user, etag)));
    },
  );

  router.get('/submissions/:id/revisions', allow('submissions', 'read'), listOf('Revision'), async (req, res) => {
    const q = parseListQuery(req, { sortable: Object.keys(REVISION_SORT), filters: [], defaultSort: ['revision', 'DESC'] });
    const { rows, total } = await revisionsOf(ctx.db, req.user, req.params.id as string, pageOf(q, REVISION_SORT));
    sendList(res, 'revisions', rows, total, q.offset);
  });

  router.post(
    '/submissions/:id/evidence',
    allow('submissions', 'evidence'),
    documentedEvidenceBody,
    evidenceForm,
    responds(201, 'EvidenceAdded', { headers: ['ETag'] }),
    async (req, res) => {
      const id = req.params.id as string;
      let input: NewEvidence;
      if (req.is('multipart/form-data')) {
        await receiveUpload(req, res);
        input = uploadedEvidence(req);
      } else {
        await new Promise<void>((resolve, reject) =>
          validateBody(linkEvidenceBody)(req, res, (err?: unknown) => (err ? reject(err) : resolve())),
        );
        input =
          req.body.kind === 'link'
            ? { kind: 'link', key: req.body.key, url: req.body.url, note: req.body.note ?? '' }
            : { kind: 'explanation', key: req.body.key, note: req.body.note };
      }
      const { item, submission } = await ctx.db.transaction((tx) => addEvidence(tx, id, input, req.user));
      res
        .status(201)
        .set('ETag', `"${submission.etag}"`)
        .json({ ...item, submissionId: submission.id, revision: submission.revision });
    },
  );

  router.get('/evidence/:id', allow('submissions', 'read'), evidenceDownload, async (req, res) => {
    const { item, submission, content } = await evidenceFor(ctx.db, req.user, req.params.id as string);
    if (!content) {
      res.json({ ...item, submissionId: submission.id });
      return;
    }
    res.set('Content-Type', item.mimeType ?? 'application/octet-stream');
    res.set(
      'Content-Disposition',
      `attachment; filename="${asciiName(item.fileName ?? 'file')}"; filename*=UTF-8''${encodeURIComponent(item.fileName ?? 'file')}`,
    );
    res.set('X-Content-SHA256', item.sha256 ?? '');
    res.set('Cache-Control', 'private, no-store');
    res.send(content);
  });

  router.post(
    '/evidence/:id/review',
    allow('submissions', 'reviewEvidence'),
    validateBody(reviewBody),
    responds(200, 'EvidenceItem', { headers: ['ETag'], description: 'The explanation with its review' }),
    async (req, res) => {
      const { item, submission } = await ctx.db.transaction((tx) => reviewEvidence(tx, req.params.id as string, req.body, req.user));
      res.set('ETag', `"${submission.etag}"`).json(item);
    },
  );

  router.delete(
    '/evidence/:id',
    allow('submissions', 'evidence'),
    responds(200, 'EvidenceWithdrawn', { headers: ['ETag'] }),
    async (req, res) => {
      const { item, submission } = await ctx.db.transaction((tx) => withdrawEvidence(tx, req.params.id as string, req.user));
      res.set('ETag', `"${submission.etag}"`).json({ ...item, removed: true, revision: submission.revision });
    },
  );

  return router;
}

/** The plain-ASCII fallback name for old clients (diacritics dropped, quotes removed). */
const asciiName = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
