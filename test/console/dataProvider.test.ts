// The console's data provider (console/src/providers/dataProvider.ts over console/src/api/http.ts):
// what a user relies on when saving — the edit is sent with the ETag the record was read with (so
// nobody's changes are silently overwritten), the new ETag is kept for the next save, a conflict
// is reported in the server's own Vietnamese words with the offending form fields highlighted,
// and "all rows" really means all of them. globalThis.fetch is replaced by a fake server.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HttpError } from 'react-admin';
import { dataProvider, etagOf } from '../../console/src/providers/dataProvider';
import { apiFetch } from '../../console/src/api/http';

interface Call {
  url: string;
  method: string;
  headers: Headers;
  body: unknown;
}

let calls: Call[];
let answer: (call: Call) => Response;

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });

const problem = (status: number, body: Record<string, unknown>) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/problem+json' } });

beforeEach(() => {
  calls = [];
  answer = () => json(200, {});
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const call: Call = {
        url,
        method: init.method ?? 'GET',
        headers: new Headers(init.headers),
        body: typeof init.body === 'string' ? JSON.parse(init.body) : init.body,
      };
      calls.push(call);
      return answer(call);
    }),
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
});

/** The "stale-etag" answer of PUT /versions/:id (its wording as in server/store/versions.ts). */
const staleDraft = {
  type: 'https://chiso.vn/problems/stale-etag',
  title: 'Xung đột dữ liệu',
  status: 412,
  detail: 'Bản nháp đã được người khác thay đổi sau khi bạn mở nó (ETag không khớp). Hãy tải lại rồi sửa tiếp.',
  code: 'stale-etag',
};

