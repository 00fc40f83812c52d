// The OpenAPI 3.1 document, generated rather than written: the formats come from the JSON Schemas
// in schemas/, and the paths, roles and request bodies from the routes as they are mounted (each
// route's validateBody and allow() guard carry their schema and roles), so it cannot drift.
import type { Router } from 'express';
import { ENGINE_VERSION, SCHEMAS } from '../engine';
import { ALLOWED_ROLES, PUBLIC_PATHS } from './auth';
import { BODY_SCHEMA } from './validate';

// The document is free-form JSON built member by member; its shape is checked by test/api/docs.test.ts.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

/** What collectRoutes reads of Express's router internals. */
interface Layer {
  route?: { path: unknown; methods: Record<string, boolean>; stack: { handle: Partial<Record<symbol, unknown>> }[] };
  handle?: { stack?: Layer[] };
}

/** Schema file name → the component its top level becomes. */
const TOP_LEVEL: Record<string, string> = {
  'ruleset.schema.json': 'RuleSetVersion',
  'agency.schema.json': 'Agency',
  'submission.schema.json': 'SubmissionInput',
};

/** Rewrites every $ref (local, cross-file or by $id) to #/components/schemas/…; drops $id/$schema. */
function rewriteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$id' || key === '$schema') continue;
    if (key === '$ref' && typeof value === 'string') {
      const [file, fragment] = value.replace('https://chiso.vn/schemas/', '').split('#');
      if (fragment?.startsWith('/$defs/')) out.$ref = `#/components/schemas/${fragment.slice('/$defs/'.length)}`;
      else if (file && TOP_LEVEL[file]) out.$ref = `#/components/schemas/${TOP_LEVEL[file]}`;
      else out.$ref = value;
      continue;
    }
    out[key] = rewriteRefs(value);
  }
  return out;
}

function schemaComponents(): Json {
  const components: Json = {};
  for (const [file, name] of Object.entries(TOP_LEVEL)) {
    const schema = SCHEMAS[file.replace('.schema.json', '') as keyof typeof SCHEMAS] as Json;
    const { $defs = {}, ...top } = schema;
    for (const [defName, def] of Object.entries($defs)) components[defName] = rewriteRefs(def);
    // submission.schema.json's top level is only a $ref to its own SubmissionInput definition.
    if (!top.$ref) components[name] = rewriteRefs(top);
  }
  components.Problem = {
    type: 'object',
    description: 'RFC 9457 problem details; title, detail and messages in Vietnamese or English (Accept-Language).',
    required: ['type', 'title', 'status', 'detail', 'code'],
    properties: {
      type: { type: 'string', format: 'uri' },
      title: { type: 'string' },
      status: { type: 'integer' },
      detail: { type: 'string' },
      code: { type: 'string' },
      errors: {
        type: 'array',
        items: {
          type: 'object',
          required: ['path', 'message', 'code'],
          properties: {
            path: { type: 'string', description: 'JSON Pointer into the request (body, query) or document' },
            message: { type: 'string' },
            code: { type: 'string' },
          },
        },
      },
    },
  };
  return components;
}

interface RouteInfo {
  path: string;
  method: string;
  roles?: readonly string[];
  body?: unknown;
}

/** Every route of the API router, with the roles and body schema its middleware declares. */
function collectRoutes(api: Router): RouteInfo[] {
  const out: RouteInfo[] = [];
  const visit = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        const handlers = layer.route.stack.map((l) => l.handle);
        const roles = handlers.find((h) => h[ALLOWED_ROLES])?.[ALLOWED_ROLES] as readonly string[] | undefined;
        const body = handlers.find((h) => h[BODY_SCHEMA])?.[BODY_SCHEMA];
        const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
        for (const path of paths) {
          if (typeof path !== 'string') continue;
          for (const method of Object.keys(layer.route.methods)) {
            if (method === '_all') continue;
            out.push({ path, method, roles, body });
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

export function buildOpenApi(api: Router): Json {
  const schemas = schemaComponents();
  const paths: Json = {};
  for (const route of collectRoutes(api)) {
    if (route.path === '/docs' || route.path.startsWith('/docs/')) continue;
    const oaPath = route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const params = [...route.path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const segments = route.path.split('/').filter(Boolean);
    const isList = route.method === 'get' && segments.length === 1 && !route.path.includes('.');
    const operationId = `${route.method}${pascal(route.path)}`;
    const op: Json = {
      operationId,
      tags: [segments[0] ?? 'api'],
      parameters: [...params, ...(isList ? LIST_PARAMETERS : [])],
      responses: {
        [route.method === 'post' && segments.length === 1 ? '201' : '200']: {
          description: 'Success',
          ...(isList ? { headers: { 'Content-Range': { schema: { type: 'string' }, description: 'e.g. "versions 0-24/319"' } } } : {}),
          content: { 'application/json': {} },
        },
        default: { description: 'Problem', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
      },
    };
    if (isPublic(route.path)) op.security = [];
    if (route.roles) op.description = `Roles: ${route.roles.join(', ')}`;
    if (route.body) {
      const name = `${pascal(route.path)}${pascal(route.method)}Body`;
      schemas[name] = rewriteRefs(route.body);
      op.requestBody = { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } } };
    }
    (paths[oaPath] ??= {})[route.method] = op;
  }
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
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
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'chiso_session', description: 'Set by POST /auth/login' },
      },
    },
  };
}
