// What a route declares for the OpenAPI document besides its roles (allow) and JSON body
// (validateBody): its answers, its query parameters and its multipart form. Each is a middleware
// that does nothing but carry its declaration, placed next to the handler like validateBody, so
// that the document is read off the routes as mounted (openapi.ts) and a route without a declared
// answer is caught by test/api/docs.test.ts.
import type { RequestHandler } from 'express';

export const RESPONSES = Symbol('responses');
export const QUERY = Symbol('query');
export const FORM = Symbol('form');

/** Response headers a route sets; the document says what each means (openapi.ts). */
export type ResponseHeader = 'ETag' | 'Content-Range' | 'Content-Disposition' | 'X-Content-SHA256' | 'Set-Cookie';

export interface ResponseSpec {
  status: number;
  /**
   * A JSON body: the name of a definition in schemas/api.schema.json (or any schema of schemas/),
   * or a schema; an array of it when `list` is set. No body when absent and `files` is too.
   */
  json?: string | object;
  /** An array of `json`, a page of a list with its Content-Range. */
  list?: boolean;
  /** Binary bodies, by content type (a range such as "*\/*" when the type is the stored file's). */
  files?: readonly string[];
  headers?: readonly ResponseHeader[];
  description?: string;
  /** A list's filter keys and what each keeps, for the `filter` parameter's description. */
  filters?: Readonly<Record<string, string>>;
}

export interface QueryParameter {
  schema: object;
  description: string;
  required?: boolean;
}

export interface FormSpec {
  /** Each field's schema; files as { type: 'string', format: 'binary' }. */
  fields: Record<string, object>;
  required: readonly string[];
}

type Marker<K extends symbol, T> = RequestHandler & { [key in K]: T };

const marker = <K extends symbol, T>(key: K, value: T): Marker<K, T> =>
  Object.assign<RequestHandler, { [key in K]: T }>((_req, _res, next) => next(), { [key]: value } as { [key in K]: T });

/** The answers of a route; several markers on one route add up. */
export function responds(status: number, json?: string | object, options: Omit<ResponseSpec, 'status' | 'json'> = {}) {
  return marker(RESPONSES, [{ status, json, ...options }] as readonly ResponseSpec[]);
}

/**
 * A page of a ra-data-simple-rest list: an array of `item` with its Content-Range (also the sort,
 * range and filter parameters; `filters` says what each filter key keeps).
 */
export const listOf = (item: string, filters?: Readonly<Record<string, string>>) =>
  responds(200, item, { list: true, headers: ['Content-Range'], filters });

/** A file to save, in one of these content types. */
export const download = (...types: string[]) => responds(200, undefined, { files: types, headers: ['Content-Disposition'] });

/** The query parameters a handler reads itself (list parameters come with listOf). */
export const query = (parameters: Record<string, QueryParameter>) => marker(QUERY, parameters);

/** A multipart/form-data body the handler reads with multer. */
export const form = (fields: Record<string, object>, required: readonly string[]) => marker(FORM, { fields, required } as FormSpec);
