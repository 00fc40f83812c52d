// Every operation of the OpenAPI document, fuzzed with malformed requests as an admin and as
// nobody: NUL bytes and lone surrogates (in body values and keys, in query strings and the JSON
// inside them, in path ids), bodies nested thousands of levels deep, invalid JSON, bodies of the
// wrong shape or of a type the route does not read, prototype keys, broken multipart forms,
// ranges that are no page of rows, URLs over 16 KB — on top of odd ids, stray query parameters
// and odd headers. Each request carries at least one flaw the API must refuse, so: never a 5xx,
// every answer a 4xx problem+json with its status, title and detail, and no row of any table
// (the audit log included) changes.
//
// Reproducible: the seed is fixed (FUZZ_SEED overrides it, FUZZ_RUNS the runs per operation) and
// a failure reports it with the operation and the shrunk request. On PostgreSQL a few runs per
// operation only: the guards under test run before the database, which PGlite covers in depth.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { backends } from '../support/db';
import { OWN_AGENCY, startTestApp, type TestApp } from '../support/app';
import { openPeriod, publishSonLa, submitDemo } from '../support/assessment';
import { sonLa2021 } from '../support/fixtures';
import { TABLES as CAPTURED_TABLES } from '../fixtures/replay/tables';

const SEED = Number(process.env.FUZZ_SEED ?? 20_260_101);
const RUNS: Record<string, number> = { pglite: Number(process.env.FUZZ_RUNS ?? 30), postgres: Number(process.env.FUZZ_RUNS ?? 4) };

/** Tables whose row counts must not move (a captured database's, and the sessions); every change of state also writes an audit_log row. */
const TABLES = [...CAPTURED_TABLES, 'sessions'];
const STATE_SQL = `SELECT ${TABLES.map((t) => `(SELECT count(*) FROM ${t})::int AS ${t}`).join(', ')}`;

interface Operation {
  method: string;
  /** The documented path under /api, e.g. /agencies/{id}. */
  path: string;
  params: string[];
  list: boolean;
  /** Top-level properties of the documented JSON body, if there is one. */
  bodyProperties?: string[];
  /** Takes a multipart form (evidence, import), so a multipart type is not a wrong one. */
  upload: boolean;
}

