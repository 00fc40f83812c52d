import { getLocale } from './locale';
import { problemToError, type Problem } from './problem';

const API = '/api';

// The body is `any` unless the caller names its type, as with fetch's Response.json(). Three calls in
// providers/dataProvider.ts still name none; once they do, the default can become `unknown`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  json: T;
}

export interface ApiOptions extends Omit<RequestInit, 'body'> {
  body?: unknown;
  /** Sent as If-Match for optimistic concurrency. */
  etag?: string | null;
}

/**
 * One fetch for the whole console: same-origin cookie session, Accept-Language of the UI,
 * JSON in and out, problem+json turned into an HttpError carrying the server's message.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as ApiResponse above
export async function apiFetch<T = any>(url: string, options: ApiOptions = {}): Promise<ApiResponse<T>> {
  const { body, etag, headers: given, ...rest } = options;
  const headers = new Headers(given);
  if (!headers.has('Accept')) headers.set('Accept', 'application/json, application/problem+json');
  headers.set('Accept-Language', getLocale() === 'en' ? 'en, vi;q=0.5' : 'vi, en;q=0.5');
  if (etag) headers.set('If-Match', etag);
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers.set('Content-Type', 'application/json');
    payload = JSON.stringify(body);
  }
  const response = await fetch(url.startsWith('/') ? url : `${API}/${url}`, {
    ...rest,
    headers,
    body: payload,
    credentials: 'include',
  });
  const text = await response.text();
  let json: unknown = undefined;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
  }
  if (!response.ok) {
    throw problemToError(response.status, response.statusText, typeof json === 'object' ? (json as Problem) : undefined);
  }
  return { status: response.status, headers: response.headers, json: json as T };
}

/** fetchUtils.fetchJson-compatible client for ra-data-simple-rest. */
export const httpClient = async (url: string, options: RequestInit = {}) => {
  const { json, headers, status } = await apiFetch(url, {
    ...options,
    body: typeof options.body === 'string' ? JSON.parse(options.body) : (options.body ?? undefined),
  } as ApiOptions);
  return { status, headers, body: JSON.stringify(json ?? null), json };
};