describe('update: saving a record', () => {
  const draft = {
    id: 'v-1',
    ruleSet: 'dti',
    status: 'draft',
    etag: 'e-1',
    document: { version: '2025.1' },
    createdAt: '2025-01-02T00:00:00Z',
  };

  it('sends If-Match with the etag the record was read with, to PUT /api/<resource>/<id>', async () => {
    answer = () => json(200, { ...draft, etag: 'e-2' }, { ETag: '"e-2"' });
    await dataProvider.update('versions', { id: 'v-1', data: { ...draft, document: { version: '2025.2' } }, previousData: draft });
    expect(calls).toHaveLength(1);
    expect(calls[0].method).toBe('PUT');
    expect(calls[0].url).toBe('/api/versions/v-1');
    expect(calls[0].headers.get('If-Match')).toBe('e-1');
  });

  it('an agency read with getOne keeps the ETag header, and its save sends it back in If-Match', async () => {
    const agency = { id: 'so-noi-vu', name: 'Sở Nội vụ', kind: 'department', attributes: {}, active: true };
    answer = () => json(200, agency, { ETag: '"a-1"' });
    const { data: read } = await dataProvider.getOne('agencies', { id: 'so-noi-vu' });
    expect(read.etag).toBe('a-1');
    answer = () => json(200, { ...agency, name: 'Sở Nội vụ tỉnh' }, { ETag: '"a-2"' });
    const { data: saved } = await dataProvider.update('agencies', {
      id: agency.id,
      data: { ...read, name: 'Sở Nội vụ tỉnh' },
      previousData: read,
    });
    expect(calls[1].headers.get('If-Match')).toBe('a-1');
    expect(calls[1].body).not.toHaveProperty('etag');
    expect(saved.etag).toBe('a-2');
  });

  it('sends only the fields the server accepts (it rejects unknown fields)', async () => {
    answer = () => json(200, draft, { ETag: '"e-2"' });
    await dataProvider.update('versions', { id: 'v-1', data: { ...draft, document: { version: '2025.2' } }, previousData: draft });
    expect(calls[0].body).toEqual({ document: { version: '2025.2' } });

    const agency = { id: 'so-noi-vu', name: 'Sở Nội vụ', kind: 'department', attributes: {}, createdAt: 'x', updatedAt: 'y', active: true };
    answer = () => json(200, agency);
    await dataProvider.update('agencies', { id: agency.id, data: { ...agency, name: 'Sở Nội vụ tỉnh' }, previousData: agency });
    expect(calls[1].body).toEqual({ name: 'Sở Nội vụ tỉnh', kind: 'department', attributes: {}, active: true });
  });

  it('keeps the new ETag from the response header on the returned record, without its quotes', async () => {
    const { etag: _old, ...withoutEtag } = draft;
    answer = () => json(200, { ...withoutEtag, document: { version: '2025.2' } }, { ETag: '"e-2"' });
    const { data } = await dataProvider.update('versions', { id: 'v-1', data: draft, previousData: draft });
    expect(data.etag).toBe('e-2');
    expect(data.document).toEqual({ version: '2025.2' });
  });

  it('a second save sends the etag the first save returned, not the one the page was opened with', async () => {
    answer = () => json(200, { id: 'v-1', status: 'draft', document: {} }, { ETag: '"e-2"' });
    const first = await dataProvider.update('versions', { id: 'v-1', data: draft, previousData: draft });
    answer = () => json(200, { id: 'v-1', status: 'draft', document: {} }, { ETag: '"e-3"' });
    const second = await dataProvider.update('versions', { id: 'v-1', data: first.data, previousData: first.data });
    expect(calls[1].headers.get('If-Match')).toBe('e-2');
    expect(second.data.etag).toBe('e-3');
  });

  it('prefers the etag in the response body when the server sends one', async () => {
    answer = () => json(200, { ...draft, etag: 'body-etag' }, { ETag: '"header-etag"' });
    const { data } = await dataProvider.update('versions', { id: 'v-1', data: draft, previousData: draft });
    expect(data.etag).toBe('body-etag');
  });

  it('a submission is saved with its etag (not its revision number)', async () => {
    const submission = { id: 's-1', revision: 3, etag: 'abc123', facts: { so_cuoc_hop: 2 }, status: 'draft', agencyId: 'x' };
    answer = () => json(200, { ...submission, revision: 4, etag: 'def456' }, { ETag: '"def456"' });
    const { data } = await dataProvider.update('submissions', {
      id: 's-1',
      data: { ...submission, facts: { so_cuoc_hop: 4 } },
      previousData: submission,
    });
    expect(calls[0].headers.get('If-Match')).toBe('abc123');
    expect(calls[0].body).toEqual({ facts: { so_cuoc_hop: 4 } });
    expect(data).toMatchObject({ revision: 4, etag: 'def456' });
  });

  it('every resource saves with If-Match: a record read without an ETag sends none (and the server answers 428)', async () => {
    const user = { id: 'u-1', fullName: 'Nguyễn Văn A', role: 'agency' };
    answer = () => json(200, user);
    await dataProvider.update('users', { id: 'u-1', data: user, previousData: user });
    expect(calls[0].headers.has('If-Match')).toBe(false);
    await dataProvider.update('users', { id: 'u-1', data: user, previousData: { ...user, etag: 'u-e1' } });
    expect(calls[1].headers.get('If-Match')).toBe('u-e1');
  });

  it('escapes the id in the URL', async () => {
    answer = () => json(200, {});
    await dataProvider.update('rule-sets', { id: 'dti/2025 ?x', data: { title: 't' }, previousData: { id: 'dti/2025 ?x' } });
    expect(calls[0].url).toBe('/api/rule-sets/dti%2F2025%20%3Fx');
  });
});

describe('etagOf', () => {
  it("is the record's etag, else its revision, else nothing", () => {
    expect(etagOf({ etag: 'x', revision: 2 })).toBe('x');
    expect(etagOf({ revision: 0 })).toBe('0');
    expect(etagOf({ revision: null })).toBeNull();
    expect(etagOf({})).toBeNull();
    expect(etagOf(undefined)).toBeNull();
  });
});

