// Errors are RFC 9457 problem+json in Vietnamese or English; bodies are checked strictly (unknown
// fields, prototype keys, size, JSON syntax, text no column holds, body types) before anything
// changes, and so are query strings, path segments and what Node's HTTP parser refuses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import { backends } from '../support/db';
import { startTestApp, type TestApp } from '../support/app';
import { deepConditionText, withDeepCondition } from '../support/deep';
import { sonLa2021 } from '../support/fixtures';
import { openPeriod, publishSonLa } from '../support/assessment';

/** Raw bytes over a socket, for what fetch refuses to send; resolves with the whole answer. */
function rawRequest(url: string, text: string): Promise<{ status: number; headers: string; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(text));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (d) => (answer += d));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head, ...body] = answer.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), headers: head.toLowerCase(), body: body.join('\r\n\r\n') });
    });
  });
}

describe.each(backends)('problem+json and body checks on $name', (backend) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(backend);
  });
  afterAll(async () => {
    await app?.close();
  });

  const countAgencies = async () => (await app.request('GET', '/api/agencies')).headers.get('content-range');

  it('answers in Vietnamese by default and in English when Accept-Language prefers it', async () => {
    const vi = await app.request('GET', '/api/agencies/khong-co', { headers: { 'accept-language': '' } });
    expect(vi.status).toBe(404);
    expect(vi.headers.get('content-type')).toContain('application/problem+json');
    expect(vi.body).toMatchObject({ type: 'https://chiso.vn/problems/not-found', title: 'Không tìm thấy', status: 404, code: 'not-found' });
    expect(vi.body.detail).toBe('Không tìm thấy cơ quan "khong-co".');
    const en = await app.request('GET', '/api/agencies/khong-co', { headers: { 'accept-language': 'en-US,en;q=0.9,vi;q=0.5' } });
    expect(en.body.title).toBe('Not found');
    expect(en.body.detail).toBe('Agency "khong-co" not found.');
    const viFirst = await app.request('GET', '/api/agencies/khong-co', { headers: { 'accept-language': 'vi-VN,vi;q=0.9,en;q=0.8' } });
    expect(viFirst.body.title).toBe('Không tìm thấy');
  });

  it('rejects unknown fields with their path, and changes nothing', async () => {
    const before = await countAgencies();
    const res = await app.request('POST', '/api/agencies', { body: { id: 'moi', name: 'Mới', kind: 'board', colour: 'red' }, lang: 'en' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid-body');
    expect(res.body.errors).toEqual([{ path: '/colour', message: 'Property "colour" is not allowed here', code: 'schema' }]);
    expect(await countAgencies()).toBe(before);
  });

  it('reports every invalid field with a path and a message in the chosen language', async () => {
    const res = await app.request('POST', '/api/users', { body: { username: 'A B', role: 'boss' } });
    expect(res.status).toBe(400);
    const paths = res.body.errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(['/password', '/role', '/username']);
    expect(res.body.errors.find((e: { path: string }) => e.path === '/password').message).toBe('Thiếu trường bắt buộc "password"');
  });

  it.each(['__proto__', 'constructor', 'prototype'])('rejects a "%s" key anywhere in the body', async (key) => {
    const before = await countAgencies();
    const raw = `{"id":"hack","name":"x","kind":"board","attributes":{"${key}":{"polluted":true}}}`;
    const res = await app.request('POST', '/api/agencies', { raw });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('forbidden-key');
    expect(res.body.errors[0].path).toBe(`/attributes/${key}`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await countAgencies()).toBe(before);
  });

  it('rejects a prototype key even where no schema looks (a route without a body schema)', async () => {
    const res = await app.request('POST', '/api/auth/logout', { raw: '{"__proto__":{"x":1}}' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('forbidden-key');
  });

  it('rejects malformed JSON (400) and an oversized body (413)', async () => {
    const bad = await app.request('POST', '/api/agencies', { raw: '{"id": "x",', lang: 'en' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('invalid-json');
    const big = await app.request('POST', '/api/agencies', {
      raw: JSON.stringify({ id: 'big', name: 'x'.repeat(3 * 1024 * 1024), kind: 'board' }),
    });
    expect(big.status).toBe(413);
    expect(big.body.code).toBe('payload-too-large');
  });

  it('refuses a body nested thousands of levels deep with one problem and its path, on any route', async () => {
    const deep = withDeepCondition(sonLa2021({ version: 'sau' }));
    const before = (await app.request('GET', '/api/versions')).headers.get('content-range');
    const res = await app.request('POST', '/api/versions', {
      raw: `{"document":${deep}}`,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status, res.text).toBe(400);
    expect(res.body.code).toBe('too-deep');
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors[0].path).toMatch(/^\/document\/criteria\/0\/children\/0\/scoring\/when(\/all\/0)+\/all$/);
    expect(res.body.detail).toContain('68');
    expect((await app.request('GET', '/api/versions')).headers.get('content-range')).toBe(before);
    const agencies = await app.request('POST', '/api/agencies', {
      raw: `{"id":"sau","name":"Sâu","kind":"board","x":${deepConditionText(5_000)}}`,
      headers: { 'content-type': 'application/json' },
    });
    expect([agencies.status, agencies.body.code]).toEqual([400, 'too-deep']);
  });

  it('answers unknown API routes with a 404 problem, and bad list parameters with a 400', async () => {
    const res = await app.request('DELETE', '/api/rule-sets/son-la', { lang: 'en' });
    expect(res.status).toBe(404);
    expect(res.body.detail).toBe('There is no API route DELETE /api/rule-sets/son-la.');
    // Outside the API too: a POST to a console page is a 404 problem, not Express's HTML page.
    const page = await app.request('POST', '/versions/1/show', { as: null, body: {} });
    expect([page.status, page.headers.get('content-type'), page.body.code]).toEqual([
      404,
      'application/problem+json; charset=utf-8',
      'not-found',
    ]);
    expect((await app.request('GET', '/api/agencies?sort=["password","ASC"]')).status).toBe(400);
    expect((await app.request('GET', '/api/agencies?range=[5,1]')).status).toBe(400);
    expect((await app.request('GET', '/api/agencies?filter=[1]')).status).toBe(400);
  });

  const tableCounts = async () => {
    const tables = ['agencies', 'users', 'sessions', 'rule_sets', 'versions', 'periods', 'submissions', 'evidence', 'audit_log'];
    const counts: Record<string, number> = {};
    for (const t of tables) counts[t] = (await app.ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`)).rows[0].n;
    return counts;
  };
  const paths = (res: { body: { errors?: { path: string }[] } }) => (res.body.errors ?? []).map((e) => e.path).sort();

  it('refuses NUL and lone surrogates anywhere in a JSON body — values, keys, nested — naming each field; nothing stored', async () => {
    const before = await tableCounts();
    const raw =
      '{"id":"nul","name":"a\\u0000b","kind":"board","attributes":{"deep":{"list":["ok","x\\ud800"]},"k\\u0000":1,"pair":"\\ud83d\\ude00"}}';
    const res = await app.request('POST', '/api/agencies', { raw, lang: 'en' });
    expect(res.status, res.text).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.code).toBe('invalid-text');
    expect(paths(res)).toEqual(['/attributes/deep/list/1', '/attributes/k\\u0000', '/name']);
    expect(res.body.errors.find((e: { path: string }) => e.path === '/name').message).toContain('NUL');
    expect(res.body.errors.find((e: { path: string }) => e.path === '/attributes/deep/list/1').message).toContain('U+D800');
    // A localized title, as the brief's /title/vi.
    const title = await app.request('PUT', '/api/rule-sets/son-la', { raw: '{"title":{"vi":"\\udc00"}}' });
    expect([title.status, paths(title)]).toEqual([400, ['/title/vi']]);
    expect(await tableCounts()).toEqual(before);
  });

  it('checks the sign-in body before signing in', async () => {
    const res = await app.request('POST', '/api/auth/login', { as: null, raw: '{"username":"admin\\u0000","password":"x"}' });
    expect([res.status, res.body.code, paths(res)]).toEqual([400, 'invalid-text', ['/username']]);
  });

  it('refuses bad text in query strings, also inside their JSON, naming the parameter', async () => {
    const filter = (text: string) => `/api/agencies?filter=${encodeURIComponent(text)}`;
    for (const url of [filter('{"q":"a\\u0000b"}'), filter('{"q":"\\ud800"}'), filter('{"q":"a\u0000b"}'), filter('{"id":["\\u0000"]}')]) {
      const res = await app.request('GET', url, { lang: 'en' });
      expect([res.status, res.body.code, paths(res)], url).toEqual([400, 'invalid-text', ['/query/filter']]);
    }
    const plain = await app.request('GET', '/api/versions/in-force?ruleSet=son-la%00&date=2021-06-01');
    expect([plain.status, paths(plain)]).toEqual([400, ['/query/ruleSet']]);
    // Brackets stay as they are in a URL's query, so 6,000 levels fit in 16 KB.
    const deep = await app.request('GET', `/api/agencies?filter={"id":${'['.repeat(6000)}${']'.repeat(6000)}}`);
    expect([deep.status, deep.body.code, paths(deep)]).toEqual([400, 'too-deep', ['/query/filter']]);
  });

  it('refuses bad text and broken percent-encoding in path segments, named as the route names them', async () => {
    const before = await tableCounts();
    for (const [method, url, path] of [
      ['GET', '/api/agencies/a%00b', '/path/id'],
      ['DELETE', '/api/agencies/so-tttt%00', '/path/id'],
      ['GET', '/api/agencies/%ED%A0%80', '/path/id'],
      ['GET', '/api/versions/x/diff/%FF', '/path/otherId'],
      ['POST', '/api/versions/%00/retire', '/path/id'],
    ]) {
      const res = await app.request(method, url);
      expect([res.status, res.body.code, paths(res)], url).toEqual([400, 'invalid-text', [path]]);
    }
    expect(await tableCounts()).toEqual(before);
  });

  it('answers 400 for a range that is not a page of rows, on every list endpoint', async () => {
    const doc = (await app.request('GET', '/api/openapi.json', { as: null })).body;
    const lists = Object.entries(doc.paths as Record<string, { get?: { parameters: { name: string }[] } }>)
      .filter(([, ops]) => ops.get?.parameters.some((p) => p.name === 'range'))
      .map(([path]) => path);
    expect(lists.length).toBeGreaterThan(8);
    lists.push('/submissions/{id}/revisions'); // a list too, though the document does not say so
    for (const path of lists) {
      const url = `/api${path.replace(/\{[^}]+\}/g, 'x')}`;
      for (const range of ['[1e300,1e300]', '[0,1e300]', '[-1,5]', '[0.5,2]', '[10000001,10000002]', '["0",1]', '[0]']) {
        const res = await app.request('GET', `${url}?range=${encodeURIComponent(range)}`);
        expect([res.status, res.body.code, paths(res)], `${url} ${range}`).toEqual([400, 'invalid-query', ['/query/range']]);
      }
    }
    const edge = await app.request('GET', '/api/agencies?range=[10000000,10000000]');
    expect([edge.status, edge.headers.get('content-range')]).toEqual([200, 'agencies */3']);
  });

  it('refuses a body nested ~6,000 levels deep on every kind of route, sign-in included', async () => {
    const deep = deepConditionText(6_000);
    for (const [method, url, as] of [
      ['POST', '/api/auth/login', null],
      ['POST', '/api/auth/logout', 'admin'],
      ['PUT', '/api/agencies/so-tttt', 'admin'],
      ['POST', '/api/versions', 'admin'],
    ] as const) {
      for (const raw of [deep, `[${deep}]`, `{"x":${deep}}`]) {
        const res = await app.request(method, url, { as, raw });
        expect([res.status, res.body.code], url).toEqual([400, 'too-deep']);
      }
    }
  });

  it('answers 415 to a body of a type the route does not read, and keeps bodiless requests working', async () => {
    const before = await tableCounts();
    for (const [type, raw] of [
      ['text/plain', '{"id":"tp","name":"x","kind":"board"}'],
      ['application/x-www-form-urlencoded', 'id=tp&name=x&kind=board'],
      ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="id"\r\n\r\ntp\r\n--x--\r\n'],
    ]) {
      const res = await app.request('POST', '/api/agencies', { raw, headers: { 'content-type': type }, lang: 'en' });
      expect([res.status, res.body.code], type).toEqual([415, 'unsupported-media-type']);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.detail).toContain('application/json');
    }
    const untyped = await fetch(`${app.url}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie: app.users.admin.cookie },
      body: new Blob(['{}']), // a body without a type
    });
    expect(untyped.status).toBe(415);
    // The import takes only a multipart form.
    const json = await app.request('POST', '/api/periods/x/import', { body: {} });
    expect([json.status, json.body.code]).toEqual([415, 'unsupported-media-type']);
    expect(await tableCounts()).toEqual(before);

    // react-admin deletes with "Content-Type: text/plain" and no body; a POST may have no body at all.
    await app.request('POST', '/api/agencies', { body: { id: 'xoa-tam', name: 'Xóa tạm', kind: 'board' } });
    const removed = await app.request('DELETE', '/api/agencies/xoa-tam', { headers: { 'content-type': 'text/plain' } });
    expect(removed.status, removed.text).toBe(200);
    const session = await app.login(app.users.evaluator.username, app.users.evaluator.password);
    const cookie = (session.headers.get('set-cookie') ?? '').split(';')[0];
    const logout = await fetch(`${app.url}/api/auth/logout`, { method: 'POST', headers: { cookie } });
    expect(logout.status).toBe(204);
  });

  it('answers what the HTTP parser refuses (a 16 KB URL, huge headers, a malformed request) in problem+json', async () => {
    const long = await app.request('GET', `/api/agencies?filter=${'a'.repeat(17 * 1024)}`);
    expect(long.status).toBe(431);
    expect(long.headers.get('content-type')).toContain('application/problem+json');
    expect(long.body).toMatchObject({ status: 431, code: 'headers-too-large', title: expect.any(String), detail: expect.any(String) });
    const header = await app.request('GET', '/api/agencies', { headers: { 'x-big': 'b'.repeat(20 * 1024) } });
    expect([header.status, header.body.code]).toEqual([431, 'headers-too-large']);
    const malformed = await rawRequest(app.url, 'GET /api/agencies HTTP/1.1\r\nHost: x\r\nNot a header\r\n\r\n');
    expect(malformed.status).toBe(400);
    expect(malformed.headers).toContain('content-type: application/problem+json');
    expect(JSON.parse(malformed.body)).toMatchObject({ status: 400, code: 'bad-request' });
    // The server still answers afterwards.
    expect((await app.request('GET', '/api/agencies')).status).toBe(200);
  });

  it('refuses a NUL in the text fields of a multipart upload as a 400, not a 500', async () => {
    const version = await publishSonLa(app, 'nul-upload');
    const period = await openPeriod(app, version.id);
    const draft = await app.request('POST', '/api/submissions', { as: 'agency', body: { periodId: period.id, facts: {} } });
    expect(draft.status, draft.text).toBe(201);
    const before = await tableCounts();
    const form = new FormData();
    form.append('key', 'plan_issued');
    form.append('note', 'a\u0000b');
    form.append('file', new Blob([Buffer.from('%PDF-1.4\n%%EOF\n')]), 'k.pdf');
    const res = await fetch(`${app.url}/api/submissions/${draft.body.id}/evidence`, {
      method: 'POST',
      headers: { cookie: app.users.agency.cookie },
      body: form,
    });
    const body = await res.json();
    expect([res.status, body.code]).toEqual([400, 'invalid-text']);
    expect(await tableCounts()).toEqual(before);
  });
});
