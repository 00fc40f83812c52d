// The built console as the server sends it: hashed assets cached for a year, index.html (also as the
// SPA fallback) revalidated each time, and the brotli or gzip copy written at build time sent by
// Accept-Encoding, with the type of the original file. Read over raw HTTP: fetch would decompress.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { backends } from '../support/db';
import { startTestApp, type TestApp } from '../support/app';
import { acceptedEncodings } from '../../server/http/consoleFiles';

const INDEX = '<!doctype html><title>Chỉ Số</title><div id="root"></div><script type="module" src="/assets/index-abc123.js"></script>';
const SCRIPT = `export const big = ${JSON.stringify('chỉ số '.repeat(400))};\n`;

interface Raw {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

const get = (url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> =>
  new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });

describe('acceptedEncodings', () => {
  it('reads codings and q-values, with * for the rest', () => {
    expect([...acceptedEncodings('gzip, deflate, br, zstd')].sort()).toEqual(['br', 'gzip']);
    expect([...acceptedEncodings('br;q=0, gzip;q=0.5')]).toEqual(['gzip']);
    expect([...acceptedEncodings('*')].sort()).toEqual(['br', 'gzip']);
    expect([...acceptedEncodings('*;q=0, gzip')]).toEqual(['gzip']);
    expect([...acceptedEncodings('identity')]).toEqual([]);
    expect([...acceptedEncodings(undefined)]).toEqual([]);
  });
});

describe('the console files', () => {
  let app: TestApp;
  const consoleDir = mkdtempSync(path.join(tmpdir(), 'chiso-console-'));
  beforeAll(async () => {
    mkdirSync(path.join(consoleDir, 'assets'));
    const files: Record<string, string> = { 'index.html': INDEX, 'assets/index-abc123.js': SCRIPT };
    for (const [name, text] of Object.entries(files)) {
      const file = path.join(consoleDir, name);
      writeFileSync(file, text);
      writeFileSync(`${file}.br`, brotliCompressSync(text));
      writeFileSync(`${file}.gz`, gzipSync(text));
    }
    writeFileSync(path.join(consoleDir, 'assets', 'plain-def456.js'), 'console.log(1)');
    app = await startTestApp(backends[0], { config: { consoleDir } });
  });
  afterAll(async () => {
    await app?.close();
    rmSync(consoleDir, { recursive: true, force: true });
  });

  it('sends hashed assets as brotli, else gzip, else as they are, cached for a year', async () => {
    const url = `${app.url}/assets/index-abc123.js`;
    const br = await get(url, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/^text\/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toMatch(/Accept-Encoding/i);
    expect(brotliDecompressSync(br.body).toString()).toBe(SCRIPT);
    expect(br.body.length).toBeLessThan(Buffer.byteLength(SCRIPT) / 10);

    const gz = await get(url, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(SCRIPT);

    const plain = await get(url);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(SCRIPT);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    // The variants have their own validators; a revalidation of the brotli copy is a 304.
    expect(br.headers.etag).toBeTruthy();
    expect(br.headers.etag).not.toBe(plain.headers.etag);
    const again = await get(url, { 'accept-encoding': 'br', 'if-none-match': String(br.headers.etag) });
    expect(again.status).toBe(304);

    // A file without compressed copies is sent as it is.
    const small = await get(`${app.url}/assets/plain-def456.js`, { 'accept-encoding': 'br, gzip' });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.body.toString()).toBe('console.log(1)');
  });

  it('sends index.html, also for page paths, to be revalidated on every visit', async () => {
    for (const page of ['/', '/index.html', '/versions/123/show']) {
      const res = await get(app.url + page, { 'accept-encoding': 'br' });
      expect(res.status, page).toBe(200);
      expect(res.headers['cache-control'], page).toBe('no-cache');
      expect(res.headers['content-encoding'], page).toBe('br');
      expect(res.headers['content-type'], page).toMatch(/^text\/html/);
      expect(brotliDecompressSync(res.body).toString(), page).toBe(INDEX);
    }
    const head = await get(app.url + '/', { 'accept-encoding': 'gzip' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-encoding']).toBe('gzip');
    expect(head.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('answers 404 for a missing asset and refuses paths out of the folder', async () => {
    const gone = await get(`${app.url}/assets/index-old999.js`, { 'accept-encoding': 'br' });
    expect(gone.status).toBe(404);
    expect(gone.headers['content-type']).toContain('application/problem+json');
    for (const bad of ['/assets/..%2f..%2fetc%2fpasswd', '/%2e%2e/%2e%2e/etc/passwd', '/.env']) {
      const res = await get(app.url + bad);
      expect(res.body.toString(), bad).not.toContain('root:');
      expect([200, 400, 404], bad).toContain(res.status);
      if (res.status === 200) expect(res.body.toString(), bad).toBe(INDEX);
    }
  });
});
