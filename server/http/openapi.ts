// The OpenAPI 3.1 document, generated rather than written: the formats come from the JSON Schemas
// in schemas/ (api.schema.json for the answers), and the paths, roles, bodies, query parameters
// and answers from the routes as they are mounted (each route's allow() guard, validateBody and
// the markers of declare.ts carry them), so it cannot drift. test/support/contract.ts holds every
// answer of the API test suites to it.
import type { Router } from 'express';
import { ENGINE_VERSION, SCHEMAS } from '../engine';
import apiSchema from '../../schemas/api.schema.json';
import { PROBLEMS } from '../problems/catalogue';
import { ALLOWED_ROLES, PUBLIC_PATHS } from './auth';
import { FORM, QUERY, RESPONSES, type FormSpec, type QueryParameter, type ResponseHeader, type ResponseSpec } from './declare';
import { BODY_SCHEMA } from './validate';

// The document is free-form JSON built member by member; its shape is checked by test/api/docs.test.ts.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

/** What collectRoutes reads of Express's router internals. */
interface Layer {
  route?: { path: unknown; methods: Record<string, boolean>; stack: { handle: Partial<Record<symbol, unknown>> }[] };
  handle?: { stack?: Layer[] };
}

/** Each schema file, and the component its top level becomes (none: only its $defs are components). */
const FILES: { file: string; schema: Json; top?: string }[] = [
  { file: 'ruleset.schema.json', schema: SCHEMAS.ruleset as Json, top: 'RuleSetVersion' },
  // The agency as the engine reads it (attributes beside id, name and kind); the API's is Agency.
  { file: 'agency.schema.json', schema: SCHEMAS.agency as Json, top: 'EngineAgency' },
  // Its top level is only a $ref to its own SubmissionInput definition.
  { file: 'submission.schema.json', schema: SCHEMAS.submission as Json, top: 'SubmissionInput' },
  { file: 'api.schema.json', schema: apiSchema as Json },
];

const SCHEMA_BASE = 'https://chiso.vn/schemas/';
const component = (name: string) => `#/components/schemas/${name}`;

/** A $ref of `file` (local, cross-file or by $id) as a reference into #/components/schemas/. */
function componentRef(ref: string, file: string): string {
  const [target, fragment = ''] = ref.replace(SCHEMA_BASE, '').split('#');
  const entry = FILES.find((f) => f.file === (target || file));
  if (!entry) throw new Error(`openapi: unknown schema file in $ref "${ref}"`);
  if (fragment.startsWith('/$defs/')) return component(fragment.slice('/$defs/'.length));
  if (!entry.top) throw new Error(`openapi: $ref "${ref}" points into ${entry.file}, which has no top-level component`);
  return component(entry.top) + fragment;
}

/** Rewrites every $ref to #/components/schemas/…; drops $id/$schema. */
function rewriteRefs(node: unknown, file: string): unknown {
  if (Array.isArray(node)) return node.map((n) => rewriteRefs(n, file));
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$id' || key === '$schema') continue;
    out[key] = key === '$ref' && typeof value === 'string' ? componentRef(value, file) : rewriteRefs(value, file);
  }
  return out;
}

const PROBLEM = {
  type: 'object',
  description: 'RFC 9457 problem details; title, detail and messages in Vietnamese or English (Accept-Language).',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    detail: { type: 'string' },
    instance: { type: 'string', format: 'uri-reference', description: 'This occurrence of the problem.' },
    code: { enum: Object.keys(PROBLEMS), description: 'Stable machine-readable code; each has one status.' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['path', 'message', 'code'],
        properties: {
          path: { type: 'string', description: 'JSON Pointer into the request (body, query) or document' },
          message: { type: 'string' },
          code: { type: 'string' },
          sheet: { type: ['string', 'null'], description: 'Where a person finds a problem of an uploaded spreadsheet' },
          row: { type: ['integer', 'null'] },
          column: { type: ['string', 'null'] },
        },
      },
    },
  },
  // Extension members (failing test cases, overlapping versions …) come with some codes.
  additionalProperties: true,
};

function schemaComponents(): Json {
  const components: Json = {};
  const add = (name: string, schema: unknown) => {
    // Every file's definitions share one namespace here, so a name means one concept.
    if (name in components) throw new Error(`openapi: two schemas named ${name}`);
    components[name] = schema;
  };
  for (const { file, schema, top } of FILES) {
    const { $defs = {}, ...rest } = schema;
    for (const [name, def] of Object.entries($defs)) add(name, rewriteRefs(def, file));
    if (top && !rest.$ref) add(top, rewriteRefs(rest, file));
  }
  add('Problem', PROBLEM);
  return components;
}