describe('a refused save (problem+json)', () => {
  const save = () => dataProvider.update('versions', { id: 'v-1', data: { document: {} }, previousData: { id: 'v-1', etag: 'old' } });

  it.each([409, 412])("%i: an HttpError whose message is the server's Vietnamese detail", async (status) => {
    answer = () => problem(status, { ...staleDraft, status });
    const error = await save().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(status);
    expect((error as HttpError).message).toBe(staleDraft.detail);
    // the editor reads the problem back from the error (problemOf) to list findings
    expect((error as HttpError).body).toMatchObject({ code: 'stale-etag', detail: staleDraft.detail, problemErrors: [] });
    // no field is to blame: react-admin must not think a form field failed
    expect((error as HttpError).body.errors).toBeUndefined();
  });

  it('422 with errors: each JSON Pointer becomes the form field react-admin highlights', async () => {
    answer = () =>
      problem(422, {
        type: 'https://chiso.vn/problems/invalid-body',
        title: 'Dữ liệu không hợp lệ',
        status: 422,
        detail: 'Dữ liệu gửi lên không hợp lệ.',
        code: 'invalid-body',
        errors: [
          { path: '/facts/so_cuoc_hop', message: 'Phải lớn hơn hoặc bằng 0', code: 'minimum' },
          { path: '/attributes/ma~1so', message: 'Phải là văn bản', code: 'type' },
          { path: '/document/facts/0/label', message: 'Thiếu nhãn tiếng Việt', code: 'required' },
        ],
      });
    const error = (await dataProvider
      .update('submissions', { id: 's-1', data: { facts: { so_cuoc_hop: -1 } }, previousData: { id: 's-1', etag: 'e' } })
      .catch((e: unknown) => e)) as HttpError;

    expect(error.status).toBe(422);
    expect(error.body.errors).toEqual({
      'facts.so_cuoc_hop': 'Phải lớn hơn hoặc bằng 0',
      'attributes.ma/so': 'Phải là văn bản',
      'document.facts.0.label': 'Thiếu nhãn tiếng Việt',
      root: { serverError: 'Dữ liệu gửi lên không hợp lệ.' },
    });
    // the notification starts with the detail, then lists the messages (each also shown under its
    // field), without the JSON Pointers
    const lines = error.message.split('\n');
    expect(lines[0]).toBe('Dữ liệu gửi lên không hợp lệ.');
    expect(lines).toContain('– Phải lớn hơn hoặc bằng 0');
    expect(error.message).not.toContain('/facts/');
    // the raw list stays available (the editor turns it into findings with the pointers)
    expect(error.body.problemErrors.map((e: { path: string }) => e.path)).toEqual([
      '/facts/so_cuoc_hop',
      '/attributes/ma~1so',
      '/document/facts/0/label',
    ]);
  });

  it("an error page that is not JSON (a proxy's 502) still gives a readable error", async () => {
    answer = () => new Response('<html>Bad Gateway</html>', { status: 502, statusText: 'Bad Gateway' });
    const error = (await save().catch((e: unknown) => e)) as HttpError;
    expect(error).toBeInstanceOf(HttpError);
    expect(error.status).toBe(502);
    expect(error.message).toBe('Bad Gateway');
  });

  it('an empty error answer says its status', async () => {
    answer = () => new Response(null, { status: 500 });
    const error = (await save().catch((e: unknown) => e)) as HttpError;
    expect(error.message).toMatch(/500|Internal Server Error/);
  });
});

describe("saveVersionDocument: the rule editor's save", () => {
  it('sends the document with If-Match and returns the new etag from the header', async () => {
    answer = () => json(200, { id: 'v-1', status: 'draft' }, { ETag: '"e-9"' });
    const saved = await dataProvider.saveVersionDocument('v-1', { version: '2025.2' }, 'e-8');
    expect(calls[0]).toMatchObject({ url: '/api/versions/v-1', method: 'PUT', body: { document: { version: '2025.2' } } });
    expect(calls[0].headers.get('If-Match')).toBe('e-8');
    expect(saved.etag).toBe('e-9');
  });

  it('a 412 is an HttpError with status 412 (the editor shows its conflict banner on it)', async () => {
    answer = () => problem(412, staleDraft);
    const error = (await dataProvider.saveVersionDocument('v-1', {}, 'e-8').catch((e: unknown) => e)) as HttpError;
    expect(error.status).toBe(412);
    expect(error.message).toBe(staleDraft.detail);
  });

  it('publishing sends the etag of the last save', async () => {
    answer = () => json(200, { id: 'v-1', status: 'published' });
    await dataProvider.publishVersion(
      'v-1',
      { changeNote: { vi: 'Ban hành' }, legalBasis: { decision: '1/QĐ', date: '2025-01-01', issuer: 'UBND' } },
      'e-9',
    );
    expect(calls[0].url).toBe('/api/versions/v-1/publish');
    expect(calls[0].headers.get('If-Match')).toBe('e-9');
  });
});

