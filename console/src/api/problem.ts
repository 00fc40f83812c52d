import { HttpError } from 'react-admin';

/** RFC 9457 problem details as our server sends them. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  errors?: { path: string; message: string; code?: string }[];
}

/** "/facts/0/label" → "facts.0.label": the form field name react-admin knows. */
export const pointerToField = (pointer: string): string =>
  pointer
    .replace(/^\//, '')
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');

/**
 * Turns a problem into the HttpError react-admin understands: the message shown in the
 * notification is the server's (Vietnamese) detail followed by its messages — which name the field
 * in words ("Tổng số cán bộ…: phải ≥ 1"), so the JSON Pointer stays out of sight — and body.errors
 * maps each field to its message so forms highlight the inputs.
 */
export function problemToError(status: number, statusText: string, problem: Problem | undefined): HttpError {
  const errors = problem?.errors ?? [];
  const head = problem?.detail || problem?.title || statusText || `HTTP ${status}`;
  const lines = errors.slice(0, 5).map((e) => `– ${e.message}`);
  const more = errors.length > 5 ? [`… (+${errors.length - 5})`] : [];
  const message = [head, ...lines, ...more].join('\n');
  const fieldErrors: Record<string, unknown> = {};
  for (const e of errors) if (e.path) fieldErrors[pointerToField(e.path)] = e.message;
  const body = {
    ...problem,
    problemErrors: errors,
    errors: errors.length ? { ...fieldErrors, root: { serverError: head } } : undefined,
  };
  return new HttpError(message, status, body);
}

export const problemOf = (error: unknown): (Problem & { problemErrors?: Problem['errors'] }) | undefined =>
  (error as { body?: Problem } | undefined)?.body ?? undefined;

const fieldOf = (error: unknown, key: string): unknown =>
  error !== null && typeof error === 'object' ? (error as Record<string, unknown>)[key] : undefined;

/** The message of whatever a request threw (react-admin's HttpError, any Error), if it has one. */
export const messageOf = (error: unknown): string | undefined => {
  const message = fieldOf(error, 'message');
  return typeof message === 'string' ? message : undefined;
};

/** The HTTP status of what a request threw (react-admin's HttpError), if it has one. */
export const statusOf = (error: unknown): number | undefined => {
  const status = fieldOf(error, 'status');
  return typeof status === 'number' ? status : undefined;
};
