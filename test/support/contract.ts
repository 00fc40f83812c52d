// The OpenAPI document as a contract the API suites hold the server to: every answer that comes
// back through TestApp.request is checked against the operation its path and method resolve to —
// its status documented (or a problem covered by `default`), its content type documented, its body
// valid against the schema for that status and type, its required headers present — and a mismatch
// throws, failing the test that made the request. The operations answered with a documented 2xx are
// recorded per suite, and contractCoverage.ts checks after a run that every operation was.
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import { createAjv } from '../../server/engine';

type Json = Record<string, any>;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const COVERAGE_DIR = path.join(ROOT, 'node_modules/.cache/chiso-contract');

/**
 * Operations no API suite calls, each with the reason. An entry for an operation that a suite does
 * call, or that the document no longer has, fails the coverage check, so the list stays true.
 */
export const NOT_EXERCISED: Record<string, string> = {};

const COMPONENTS_ID = 'https://chiso.vn/contract/components';
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** What the request carried that the document must describe when the API accepted it. */
export interface Sent {
  /** The body's content type, when there was a body. */
  contentType?: string;
}

export interface Answer {
  status: number;
  headers: Headers;
  /** Parsed when the content type is JSON. */
  body: unknown;
  text: string;
}

/** #/components/schemas/X → the components' $defs, so that ajv resolves every reference. */
function toDefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toDefs);
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([k, v]) => [
      k,
      k === '$ref' && typeof v === 'string' && v.startsWith('#/components/schemas/')
        ? `${COMPONENTS_ID}#/$defs/${v.slice('#/components/schemas/'.length)}`
        : toDefs(v),
    ]),
  );
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Route {
  template: string;
  regex: RegExp;
  item: Json;
}

const isJson = (type: string) => type === 'application/json' || type.endsWith('+json');

const describeErrors = (errors: ErrorObject[] | null | undefined) =>
  (errors ?? [])
    .slice(0, 8)
    .map((e) => {
      const member = (e.params as Json).unevaluatedProperty ?? (e.params as Json).additionalProperty;
      return `${e.instancePath || '/'} ${e.message}${member ? ` (${member})` : ''}`;
    })
    .join('; ');

export class ContractError extends Error {
  override name = 'ContractError';
}

export class Contract {
  readonly operations: string[] = [];
  private readonly routes: Route[] = [];
  private readonly ajv = createAjv({ strict: false });
  private readonly validators = new Map<object, ValidateFunction>();