describe('requests in general', () => {
  it('ask for Vietnamese first (problem details come back in Vietnamese), with the session cookie', async () => {
    answer = () => json(200, []);
    await apiFetch('/api/periods');
    expect(calls[0].headers.get('Accept-Language')).toMatch(/^vi\b/);
    const init = vi.mocked(globalThis.fetch).mock.calls[0][1] as RequestInit;
    expect(init.credentials).toBe('include');
  });
});

/** A list endpoint like server/http/list.ts: honours ?range=[a,b] up to 1000 rows, says the total in Content-Range. */
const listServer =
  (total: number, resource = 'submissions') =>
  (call: Call) => {
    const url = new URL(call.url, 'http://console.test');
    const [from, to] = JSON.parse(url.searchParams.get('range') ?? '[0,99]') as [number, number];
    const last = Math.min(to, from + 999, total - 1);
    const rows = Array.from({ length: Math.max(0, last - from + 1) }, (_, i) => ({ id: `r${from + i}` }));
    const range = rows.length ? `${from}-${from + rows.length - 1}` : '*';
    return json(200, rows, { 'Content-Range': `${resource} ${range}/${total}` });
  };

describe('getAll: every row of a list (the impact preview needs every submission of the period)', () => {
  it('pages through Content-Range until it has the total', async () => {
    answer = listServer(2345);
    const rows = await dataProvider.getAll('submissions', { periodId: 'p-1' });
    expect(rows).toHaveLength(2345);
    expect(rows[0]).toEqual({ id: 'r0' });
    expect(rows[1000]).toEqual({ id: 'r1000' });
    expect(rows.at(-1)).toEqual({ id: 'r2344' });
    expect(new Set(rows.map((r: { id: string }) => r.id)).size).toBe(2345);

    const asked = calls.map((c) => new URL(c.url, 'http://console.test').searchParams);
    expect(asked.map((p) => p.get('range'))).toEqual(['[0,999]', '[1000,1999]', '[2000,2999]']);
    for (const p of asked) expect(JSON.parse(p.get('filter')!)).toEqual({ periodId: 'p-1' });
    expect(calls.every((c) => c.url.startsWith('/api/submissions?'))).toBe(true);
  });

  it('stops after one request when everything fits in the first page', async () => {
    answer = listServer(1000);
    expect(await dataProvider.getAll('agencies')).toHaveLength(1000);
    expect(calls).toHaveLength(1);
  });

  it('an empty list is one request and no rows', async () => {
    answer = listServer(0);
    expect(await dataProvider.getAll('agencies')).toEqual([]);
    expect(calls).toHaveLength(1);
  });

  it('passes the sort along', async () => {
    answer = listServer(3);
    await dataProvider.getAll('evaluations', {}, ['createdAt', 'DESC']);
    const p = new URL(calls[0].url, 'http://console.test').searchParams;
    expect(JSON.parse(p.get('sort')!)).toEqual(['createdAt', 'DESC']);
  });

  it('does not loop forever when the server sends no Content-Range', async () => {
    answer = () => json(200, [{ id: 'a' }, { id: 'b' }]);
    expect(await dataProvider.getAll('agencies')).toHaveLength(2);
    expect(calls).toHaveLength(1);
  });

  it('stops when the server runs out of rows before the announced total (rows deleted meanwhile)', async () => {
    let n = 0;
    answer = (call) => (n++ === 0 ? listServer(1500)(call) : json(200, [], { 'Content-Range': 'agencies */1500' }));
    expect(await dataProvider.getAll('agencies')).toHaveLength(1000);
    expect(calls).toHaveLength(2);
  });
});

describe('getList: a list page', () => {
  it("asks for the page's range and reads the total from Content-Range (for the pagination)", async () => {
    answer = listServer(57, 'agencies');
    const { data, total } = await dataProvider.getList('agencies', {
      pagination: { page: 2, perPage: 25 },
      sort: { field: 'name', order: 'ASC' },
      filter: { q: 'Sở' },
    });
    expect(total).toBe(57);
    expect(data).toHaveLength(25);
    expect(data[0]).toEqual({ id: 'r25' });
    const p = new URL(calls[0].url, 'http://console.test').searchParams;
    expect(JSON.parse(p.get('range')!)).toEqual([25, 49]);
    expect(JSON.parse(p.get('filter')!)).toEqual({ q: 'Sở' });
  });
});
