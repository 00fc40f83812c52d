// RFC 9457 problem+json. Everything below throws Problem (server/problems/); this file renders it
// in Vietnamese or English according to Accept-Language, and turns what Express, the body parser
// and PostgreSQL throw into problems too.
import type { ErrorRequestHandler, Request, Response } from 'express';
import type { Logger } from 'pino';
import { isProblemCode } from '../problems/catalogue';
import { Problem } from '../problems/problem';

export type Lang = 'vi' | 'en';

/** Vietnamese unless the request prefers English (Express negotiates the q-values). */
const langOf = (req: Request): Lang => (req.acceptsLanguages('vi', 'en') === 'en' ? 'en' : 'vi');

const PROBLEM_BASE = 'https://chiso.vn/problems/';

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: { path: string; message: string; code: string }[];
  instance?: string;
  requestId?: string;
  [extension: string]: unknown;
}

export function problemDocument(p: Problem, lang: Lang): ProblemDocument {
  return {
    ...p.extensions,
    type: `${PROBLEM_BASE}${p.code}`,
    title: p.title[lang],
    status: p.status,
    detail: p.detail[lang],
    code: p.code,
    ...(p.errors?.length
      ? {
          errors: p.errors.map((f) => ({
            ...(f.sheet !== undefined ? { sheet: f.sheet, row: f.row ?? null, column: f.column ?? null } : {}),
            path: f.path,
            message: f.message[lang] ?? f.message.vi,
            code: f.code,
          })),
        }
      : {}),
  };
}

/** Errors from the services, body parsing and the database, as problems; null for anything else (a 500). */
function toProblem(err: unknown): Problem | null {
  if (err instanceof Problem) return err;
  const e = err as { type?: string; status?: number; code?: string; message?: string; constraint?: string };
  if (e?.type === 'entity.too.large')
    return new Problem('payload-too-large', {
      vi: 'Dữ liệu gửi lên vượt quá giới hạn cho phép.',
      en: 'The request body is larger than allowed.',
    });
  if (e?.type === 'entity.parse.failed')
    return new Problem('invalid-json', { vi: 'Nội dung gửi lên không phải JSON hợp lệ.', en: 'The request body is not valid JSON.' });
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported')
    return new Problem('unsupported-encoding', { vi: 'Bảng mã không được hỗ trợ.', en: 'Unsupported encoding.' });
  // PostgreSQL errors that a request can cause; everything else is a 500.
  switch (e?.code) {
    // Text no column holds (NUL in text or JSONB). inputGuards.ts refuses it in JSON, query and
    // path; this catches what arrives another way (the text fields of a multipart form).
    case '22021':
    case '22P05':
      return new Problem('invalid-text', {
        vi: 'Dữ liệu chứa ký tự không lưu được (ký tự NUL).',
        en: 'The data contains characters that cannot be stored (a NUL character).',
      });
    case '23505':
      return new Problem('duplicate', { vi: 'Bản ghi đã tồn tại.', en: 'The record already exists.' });
    case '23503':
      return new Problem('in-use', {
        vi: 'Bản ghi đang được tham chiếu hoặc tham chiếu tới bản ghi không tồn tại.',
        en: 'The record is referenced elsewhere, or refers to a record that does not exist.',
      });
    case '23514':
      return new Problem('constraint', {
        vi: `Dữ liệu vi phạm ràng buộc ${e.constraint ?? ''}.`,
        en: `The data breaks the constraint ${e.constraint ?? ''}.`,
      });
    case 'P0001': {
      // The database's own guards raise "chiso:<code>: <why>".
      const code = e.message?.startsWith('chiso:') ? e.message.slice(6).split(':')[0] : '';
      if (code === 'immutable-version')
        return new Problem('immutable-version', {
          vi: 'Phiên bản đã ban hành không thể thay đổi.',
          en: 'A published version cannot be changed.',
        });
      if (isProblemCode(code)) return new Problem(code, { vi: e.message!, en: e.message! });
    }
  }
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500)
    return new Problem('bad-request', { vi: 'Yêu cầu không hợp lệ.', en: e.message ?? 'Bad request.' });
  return null;
}

/**
 * The problem as sent: `instance` names this occurrence (the path asked for; the request id, also in
 * the X-Request-Id header and every log line, finds it in the log), and the language it is written
 * in is said, since the same URL answers in Vietnamese or English.
 */
export function sendProblem(req: Request, res: Response, p: Problem): void {
  const lang = langOf(req);
  if (p.status === 401) res.set('WWW-Authenticate', AUTHENTICATE);
  res
    .status(p.status)
    .vary('Accept-Language')
    .set('Content-Language', lang)
    .type('application/problem+json')
    .send(JSON.stringify({ ...problemDocument(p, lang), instance: req.originalUrl.split('?')[0], requestId: String(req.id ?? '') }));
}

// There is no registered scheme for a session cookie; this names the cookie and where it is got,
// as the (expired) draft "Cookie-based HTTP Authentication" does, so a client knows what to do.
const AUTHENTICATE = 'Cookie realm="chiso", cookie-name="chiso_session", form-action="/api/auth/login"';

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) return next(err);
    const problem =
      toProblem(err) ??
      new Problem('internal', {
        vi: 'Đã xảy ra lỗi không mong muốn. Lỗi đã được ghi lại.',
        en: 'An unexpected error occurred. It has been logged.',
      });
    if (problem.status >= 500) (req.log ?? logger).error({ err }, 'request failed');
    sendProblem(req, res, problem);
  };
}
