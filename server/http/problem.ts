// RFC 9457 problem+json. Handlers throw HttpProblem (or the store's DomainError); the error
// middleware renders it in Vietnamese or English according to Accept-Language.
import type { ErrorRequestHandler, Request } from 'express';
import type { Logger } from 'pino';
import type { Finding } from '../engine';
import { DomainError, type DomainErrorKind } from '../store/errors';

export type Lang = 'vi' | 'en';

export interface Message {
  vi: string;
  en: string;
}

/** Vietnamese unless the request prefers English (Express negotiates the q-values). */
export const langOf = (req: Request): Lang => (req.acceptsLanguages('vi', 'en') === 'en' ? 'en' : 'vi');

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messages: Message,
    readonly errors?: Finding[],
    readonly extensions?: Record<string, unknown>,
  ) {
    super(messages.en);
    this.name = 'HttpProblem';
  }
}

const TITLES: Record<number, Message> = {
  400: { vi: 'Yêu cầu không hợp lệ', en: 'Bad request' },
  401: { vi: 'Chưa đăng nhập', en: 'Unauthorized' },
  403: { vi: 'Không có quyền', en: 'Forbidden' },
  404: { vi: 'Không tìm thấy', en: 'Not found' },
  405: { vi: 'Phương thức không được hỗ trợ', en: 'Method not allowed' },
  409: { vi: 'Xung đột dữ liệu', en: 'Conflict' },
  413: { vi: 'Dữ liệu gửi lên quá lớn', en: 'Payload too large' },
  415: { vi: 'Kiểu dữ liệu không được hỗ trợ', en: 'Unsupported media type' },
  422: { vi: 'Dữ liệu không hợp lệ', en: 'Unprocessable content' },
  428: { vi: 'Thiếu điều kiện tiên quyết', en: 'Precondition required' },
  429: { vi: 'Quá nhiều yêu cầu', en: 'Too many requests' },
  500: { vi: 'Lỗi máy chủ', en: 'Internal server error' },
  503: { vi: 'Dịch vụ tạm thời không khả dụng', en: 'Service unavailable' },
};

const KIND_STATUS: Record<DomainErrorKind, number> = {
  'not-found': 404,
  conflict: 409,
  invalid: 422,
  precondition: 428,
  forbidden: 403,
};

export const PROBLEM_BASE = 'https://chiso.vn/problems/';

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: { path: string; message: string; code: string }[];
  [extension: string]: unknown;
}

export function problemDocument(p: HttpProblem, lang: Lang): ProblemDocument {
  const title = TITLES[p.status] ?? TITLES[p.status >= 500 ? 500 : 400];
  return {
    ...p.extensions,
    type: `${PROBLEM_BASE}${p.code}`,
    title: title[lang],
    status: p.status,
    detail: p.messages[lang],
    code: p.code,
    ...(p.errors?.length
      ? { errors: p.errors.map((f) => ({ path: f.path, message: f.message[lang] ?? f.message.vi, code: f.code })) }
      : {}),
  };
}

/** Errors from the store, body parsing and the database, as problems. */
export function toProblem(err: unknown): HttpProblem | null {
  if (err instanceof HttpProblem) return err;
  if (err instanceof DomainError) return new HttpProblem(KIND_STATUS[err.kind], err.code, err.messages, err.findings, err.extensions);
  const e = err as { type?: string; status?: number; code?: string; message?: string; constraint?: string };
  if (e?.type === 'entity.too.large') {
    return new HttpProblem(413, 'payload-too-large', {
      vi: 'Dữ liệu gửi lên vượt quá giới hạn cho phép.',
      en: 'The request body is larger than allowed.',
    });
  }
  if (e?.type === 'entity.parse.failed') {
    return new HttpProblem(400, 'invalid-json', {
      vi: 'Nội dung gửi lên không phải JSON hợp lệ.',
      en: 'The request body is not valid JSON.',
    });
  }
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported') {
    return new HttpProblem(415, 'unsupported-encoding', { vi: 'Bảng mã không được hỗ trợ.', en: 'Unsupported encoding.' });
  }
  // PostgreSQL errors that a request can cause; everything else is a 500.
  switch (e?.code) {
    case '23505':
      return new HttpProblem(409, 'duplicate', { vi: 'Bản ghi đã tồn tại.', en: 'The record already exists.' });
    case '23503':
      return new HttpProblem(409, 'in-use', {
        vi: 'Bản ghi đang được tham chiếu hoặc tham chiếu tới bản ghi không tồn tại.',
        en: 'The record is referenced elsewhere, or refers to a record that does not exist.',
      });
    case '23514':
      return new HttpProblem(422, 'constraint', {
        vi: `Dữ liệu vi phạm ràng buộc ${e.constraint ?? ''}.`,
        en: `The data breaks the constraint ${e.constraint ?? ''}.`,
      });
    case 'P0001':
      if (e.message?.startsWith('chiso:immutable-version')) {
        return new HttpProblem(409, 'immutable-version', {
          vi: 'Phiên bản đã ban hành không thể thay đổi.',
          en: 'A published version cannot be changed.',
        });
      }
      if (e.message?.startsWith('chiso:')) {
        return new HttpProblem(409, e.message.slice(6).split(':')[0], { vi: e.message, en: e.message });
      }
  }
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
    return new HttpProblem(e.status, 'bad-request', { vi: 'Yêu cầu không hợp lệ.', en: e.message ?? 'Bad request.' });
  }
  return null;
}

export function sendProblem(req: Request, res: import('express').Response, p: HttpProblem): void {
  res.status(p.status).type('application/problem+json').send(JSON.stringify(problemDocument(p, langOf(req))));
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) return next(err);
    const problem =
      toProblem(err) ??
      new HttpProblem(500, 'internal', {
        vi: 'Đã xảy ra lỗi không mong muốn. Lỗi đã được ghi lại.',
        en: 'An unexpected error occurred. It has been logged.',
      });
    if (problem.status >= 500) (req.log ?? logger).error({ err }, 'request failed');
    sendProblem(req, res, problem);
  };
}