interface RouteInfo {
  path: string;
  method: string;
  roles?: readonly string[];
  body?: unknown;
  form?: FormSpec;
  query: Record<string, QueryParameter>;
  responses: readonly ResponseSpec[];
}

/** Every route of the API router, with what its middleware declares. */
function collectRoutes(api: Router): RouteInfo[] {
  const out: RouteInfo[] = [];
  const visit = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        const handlers = layer.route.stack.map((l) => l.handle);
        const declared = <T>(key: symbol) => handlers.filter((h) => h[key] !== undefined).map((h) => h[key] as T);
        const info = {
          roles: declared<readonly string[]>(ALLOWED_ROLES)[0],
          body: declared<unknown>(BODY_SCHEMA)[0],
          form: declared<FormSpec>(FORM)[0],
          query: Object.assign({}, ...declared<Record<string, QueryParameter>>(QUERY)) as Record<string, QueryParameter>,
          responses: declared<readonly ResponseSpec[]>(RESPONSES).flat(),
        };
        const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
        for (const path of paths) {
          if (typeof path !== 'string') continue;
          for (const method of Object.keys(layer.route.methods)) {
            if (method === '_all') continue;
            out.push({ path, method, ...info });
          }
        }
      } else if (Array.isArray(layer.handle?.stack)) {
        visit(layer.handle.stack);
      }
    }
  };
  visit((api as unknown as { stack: Layer[] }).stack);
  return out;
}

const pascal = (s: string) =>
  s
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');

const isPublic = (path: string) => PUBLIC_PATHS.some((p) => (typeof p === 'string' ? p === path : p.test(path)));

const LIST_PARAMETERS = [
  { name: 'sort', in: 'query', description: 'JSON ["field","ASC"|"DESC"]', schema: { type: 'string' }, example: '["id","ASC"]' },
  { name: 'range', in: 'query', description: 'JSON [first, last] (inclusive)', schema: { type: 'string' }, example: '[0,24]' },
  { name: 'filter', in: 'query', description: 'JSON object of filters', schema: { type: 'string' }, example: '{}' },
];

/** The list parameters, the filter's description naming each key the route reads. */
function listParameters(filters: Readonly<Record<string, string>> | undefined): Json[] {
  if (!filters) return LIST_PARAMETERS;
  const keys = Object.entries(filters).map(([key, what]) => `${key}: ${what}`);
  const description = `JSON object of filters (a key not listed, or a value naming nothing, is a 400). ${keys.join('; ')}`;
  return LIST_PARAMETERS.map((p) => (p.name === 'filter' ? { ...p, description } : p));
}

const HEADERS: Record<ResponseHeader, Json> = {
  ETag: { description: 'The version of the resource, for If-Match', required: true, schema: { type: 'string', pattern: '^"[^"]+"$' } },
  'Content-Range': {
    description: 'Which rows of how many, e.g. "versions 0-24/319" ("*" when the page is empty)',
    required: true,
    schema: { type: 'string', pattern: '^[a-z-]+ (\\d+-\\d+|\\*)/\\d+$' },
  },
  'Content-Disposition': {
    description: 'attachment, with the file name',
    required: true,
    schema: { type: 'string', pattern: '^attachment;' },
  },
  'X-Content-SHA256': { description: 'SHA-256 of the file as uploaded', required: true, schema: { type: 'string' } },
  'Set-Cookie': { description: 'The session cookie (chiso_session, HttpOnly)', required: true, schema: { type: 'string' } },
};

const STATUS_TEXT: Record<number, string> = { 200: 'OK', 201: 'Created', 204: 'No content' };

/** The answers of one declaration: a JSON body (closed: no member it does not define), files, or nothing. */
function responseObject(spec: ResponseSpec, schemas: Json, path: string): Json {
  const out: Json = { description: spec.description ?? STATUS_TEXT[spec.status] ?? 'Success' };
  if (spec.headers?.length) out.headers = Object.fromEntries(spec.headers.map((h) => [h, HEADERS[h]]));
  const content: Json = {};
  if (spec.json !== undefined) {
    let schema: Json;
    if (typeof spec.json === 'string') {
      if (!schemas[spec.json]) throw new Error(`openapi: ${path} answers with ${spec.json}, which no schema of schemas/ defines`);
      schema = { $ref: component(spec.json), unevaluatedProperties: false };
    } else {
      schema = rewriteRefs(spec.json, 'api.schema.json') as Json;
    }
    content['application/json'] = { schema: spec.list ? { type: 'array', items: schema } : schema };
  }
  for (const type of spec.files ?? []) content[type] = { schema: { type: 'string', format: 'binary' } };
  if (Object.keys(content).length) out.content = content;
  return out;
}

