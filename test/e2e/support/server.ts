// Starts the real server (`chiso serve`) on a free port with a fresh data folder and demo data,
// and reads the demo passwords it prints once.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

const ROOT = path.resolve(here, '../../..');

export interface RunningServer {
  url: string;
  passwords: Record<string, string>;
  output: () => string;
  stop: () => Promise<void>;
}

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });

/** "│ admin │ admin │ 7nF94T… │" rows of the credentials box. */
export function parsePasswords(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const cells = line
      .split('│')
      .map((c) => c.trim())
      .filter(Boolean);
    if (cells.length === 3 && !cells[0].startsWith('Tên đăng nhập')) out[cells[0]] = cells[2];
  }
  return out;
}

export async function startServer(): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'chiso-e2e-'));
  let text = '';
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'server/cli/bin.mjs'), 'serve'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, CHISO_DEMO: '1', LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (text += String(d)));
  child.stderr!.on('data', (d) => (text += String(d)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${text.slice(-3000)}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start:\n${text.slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  const passwords = parsePasswords(text);
  return {
    url,
    passwords,
    output: () => text,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The API as one demo user, the way a script calls it (no browser, so no Origin header): signs in,
 * then each call sends the session cookie and gives the parsed answer, or throws with the problem.
 */
/** The session cookie of a demo user, signed in over the API. */
export async function cookieFor(server: RunningServer, username: string): Promise<string> {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: server.passwords[username] }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${username}: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

export async function apiAs(server: RunningServer, username: string) {
  const cookie = await cookieFor(server, username);
  return async <T = Record<string, unknown>>(
    method: string,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> => {
    const r = await fetch(`${server.url}/api${url}`, {
      method,
      headers: { Cookie: cookie, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${url}: ${r.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
}

type Api = Awaited<ReturnType<typeof apiAs>>;

/**
 * Links a document for every fact the submission's version requires evidence for and that has none
 * yet (the province's document portal), as an agency does for the bulk of its evidence.
 */
export async function fileRequiredEvidence(api: Api, submissionId: string): Promise<number> {
  const { schema } = await api<{ schema: { properties: { facts: { properties: Record<string, { 'x-evidence'?: string }> } } } }>(
    'GET',
    `/submissions/${submissionId}/schema`,
  );
  const submission = await api<{ evidence: { key: string }[] }>('GET', `/submissions/${submissionId}`);
  const filed = new Set(submission.evidence.map((e) => e.key));
  const missing = Object.entries(schema.properties.facts.properties)
    .filter(([key, fact]) => fact['x-evidence'] === 'required' && !filed.has(key))
    .map(([key]) => key);
  for (const key of missing) {
    await api('POST', `/submissions/${submissionId}/evidence`, { key, kind: 'link', url: `https://sonla.gov.vn/van-ban/${key}` });
  }
  return missing.length;
}