interface FuzzRequest {
  flaw: string;
  as: 'admin' | null;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

// ---------------------------------------------------------------------------------------------
// Pieces of requests

const enc = encodeURIComponent;
const ascii = fc.string({ maxLength: 12 });
/** A code unit no column can hold: NUL, or a surrogate with ASCII (never its pair) around it. */
const badUnit = fc.oneof(
  fc.constant('\u0000'),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
);
const badString = fc.tuple(ascii, badUnit, ascii).map(([a, b, c]) => a + b + c);
const FORBIDDEN = fc.constantFrom('__proto__', 'constructor', 'prototype');

/** `leaf` at the end of a path of keys (objects) and indices (arrays), with other members around. */
const place = (path: (string | number)[], leaf: unknown): unknown =>
  path.reduceRight<unknown>((inner, step) => (typeof step === 'number' ? [...Array(step).fill(0), inner] : { [step]: inner }), leaf);

/** A JSON object with `leaf` somewhere inside it (at least one level down). */
const somewhereIn = (leaf: fc.Arbitrary<unknown>) =>
  fc
    .record({
      path: fc.array(fc.oneof(ascii, fc.nat(3)), { minLength: 1, maxLength: 5 }),
      leaf,
      siblings: fc.dictionary(fc.stringMatching(/^[a-z]{1,6}$/), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
    })
    .map(({ path, leaf, siblings }) => {
      const placed = place(typeof path[0] === 'number' ? ['x', ...path] : path, leaf) as Record<string, unknown>;
      return { ...siblings, ...placed };
    });

const poisonedJson = somewhereIn(
  fc.oneof(
    badString,
    badString.map((k) => ({ [k]: 1 })),
  ),
);
const forbiddenJson = somewhereIn(fc.tuple(FORBIDDEN, fc.jsonValue({ maxDepth: 1 })).map(([k, v]) => ({ [k]: v })));

/** JSON text nested `depth` levels deep: arrays, objects or conditions as a rule set nests them. */
const deepText = (depth: number, shape: 'array' | 'object' | 'condition') =>
  shape === 'array'
    ? `${'['.repeat(depth)}${']'.repeat(depth)}`
    : shape === 'object'
      ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
      : `${'{"all":['.repeat(depth)}{"fact":"x","operator":"equal","value":true}${']}'.repeat(depth)}`;

const isJsonContainer = (s: string) => {
  try {
    const v: unknown = JSON.parse(s);
    return v !== null && typeof v === 'object';
  } catch {
    return false;
  }
};

const WRONG_TYPES = [
  'text/plain',
  'text/plain; charset=utf-8',
  'application/x-www-form-urlencoded',
  'application/xml',
  'text/html',
  'application/octet-stream',
  'image/png',
  'application/jsonp',
  'json',
  'application/javascript',
  '', // a body with no type at all
];

/** Index values no range may hold: negative, fractional, past the last row allowed, not numbers. */
const badIndex = fc.oneof(
  fc.integer({ max: -1 }),
  fc.double({ noInteger: true, noNaN: true }),
  fc.integer({ min: 10_000_001 }),
  fc.constantFrom(1e300, -1e300, 2 ** 53, 2 ** 53 + 2, 1e21),
  fc.string(),
  fc.constant(null),
  fc.boolean(),
);
const goodIndex = fc.integer({ min: 0, max: 10_000_000 });
const badRange = fc.oneof(
  fc.tuple(badIndex, goodIndex),
  fc.tuple(goodIndex, badIndex),
  fc
    .tuple(goodIndex, goodIndex)
    .filter(([a, b]) => a !== b)
    .map(([a, b]) => [Math.max(a, b), Math.min(a, b)]),
  fc.array(goodIndex, { maxLength: 1 }),
  fc.array(goodIndex, { minLength: 3, maxLength: 4 }),
  fc.jsonValue({ maxDepth: 2 }).filter((v) => !Array.isArray(v)),
);

/** Values at or past the edge of any field's type: huge, negative, fractional, empty, long, wrong kind. */
const extreme = fc.constantFrom<unknown>(
  1e300,
  -1e300,
  2 ** 53 + 2,
  -1,
  0.5,
  1e-300,
  '',
  'x'.repeat(5000),
  [],
  {},
  null,
  true,
  [[[]]],
  '2021-02-30',
  '00000000-0000-0000-0000-000000000000',
);

/** Path segments that are not ids: bad text or broken percent-encoding, around ordinary characters. */
const badSegment = fc
  .tuple(
    fc.stringMatching(/^[a-z0-9-]{0,8}$/),
    fc.constantFrom('%00', '%ED%A0%80', '%ED%BF%BF', '%FF', '%C0%80', '%E2%82', '%', '%zz', '%u0000'),
    fc.stringMatching(/^[a-z0-9-]{0,8}$/),
  )
  .map(([a, b, c]) => a + b + c);

// ---------------------------------------------------------------------------------------------
// Flaws: each makes a request the API must refuse, whatever else the request holds

type Flaw = fc.Arbitrary<{ flaw: string; query?: string; segment?: string; type?: string; body?: string }>;

function flawsFor(op: Operation): Flaw[] {
  const hasBody = op.method !== 'get';
  const json = 'application/json';
  const flaws: Flaw[] = [
    // In the query string: a raw NUL, bad text inside JSON, JSON nested too deep, a bad name.
    fc
      .tuple(fc.constantFrom('sort', 'range', 'filter', 'q', 'versionId', 'format', 'ruleSet', 'date', 'x'), ascii, ascii)
      .map(([name, a, b]) => ({ flaw: 'query: raw NUL', query: `${name}=${enc(`${a}\u0000${b}`)}` })),
    fc
      .tuple(fc.constantFrom('sort', 'range', 'filter', 'q', 'x'), fc.oneof(poisonedJson, badString))
      .map(([name, v]) => ({ flaw: 'query: bad text in JSON', query: `${name}=${enc(JSON.stringify(v))}` })),
    fc
      .tuple(fc.constantFrom('sort', 'range', 'filter'), fc.integer({ min: 70, max: 3000 }))
      .map(([name, depth]) => ({ flaw: 'query: too deep', query: `${name}=${deepText(depth, 'array')}` })),
    ascii.map((a) => ({ flaw: 'query: bad name', query: `${enc(`${a}\u0000`)}=1` })),
    // A URL longer than Node reads (16 KB).
    fc.integer({ min: 17 * 1024, max: 20 * 1024 }).map((n) => ({ flaw: 'URL over 16 KB', query: `pad=${'a'.repeat(n)}` })),
  ];
  if (op.params.length) flaws.push(badSegment.map((segment) => ({ flaw: 'path: bad segment', segment })));
  if (op.list) flaws.push(badRange.map((r) => ({ flaw: 'range', query: `range=${enc(JSON.stringify(r))}` })));
  if (hasBody) {
    flaws.push(
      poisonedJson.map((v) => ({ flaw: 'body: bad text', type: json, body: JSON.stringify(v) })),
      forbiddenJson.map((v) => ({ flaw: 'body: prototype key', type: json, body: JSON.stringify(v) })),
      fc
        .tuple(fc.integer({ min: 70, max: 7000 }), fc.constantFrom('array', 'object', 'condition') as fc.Arbitrary<'array'>, fc.boolean())
        .map(([depth, shape, wrapped]) => ({
          flaw: 'body: too deep',
          type: json,
          body: wrapped ? `{"document":${deepText(depth, shape)}}` : deepText(depth, shape),
        })),
      fc
        .oneof(
          fc.constantFrom('{', '{"a":', '[1,]', "{'a':1}", 'nul', '{"a":1}}', '"x"', '1', 'true', 'null', '\u0000', '{"a":"\u0000"}'),
          fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== '' && !isJsonContainer(s)),
        )
        .map((body) => ({ flaw: 'body: not JSON', type: json, body })),
      fc
        .tuple(fc.constantFrom(...WRONG_TYPES, ...(op.upload ? [] : ['multipart/form-data; boundary=b'])), fc.string({ minLength: 1 }))
        .map(([type, body]) => ({ flaw: 'body: wrong type', type, body })),
    );
  }
  if (op.bodyProperties) {
    // The documented body's shape gone wrong: an array for an object, or its own fields at the edge
    // of their types plus one field no schema knows (every body schema is closed).
    const props = op.bodyProperties.length ? op.bodyProperties : ['x'];
    flaws.push(
      fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }).map((v) => ({ flaw: 'body: array', type: json, body: JSON.stringify(v) })),
      fc
        .record({
          fields: fc.dictionary(fc.constantFrom(...props), extreme, { maxKeys: props.length }),
          unknown: fc.stringMatching(/^[a-z]{1,8}$/),
          value: fc.jsonValue({ maxDepth: 1 }),
        })
        .map(({ fields, unknown, value }) => ({
          flaw: 'body: unknown field',
          type: json,
          body: JSON.stringify({ ...fields, [`fuzz_${unknown}`]: value }),
        })),
    );
  }
  if (op.upload) {
    // A multipart form without a file: no boundary, junk, or text fields only.
    flaws.push(
      fc.string({ maxLength: 60 }).map((body) => ({ flaw: 'multipart: no boundary', type: 'multipart/form-data', body: body || 'x' })),
      fc.tuple(fc.string({ maxLength: 60 }), fc.string({ maxLength: 20 })).map(([junk, note]) => ({
        flaw: 'multipart: no file',
        type: 'multipart/form-data; boundary=b',
        body: `--b\r\nContent-Disposition: form-data; name="key"\r\n\r\nplan_issued\r\n--b\r\nContent-Disposition: form-data; name="note"\r\n\r\n${note}\r\n--b--\r\n${junk}`,
      })),
    );
  }
  return flaws;
}