  constructor(private readonly doc: Json) {
    this.ajv.addFormat('binary', true);
    this.ajv.addSchema({ $id: COMPONENTS_ID, $defs: toDefs(doc.components.schemas) as Json });
    // In the document's order, which is the order Express matches them in (/versions/in-force before /versions/{id}).
    for (const [template, item] of Object.entries<Json>(doc.paths)) {
      const pattern = template
        .split(/(\{[^}]+\})/)
        .map((part) => (part.startsWith('{') ? '[^/]+' : escape(part)))
        .join('');
      this.routes.push({ template, regex: new RegExp(`^${pattern}$`), item });
      for (const method of METHODS) if (item[method]) this.operations.push(item[method].operationId);
    }
  }

  private validator(schema: object): ValidateFunction {
    let fn = this.validators.get(schema);
    if (!fn) {
      fn = this.ajv.compile(toDefs(schema) as object);
      this.validators.set(schema, fn);
    }
    return fn;
  }

  private resolve(response: Json | undefined): Json | undefined {
    const ref: unknown = response?.$ref;
    return typeof ref === 'string' ? this.doc.components.responses[ref.split('/').pop()!] : response;
  }

  /**
   * Checks one answer; returns the operationId when it was a documented success, null when the
   * request is outside the document (not /api, or the Swagger UI page). Throws a ContractError.
   */
  check(method: string, url: string, answer: Answer, sent: Sent = {}): string | null {
    const { pathname, searchParams } = new URL(url, 'http://localhost');
    if (!pathname.startsWith('/api/')) return null;
    const apiPath = pathname.slice('/api'.length);
    if (apiPath === '/docs' || apiPath.startsWith('/docs/')) return null;
    // HEAD is answered by the GET route, without the body.
    const head = method.toLowerCase() === 'head';
    const verb = head ? 'get' : method.toLowerCase();
    const type = (answer.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
    const where = `${method.toUpperCase()} ${url.slice(0, 200)} → ${answer.status} ${type || '(no content type)'}`;
    const fail: (what: string) => never = (what) => {
      throw new ContractError(`API contract: ${where}: ${what}`);
    };

    const route = this.routes.find((r) => r.regex.test(apiPath));
    const op: Json | undefined = route?.item[verb];
    if (!route || !op) {
      // No operation: the API's own "no such route" (or a refusal before routing) must still be a problem.
      if (answer.status < 400 || type !== 'application/problem+json') fail('no operation of the document has this path and method');
      this.validateBody(answer, { $ref: '#/components/schemas/Problem' }, fail, 'Problem');
      return null;
    }
    const name = `${op.operationId} (${verb.toUpperCase()} ${route.template})`;
    const response = this.resolve(op.responses[String(answer.status)] ?? (answer.status >= 400 ? op.responses.default : undefined));
    if (!response) fail(`${name} does not document status ${answer.status} (it documents ${Object.keys(op.responses).join(', ')})`);

    for (const [header, spec] of Object.entries<Json>(response.headers ?? {})) {
      const value = answer.headers.get(header);
      if (value === null) {
        if (spec.required) fail(`${name} ${answer.status} must send the header ${header}`);
      } else if (spec.schema && !this.validator(spec.schema)(value)) {
        fail(`${name} ${answer.status}: header ${header} "${value}" does not match ${JSON.stringify(spec.schema)}`);
      }
    }

    if (!head) this.checkContent(answer, response.content, type, `${name} ${answer.status}`, fail);
    if (answer.status < 200 || answer.status >= 300) return null;

    // Accepted, so what it sent is part of the interface: every query parameter and the body's type documented.
    const params = new Set((op.parameters ?? []).filter((p: Json) => p.in === 'query').map((p: Json) => p.name));
    for (const param of searchParams.keys())
      if (!params.has(param)) fail(`${name} accepted the query parameter "${param}", which it does not document`);
    if (sent.contentType) {
      const bodyType = sent.contentType.split(';')[0].trim().toLowerCase();
      const accepted = Object.keys(op.requestBody?.content ?? {});
      if (!accepted.includes(bodyType)) fail(`${name} accepted a ${bodyType} body; it documents ${accepted.join(', ') || 'none'}`);
    }
    return op.operationId;
  }

  /** The body: none where none is documented, else of a documented type, and JSON valid against its schema. */
  private checkContent(answer: Answer, content: Json | undefined, type: string, name: string, fail: (what: string) => never): void {
    if (!content) {
      if (answer.text !== '') fail(`${name} documents no body, but one came back`);
      return;
    }
    const media = content[type] ?? content[`${type.split('/')[0]}/*`] ?? content['*/*'];
    if (!media) fail(`${name} documents ${Object.keys(content).join(', ')}, not ${type || 'a body without a type'}`);
    if (isJson(type)) this.validateBody(answer, media.schema, fail, name);
  }

  private validateBody(answer: Answer, schema: Json, fail: (what: string) => never, name: string): void {
    const validate = this.validator(schema);
    if (!validate(answer.body)) {
      const target = schema.$ref ?? schema.items?.$ref ?? 'its schema';
      fail(`${name}: the body does not match ${target}: ${describeErrors(validate.errors)}`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Which operations the suites exercised

export interface CoverageRecord {
  suite: string;
  /** When it was written: the newest record's operations are the document's. */
  at: number;
  operations: string[];
  exercised: string[];
}

const recordFile = (suite: string) => path.join(COVERAGE_DIR, `${suite.replace(/[^A-Za-z0-9.-]+/g, '_')}.json`);

/** Writes (replaces) a suite's record; atomically, since another suite's process may be reading. */
export function writeCoverage(testPath: string, operations: string[], exercised: string[]): void {
  const record: CoverageRecord = { suite: path.relative(ROOT, testPath), at: Date.now(), operations, exercised };
  mkdirSync(COVERAGE_DIR, { recursive: true });
  const file = recordFile(record.suite);
  writeFileSync(`${file}.${process.pid}`, JSON.stringify(record));
  renameSync(`${file}.${process.pid}`, file);
}

/** The test files that start the app (and so speak to it through TestApp.request). */
export function apiSuites(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'e2e' && entry.name !== 'support') walk(full);
      } else if (entry.name.endsWith('.test.ts') && /\bstartTestApp\(/.test(readFileSync(full, 'utf8'))) {
        out.push(path.relative(ROOT, full));
      }
    }
  };
  walk(path.join(ROOT, 'test'));
  return out.sort();
}

export interface CoverageReport {
  /** Suites with no record (since `since`): nothing can be concluded until each has one. */
  unrecorded: string[];
  operations: number;
  exercised: number;
  /** Operations of the document no suite answered with a documented success, and not in NOT_EXERCISED. */
  missing: string[];
  /** NOT_EXERCISED entries that a suite exercises after all, or that the document does not have. */
  stale: string[];
}

/** The suites' latest records together, counting only those written since `since` (ms). */
export function coverageReport(since = 0): CoverageReport {
  const records = new Map<string, CoverageRecord>();
  for (const suite of apiSuites()) {
    try {
      const record = JSON.parse(readFileSync(recordFile(suite), 'utf8')) as CoverageRecord;
      if (record.at >= since) records.set(suite, record);
    } catch {
      // not recorded yet
    }
  }
  const unrecorded = apiSuites().filter((s) => !records.has(s));
  const newest = [...records.values()].sort((a, b) => b.at - a.at)[0];
  const operations = new Set(newest?.operations ?? []);
  const exercised = new Set([...records.values()].flatMap((r) => r.exercised));
  const missing = [...operations].filter((op) => !exercised.has(op) && !(op in NOT_EXERCISED)).sort();
  const stale = Object.keys(NOT_EXERCISED).filter((op) => exercised.has(op) || (operations.size > 0 && !operations.has(op)));
  return { unrecorded, operations: operations.size, exercised: [...operations].filter((op) => exercised.has(op)).length, missing, stale };
}