const problemResponse = (description: string, headers?: Json): Json => ({
  description,
  ...(headers ? { headers } : {}),
  content: { 'application/problem+json': { schema: { $ref: component('Problem') } } },
});

const RESPONSE_COMPONENTS = {
  BadRequest: problemResponse('The request is malformed: body, query or path (errors name each field by JSON Pointer)'),
  Unauthenticated: problemResponse('Not signed in', {
    'WWW-Authenticate': { description: 'How to authenticate (a session cookie)', schema: { type: 'string' } },
  }),
  Forbidden: problemResponse("The caller's role may not do this, or the request came from another origin"),
  NotFound: problemResponse('No such resource'),
  Problem: problemResponse('Any other problem, as RFC 9457 problem+json'),
};

const problemRef = (name: keyof typeof RESPONSE_COMPONENTS) => ({ $ref: `#/components/responses/${name}` });

/** requestBody is required unless the schema asks for nothing (an empty object is then the same as no body). */
const needsBody = (schema: Json) => !(schema.type === 'object' && !schema.required?.length);

function operation(route: RouteInfo, schemas: Json): Json {
  const pathParams = [...route.path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]);
  const isList = route.responses.some((r) => r.list);
  const segments = route.path.split('/').filter(Boolean);
  const parameters = [
    ...pathParams.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
    ...(isList ? listParameters(route.responses.find((r) => r.list)?.filters) : []),
    ...Object.entries(route.query).map(([name, p]) => ({ name, in: 'query', required: p.required ?? false, ...p })),
  ];
  const op: Json = { operationId: `${route.method}${pascal(route.path)}`, tags: [segments[0] ?? 'api'], parameters };
  if (route.roles) op.description = `Roles: ${route.roles.join(', ')}`;
  if (isPublic(route.path)) op.security = [];

  const content: Json = {};
  if (route.body) {
    const name = `${pascal(route.path)}${pascal(route.method)}Body`;
    schemas[name] = rewriteRefs(route.body, 'api.schema.json');
    content['application/json'] = { schema: { $ref: component(name) } };
  }
  if (route.form) {
    const { fields, required } = route.form;
    content['multipart/form-data'] = { schema: { type: 'object', additionalProperties: false, required, properties: fields } };
  }
  if (Object.keys(content).length) {
    op.requestBody = { required: route.form !== undefined || needsBody(route.body as Json), content };
  }

  const responses: Json = {};
  for (const spec of route.responses) {
    if (responses[spec.status]) throw new Error(`openapi: ${route.method} ${route.path} declares ${spec.status} twice`);
    responses[spec.status] = responseObject(spec, schemas, `${route.method} ${route.path}`);
  }
  if (op.requestBody || parameters.length) responses['400'] = problemRef('BadRequest');
  if (!isPublic(route.path)) responses['401'] = problemRef('Unauthenticated');
  if (route.roles) responses['403'] = problemRef('Forbidden');
  if (pathParams.length) responses['404'] = problemRef('NotFound');
  responses.default = problemRef('Problem');
  op.responses = responses;
  return op;
}

export function buildOpenApi(api: Router): Json {
  const schemas = schemaComponents();
  const paths: Json = {};
  for (const route of collectRoutes(api)) {
    // The Swagger UI page and its assets are HTML and static files, not API.
    if (route.path === '/docs' || route.path.startsWith('/docs/')) continue;
    (paths[route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')] ??= {})[route.method] = operation(route, schemas);
  }
  // No jsonSchemaDialect: 3.1's default dialect is 2020-12 based, and Swagger UI warns about any other value.
  return {
    openapi: '3.1.0',
    info: {
      title: 'Chỉ Số API',
      version: ENGINE_VERSION,
      description:
        'Bộ chỉ số đánh giá chuyển đổi số — rule sets, versions, agencies, assessment periods, evaluations and rankings. ' +
        'Lists follow ra-data-simple-rest (sort, range, filter; Content-Range). Errors are problem+json in Vietnamese or English (Accept-Language).',
    },
    servers: [{ url: '/api' }],
    security: [{ session: [] }],
    paths,
    components: {
      schemas,
      responses: RESPONSE_COMPONENTS,
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'chiso_session', description: 'Set by POST /auth/login' },
      },
    },
  };
}