/** A whole request for `op`: one flaw, then noise (ids real or odd, stray parameters, headers). */
function requestFor(op: Operation, realIds: string[]): fc.Arbitrary<FuzzRequest> {
  const oddId = fc.oneof(
    fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s !== '.' && s !== '..'),
    fc.constantFrom(
      '0',
      '-1',
      '1e300',
      'null',
      'undefined',
      '[object Object]',
      'x'.repeat(300),
      'ü',
      '😀',
      'a/b',
      '00000000-0000-0000-0000-000000000000',
    ),
  );
  return fc
    .record({
      flaw: fc.oneof(...flawsFor(op)),
      as: fc.constantFrom<'admin' | null>('admin', null),
      ids: fc.array(fc.oneof(fc.constantFrom(...realIds), oddId), { minLength: op.params.length, maxLength: op.params.length }),
      flawAt: fc.nat(Math.max(op.params.length - 1, 0)),
      extra: fc.array(fc.tuple(fc.stringMatching(/^[a-z]{1,6}$/), fc.string({ maxLength: 20 })), { maxLength: 2 }),
      lang: fc.constantFrom('vi', 'en', 'en-US,en;q=0.9', '*', 'xx', ''),
      ifMatch: fc.option(fc.stringMatching(/^[ -~]{0,20}$/), { nil: undefined }),
    })
    .map(({ flaw, as, ids, flawAt, extra, lang, ifMatch }) => {
      let i = 0;
      const path = op.path.replace(/\{[^}]+\}/g, () => {
        const k = i++;
        return flaw.segment !== undefined && k === flawAt ? flaw.segment : enc(ids[k]);
      });
      const query = [...extra.map(([k, v]) => `${k}=${enc(v)}`), ...(flaw.query ? [flaw.query] : [])].join('&');
      const headers: Record<string, string> = { 'accept-language': lang };
      if (flaw.type) headers['content-type'] = flaw.type;
      if (ifMatch !== undefined) headers['if-match'] = ifMatch;
      const req: FuzzRequest = {
        flaw: flaw.flaw,
        as,
        method: op.method.toUpperCase(),
        url: `/api${path}${query ? `?${query}` : ''}`,
        headers,
        body: flaw.body,
      };
      return Object.assign(req, {
        [fc.toStringMethod]: () =>
          `${req.method} ${req.url.slice(0, 300)} as ${req.as ?? 'nobody'} [${req.flaw}] ${JSON.stringify(req.headers)} ` +
          `body(${req.body?.length ?? 0}): ${JSON.stringify(req.body?.slice(0, 300) ?? null)}`,
      });
    });
}

