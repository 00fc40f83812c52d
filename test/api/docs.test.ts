// /api/openapi.json (generated from schemas/ and the mounted routes), the Swagger UI page served
// locally, /healthz, and the console's SPA fallback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { backends } from '../support/db';
import { startTestApp, type TestApp } from '../support/app';
import { createAjv } from '../../server/engine/ajv';
import { sonLa2021 } from '../support/fixtures';

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

  it('publishes an OpenAPI 3.1 document with the formats of schemas/ and every route', async () => {
    const res = await app.request('GET', '/api/openapi.json', { as: null });
    expect(res.status).toBe(200);
    const doc = res.body;
    expect(doc.openapi).toBe('3.1.0');
    const schemas = doc.components.schemas;
    for (const name of ['RuleSetVersion', 'Agency', 'SubmissionInput', 'Node', 'Cohort', 'LegalBasis', 'Problem']) {
      expect(schemas[name], name).toBeTruthy();
    }
    // Every $ref resolves inside the document.
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    for (const ref of refs) {
      const target = ref.slice(8, -1);
      expect(target.startsWith('#/components/schemas/'), target).toBe(true);
      expect(schemas[target.split('/').pop()!], target).toBeTruthy();
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
