// /api/openapi.json (generated from schemas/ and the mounted routes): every operation with its
// answers, statuses, content types, parameters and bodies, nothing Swagger UI flags, and every
// operation called by some API suite; the Swagger UI page served locally, /healthz, and the
// console's SPA fallback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { backends } from '../support/db';
import { OWN_AGENCY, startTestApp, type TestApp } from '../support/app';
import { NOT_EXERCISED } from '../support/contract';
import { createAjv } from '../../server/engine/ajv';
import { sonLa2021 } from '../support/fixtures';
import apiSchema from '../../schemas/api.schema.json';
import { ROLES } from '../../server/api/roles';
import { PERIOD_STATUSES } from '../../server/store/periods';

describe.each(backends)('docs, health and console on $name', (backend) => {
  let app: TestApp;
  const consoleDir = mkdtempSync(path.join(tmpdir(), 'chiso-console-'));
  beforeAll(async () => {
    writeFileSync(path.join(consoleDir, 'index.html'), '<!doctype html><title>Chỉ Số</title><div id="root"></div>');
    writeFileSync(path.join(consoleDir, 'app.js'), 'console.log(1)');
    app = await startTestApp(backend, { config: { consoleDir } });
  });
  afterAll(async () => {
    await app?.close();
  });

  const document = async () => (await app.request('GET', '/api/openapi.json', { as: null })).body;
  /** Every operation of the document as [label, operation]. */
  const operations = (doc: any): [string, any][] =>
    Object.entries<any>(doc.paths).flatMap(([path, item]) =>
      Object.entries<any>(item).map(([method, op]): [string, any] => [`${method.toUpperCase()} ${path}`, op]),
    );
  const ok = (op: any) => Object.entries<any>(op.responses).filter(([status]) => /^2\d\d$/.test(status));

  it('publishes an OpenAPI 3.1 document with the formats of schemas/ and every route', async () => {
    const res = await app.request('GET', '/api/openapi.json', { as: null });
    expect(res.status).toBe(200);
    const doc = res.body;
    expect(doc.openapi).toBe('3.1.0');
    const schemas = doc.components.schemas;
    for (const name of ['RuleSetVersion', 'Agency', 'EngineAgency', 'SubmissionInput', 'Node', 'Cohort', 'LegalBasis', 'Problem']) {
      expect(schemas[name], name).toBeTruthy();
    }
    // Every $ref resolves inside the document (schemas by name, or a JSON Pointer into one; shared responses).
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    for (const ref of refs) {
      const target = ref.slice(8, -1);
      expect(target, target).toMatch(/^#\/components\/(schemas|responses)\//);
      const found = target
        .slice(2)
        .split('/')
        .reduce<any>((node, step) => node?.[step.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
      expect(found, target).toBeTruthy();
    }
    // The publish body is the route's own validation schema.
    const publish = doc.paths['/versions/{id}/publish'].post;
    expect(publish.description).toBe('Roles: admin');
    const body = schemas[publish.requestBody.content['application/json'].schema.$ref.split('/').pop()];
    expect(body.required).toEqual(['changeNote']);
    expect(body.additionalProperties).toBe(false);
    expect(doc.paths['/auth/login'].post.security).toEqual([]);
    expect(doc.paths['/versions'].get.parameters.map((p: { name: string }) => p.name)).toEqual(['sort', 'range', 'filter']);
    // The component schemas are valid JSON Schema 2020-12 that ajv can compile.
    const ajv = createAjv({ strict: false });
    const validate = ajv.compile({ components: { schemas }, $ref: '#/components/schemas/RuleSetVersion' });
    expect(validate(sonLa2021())).toBe(true);
    expect(validate({ ...sonLa2021(), criteria: [] })).toBe(false);
    for (const name of Object.keys(schemas)) ajv.compile({ components: { schemas }, $ref: `#/components/schemas/${name}` });
  });

  it('defines the answers in schemas/api.schema.json, valid JSON Schema 2020-12 with strict types', () => {
    const ajv = createAjv({ strictTypes: true, strictTuples: true });
    ajv.addSchema(apiSchema);
    for (const name of Object.keys(apiSchema.$defs)) expect(ajv.getSchema(`${apiSchema.$id}#/$defs/${name}`), name).toBeTruthy();
    // Enumerations the server defines in code, spelled the same way.
    expect(apiSchema.$defs.Role.enum).toEqual([...ROLES]);
    expect(apiSchema.$defs.PeriodStatus.enum).toEqual([...PERIOD_STATUSES]);
  });

  it('documents every operation with a success response and its schema, and errors as problem+json', async () => {
    const doc = await document();
    const ops = operations(doc);
    expect(ops.length).toBeGreaterThan(60);
    for (const [label, op] of ops) {
      const success = ok(op);
      expect(success.length, `${label} documents no success response`).toBeGreaterThan(0);
      for (const [status, response] of success) {
        if (status === '204') {
          expect(response.content, `${label} 204`).toBeUndefined();
          continue;
        }
        expect(Object.keys(response.content ?? {}).length, `${label} ${status} documents no body`).toBeGreaterThan(0);
        for (const [type, media] of Object.entries<any>(response.content)) expect(media.schema, `${label} ${status} ${type}`).toBeTruthy();
      }
      expect(op.responses.default, label).toEqual({ $ref: '#/components/responses/Problem' });
      for (const [status, response] of Object.entries<any>(op.responses)) {
        if (/^2/.test(status)) continue;
        const problem = response.$ref ? doc.components.responses[response.$ref.split('/').pop()] : response;
        expect(Object.keys(problem.content), `${label} ${status}`).toEqual(['application/problem+json']);
      }
    }
    // The statuses the routes set: 201 for what they create, 204 for no body.
    const status = (path: string, method: string) => ok(doc.paths[path][method]).map(([s]) => s);
    expect(status('/versions/{id}/copy', 'post')).toEqual(['201']);
    expect(status('/submissions/{id}/appraisals', 'post')).toEqual(['201']);
    expect(status('/periods/{id}/evaluate', 'post')).toEqual(['201']);
    expect(status('/submissions/{id}/evaluate', 'post')).toEqual(['201']);
    expect(status('/periods/{id}/ranking/publish', 'post')).toEqual(['201']);
    expect(status('/auth/logout', 'post')).toEqual(['204']);
    expect(status('/versions/{id}/lint', 'post')).toEqual(['200']);
    // Lists are arrays of their resource, with Content-Range.
    const list = doc.paths['/agencies'].get.responses['200'];
    expect(list.content['application/json'].schema).toEqual({
      type: 'array',
      items: { $ref: '#/components/schemas/Agency', unevaluatedProperties: false },
    });
    expect(list.headers['Content-Range'].required).toBe(true);
    // The problem schema takes an instance (a URI reference) beside the members it requires.
    const ajv = createAjv({ strict: false });
    const problem = ajv.compile({ components: doc.components, $ref: '#/components/schemas/Problem' });
    const answer = { type: 'https://chiso.vn/problems/not-found', title: 'Not found', status: 404, detail: 'x', code: 'not-found' };
    expect(problem({ ...answer, instance: '/api/agencies/x' }), JSON.stringify(problem.errors)).toBe(true);
    expect(problem({ ...answer, instance: 7 })).toBe(false);
  });

  it('types the downloads as files and documents their query parameters and the multipart bodies', async () => {
    const doc = await document();
    const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const files = (path: string) => doc.paths[path].get.responses['200'].content;
    const binary = { schema: { type: 'string', format: 'binary' } };
    expect(files('/periods/{id}/template.xlsx')).toEqual({ [XLSX]: binary });
    expect(files('/periods/{id}/export')).toEqual({ [XLSX]: binary, 'text/csv': binary, 'application/pdf': binary });
    expect(files('/evaluations/{id}/report.pdf')).toEqual({ 'application/pdf': binary });
    // No file is typed as JSON: whatever sends an attachment documents no JSON body.
    for (const [label, op] of operations(doc)) {
      for (const [status, response] of ok(op)) {
        if (!response.headers?.['Content-Disposition']) continue;
        for (const [type, media] of Object.entries<any>(response.content))
          expect([label, status, type, media.schema]).toEqual([label, status, type, binary.schema]);
      }
    }
    const query = (path: string, method = 'get') =>
      Object.fromEntries(doc.paths[path][method].parameters.filter((p: any) => p.in === 'query').map((p: any) => [p.name, p]));
    expect(query('/periods/{id}/export').format.schema.enum).toEqual(['xlsx', 'csv', 'pdf']);
    expect(query('/periods/{id}/export').delimiter.schema.enum).toEqual(['comma', 'semicolon']);
    expect(query('/agencies/{id}/cohort').versionId).toMatchObject({ required: true, schema: { format: 'uuid' } });
    expect(Object.keys(query('/versions/in-force'))).toEqual(['ruleSet', 'date']);
    expect(Object.keys(query('/audit/verify'))).toEqual(['checkpoint']);

    const imported = doc.paths['/periods/{id}/import'].post.requestBody;
    expect(imported.required).toBe(true);
    expect(imported.content['multipart/form-data'].schema).toMatchObject({ required: ['file'], properties: { file: binary.schema } });
    const evidence = doc.paths['/submissions/{id}/evidence'].post.requestBody.content;
    expect(Object.keys(evidence)).toEqual(['application/json', 'multipart/form-data']);
    expect(Object.keys(evidence['multipart/form-data'].schema.properties)).toEqual(['file', 'key', 'note']);
    // An optional body (evaluate's versionId) is not a required one.
    expect(doc.paths['/periods/{id}/evaluate'].post.requestBody.required).toBe(false);
  });

  it('has nothing Swagger UI flags: no jsonSchemaDialect other than its default, no $schema in the document', async () => {
    const doc = await document();
    // Swagger UI shows a warning for any jsonSchemaDialect but this one (and 3.1 defaults to it anyway).
    expect(doc.jsonSchemaDialect ?? 'https://spec.openapis.org/oas/3.1/dialect/base').toBe(
      'https://spec.openapis.org/oas/3.1/dialect/base',
    );
    expect(doc.swagger).toBeUndefined();
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(JSON.stringify(doc)).not.toMatch(/"\$(schema|id)":/);
  });

  it('answers agencies with the Agency schema (not the engine’s flattened agency)', async () => {
    const doc = await document();
    const res = await app.request('GET', `/api/agencies/${OWN_AGENCY}`);
    expect(res.status).toBe(200);
    const ajv = createAjv({ strict: false });
    const agency = ajv.compile({ components: doc.components, $ref: '#/components/schemas/Agency', unevaluatedProperties: false });
    expect(agency(res.body), JSON.stringify(agency.errors)).toBe(true);
    expect(agency({ ...res.body, surprise: 1 })).toBe(false);
  });

  it('lists the operations no API suite calls only with a reason, and only operations the document has', async () => {
    const ids = operations(await document()).map(([, op]) => op.operationId);
    for (const [op, reason] of Object.entries(NOT_EXERCISED)) {
      expect(ids, op).toContain(op);
      expect(reason.length, op).toBeGreaterThan(20);
    }
    // That every other operation is called is checked after a run of all the suites (contractCoverage.ts):
    // here, other suites of the same run may not have written their records yet.
  });

  it('serves the Swagger UI page and its assets from the server (no CDN)', async () => {
    const page = await app.request('GET', '/api/docs', { as: null });
    expect(page.status).toBe(200);
    expect(page.text).toContain('/api/docs/swagger-ui-bundle.js');
    expect(page.text).not.toMatch(/https?:\/\//);
    for (const asset of ['swagger-ui-bundle.js', 'swagger-ui.css', 'init.js']) {
      const res = await app.request('GET', `/api/docs/${asset}`, { as: null });
      expect(res.status, asset).toBe(200);
    }
  });

  it('answers /healthz after checking the database, with security headers', async () => {
    const res = await app.request('GET', '/healthz', { as: null });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: backend.name });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('serves the console with an SPA fallback for non-API paths only', async () => {
    const deep = await app.request('GET', '/versions/123/show', { as: null });
    expect(deep.status).toBe(200);
    expect(deep.text).toContain('<div id="root">');
    expect((await app.request('GET', '/app.js', { as: null })).text).toBe('console.log(1)');
    const api = await app.request('GET', '/api/not-a-route', { as: 'admin' });
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('health when the database is gone', () => {
  it('answers 503 problem+json from /healthz once the database cannot be reached', async () => {
    const { createApp } = await import('../../server/http/app');
    const { makeTestDb } = await import('../support/db');
    const pino = (await import('pino')).default;
    const t = await makeTestDb({ name: 'pglite' });
    const server = createApp({ db: t.db, logger: pino({ level: 'silent' }), config: { demo: false, secureCookies: false } }).listen(
      0,
      '127.0.0.1',
    );
    await new Promise((r) => server.once('listening', r));
    const url = `http://127.0.0.1:${(server.address() as import('node:net').AddressInfo).port}/healthz`;
    try {
      expect((await fetch(url)).status).toBe(200);
      await t.db.close();
      const res = await fetch(url, { headers: { 'accept-language': 'en' } });
      expect(res.status).toBe(503);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect((await res.json()).code).toBe('database-unavailable');
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});