// ---------------------------------------------------------------------------------------------

describe.each(backends)('fuzzing every API operation on $name', (backend) => {
  let app: TestApp;
  let operations: Operation[];
  let realIds: string[];
  let sent = 0;
  let elapsed = 0;

  beforeAll(async () => {
    app = await startTestApp(backend);
    // Something of everything, so that real ids lead requests past the first lookups.
    const version = await publishSonLa(app, 'fuzz');
    const period = await openPeriod(app, version.id);
    const submitted = await submitDemo(app, period.id, 'so-y-te');
    expect((await app.request('POST', `/api/periods/${period.id}/evaluate`, { as: 'evaluator', body: {} })).status).toBe(201);
    expect((await app.request('POST', '/api/versions', { body: { document: sonLa2021({ version: 'fuzz-draft' }) } })).status).toBe(201);
    const draft = await app.request('POST', '/api/submissions', { as: 'agency', body: { periodId: period.id, facts: {} } });
    const link = { key: 'plan_issued', kind: 'link', url: 'https://example.org/ke-hoach' };
    expect((await app.request('POST', `/api/submissions/${draft.body.id}/evidence`, { as: 'agency', body: link })).status).toBe(201);
    const appraisal = { fact: Object.keys(submitted.facts)[0], value: 1, reason: 'Kiểm tra' };
    await app.request('POST', `/api/submissions/${submitted.id}/appraisals`, { as: 'evaluator', body: appraisal });

    const ids = await app.ctx.db.query<{ id: string }>(
      ['agencies', 'users', 'rule_sets', 'versions', 'periods', 'submissions', 'evidence', 'appraisals', 'evaluations', 'audit_log']
        .map((t) => `(SELECT id::text FROM ${t} ORDER BY id LIMIT 2)`)
        .join(' UNION ALL '),
    );
    realIds = [...ids.rows.map((r) => r.id), OWN_AGENCY, 'son-la'];

    const doc = (await app.request('GET', '/api/openapi.json', { as: null })).body;
    const schemas = doc.components.schemas as Record<string, { properties?: Record<string, unknown> }>;
    operations = [];
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, any>>)) {
      for (const [method, op] of Object.entries(ops)) {
        const ref: string | undefined = op.requestBody?.content?.['application/json']?.schema?.$ref;
        const body = ref ? schemas[ref.split('/').pop()!] : undefined;
        operations.push({
          method,
          path,
          params: (op.parameters as { name: string; in: string }[]).filter((p) => p.in === 'path').map((p) => p.name),
          list: (op.parameters as { name: string }[]).some((p) => p.name === 'range') || path.endsWith('/revisions'),
          bodyProperties: body ? Object.keys(body.properties ?? {}) : undefined,
          upload: /\/(evidence|import)$/.test(path),
        });
      }
    }
  });
  afterAll(async () => {
    if (sent)
      console.log(
        `fuzz on ${backend.name}: ${sent} requests over ${operations.length} operations in ${(elapsed / 1000).toFixed(1)} s (seed ${SEED})`,
      );
    await app?.close();
  });

  const state = async () => (await app.ctx.db.query<Record<string, number>>(STATE_SQL)).rows[0];

  async function send(req: FuzzRequest): Promise<void> {
    const headers = { ...req.headers, ...(req.as ? { cookie: app.users[req.as].cookie } : {}) };
    // Bytes, so that fetch adds no content type of its own.
    const res = await fetch(app.url + req.url, {
      method: req.method,
      headers,
      body: req.body === undefined ? undefined : Buffer.from(req.body),
      redirect: 'manual',
    });
    const text = await res.text();
    sent++;
    expect(res.status, text.slice(0, 500)).toBeGreaterThanOrEqual(400);
    expect(res.status, text.slice(0, 500)).toBeLessThan(500);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = JSON.parse(text) as { status: unknown; title: unknown; detail: unknown };
    expect(problem.status).toBe(res.status);
    expect(typeof problem.title === 'string' && problem.title.length > 0, text).toBe(true);
    expect(typeof problem.detail === 'string' && problem.detail.length > 0, text).toBe(true);
  }

  it('answers every malformed request with a 4xx problem and changes nothing', { timeout: 300_000 }, async () => {
    const started = Date.now();
    const before = await state();
    const done = () => (elapsed = Date.now() - started);
    for (const [index, op] of operations.entries()) {
      const seed = SEED + index;
      const details = await fc.check(
        fc.asyncProperty(requestFor(op, realIds), async (req) => {
          await send(req);
          expect(await state()).toEqual(before);
        }),
        { seed, numRuns: RUNS[backend.name], includeErrorInReport: true },
      );
      if (details.failed) {
        done();
        throw new Error(
          `${op.method.toUpperCase()} ${op.path} (FUZZ_SEED=${SEED}, this operation's seed ${seed}):\n${fc.defaultReportMessage(details)}`,
        );
      }
      expect(await state(), `${op.method} ${op.path}`).toEqual(before);
    }
    done();
    // The admin is still signed in: no request logged it out.
    expect((await app.request('GET', '/api/auth/me')).status).toBe(200);
  });
});
