// Live schema checking in the rule editor (console/src/api/liveValidation.ts): the editor shows
// schema errors as the administrator types only where the page's Content-Security-Policy lets
// ajv compile schemas (it needs 'unsafe-eval'); elsewhere validateLive says null, so the editor
// says live checking is off instead of claiming "no problems". The module asks once per page.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import minimal from '../fixtures/minimal-version.json';

/** What server/http/app.ts sends today (helmet's defaults with script-src 'self' 'unsafe-eval'). */
const SERVER_POLICY =
  "default-src 'self';base-uri 'self';font-src 'self' https: data:;form-action 'self';frame-ancestors 'self';img-src 'self' data:;object-src 'none';script-src 'self' 'unsafe-eval';script-src-attr 'none';style-src 'self' https: 'unsafe-inline'";

let fetchMock: ReturnType<typeof vi.fn>;

const withPolicy = (policy: string | null) => {
  fetchMock = vi.fn(async () => new Response(null, { status: 200, headers: policy === null ? {} : { 'Content-Security-Policy': policy } }));
  vi.stubGlobal('fetch', fetchMock);
};

/** A fresh module, as on a new page load (the answer is cached per page). */
const load = async () => {
  vi.resetModules();
  return import('../../console/src/api/liveValidation');
};

beforeEach(() => {
  vi.stubGlobal('window', { location: { pathname: '/versions/v-1/edit' } });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('liveValidationAllowed', () => {
  it.each([
    ["the server's own policy", true, SERVER_POLICY],
    ['no policy at all', true, null],
    ["script-src without 'unsafe-eval'", false, "default-src 'self'; script-src 'self'"],
    ["no script-src, default-src with 'unsafe-eval'", true, "default-src 'self' 'unsafe-eval'"],
    ["no script-src, default-src without 'unsafe-eval'", false, "default-src 'self'"],
    ['script-src decides over default-src', false, "default-src 'self' 'unsafe-eval'; script-src 'self'"],
    ['neither directive', true, "img-src 'self'"],
    ['script-src-attr is not script-src', false, "default-src 'self'; script-src-attr 'unsafe-eval'"],
  ] as const)('%s → allowed: %s', async (_label, allowed, policy) => {
    withPolicy(policy);
    const { liveValidationAllowed } = await load();
    expect(await liveValidationAllowed()).toBe(allowed);
  });

  it('asks the page itself, once, with a HEAD request', async () => {
    withPolicy(SERVER_POLICY);
    const { liveValidationAllowed } = await load();
    await Promise.all([liveValidationAllowed(), liveValidationAllowed()]);
    await liveValidationAllowed();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0][0]).toBe('/versions/v-1/edit');
    expect(fetchMock.mock.calls[0][1]).toMatchObject({ method: 'HEAD' });
  });

  it('when the page cannot be asked (offline), live checking is off rather than broken', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    const { liveValidationAllowed, validateLive } = await load();
    expect(await liveValidationAllowed()).toBe(false);
    expect(await validateLive(minimal)).toBeNull();
  });
});

describe('validateLive', () => {
  it('where allowed: no findings for a valid document, a finding at the field for a broken one', async () => {
    withPolicy(SERVER_POLICY);
    const { validateLive } = await load();
    expect(await validateLive(minimal)).toEqual([]);
    const broken = structuredClone(minimal) as any;
    broken.criteria[0].children[0].max = 'mười';
    const findings = await validateLive(broken);
    expect(findings?.length).toBeGreaterThan(0);
    expect(findings!.some((f) => f.severity === 'error' && f.path.startsWith('/criteria/0/children/0'))).toBe(true);
  });

  it('where not allowed: null (the server checks on save instead)', async () => {
    withPolicy("script-src 'self'");
    const { validateLive } = await load();
    expect(await validateLive(minimal)).toBeNull();
  });
});
