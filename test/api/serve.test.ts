// `chiso serve` end to end: first start seeds the shipped rule sets, agencies and demo accounts
// (passwords printed once), a restart keeps them, CHISO_DEMO=0 creates no users (then `chiso user
// add`), and SIGTERM drains and exits 0.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { login, printedCredentials, spawnServer } from '../support/server';

const root = path.resolve(__dirname, '../..');
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'chiso-serve-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('chiso serve (embedded PGlite)', () => {
  it('seeds an empty database on first start, prints demo passwords once, and keeps data across restarts', async () => {
    const dataDir = tempDir();
    const first = await spawnServer({ DATA_DIR: dataDir });
    let code: number | null;
    let passwords: Record<string, string>;
    try {
      const out = first.output();
      expect(out).toContain('TÀI KHOẢN DEMO');
      passwords = printedCredentials(out);
      expect(Object.keys(passwords).sort()).toEqual(['admin', 'auditor', 'evaluator', 'so-tttt']);
      expect(out).not.toMatch(/FAILED ITS CHECKS|NOT A VALID DOCUMENT/);

      const health = await fetch(`${first.url}/healthz`);
      expect(health.status).toBe(200);
      const admin = await login(first.url, 'admin', passwords.admin);
      expect(admin.status).toBe(200);
      const versions = await (
        await fetch(`${first.url}/api/versions?filter={"ruleSet":"son-la"}`, { headers: { cookie: admin.cookie } })
      ).json();
      // Every shipped version passes its checks and is published, with its hash.
      expect(versions.map((v: { version: string }) => v.version)).toContain('2021');
      for (const v of versions) {
        expect(v.status).toBe('published');
        expect(v.hash).toMatch(/^[0-9a-f]{64}$/);
      }
      const agency = await login(first.url, 'so-tttt', passwords['so-tttt']);
      const me = await (await fetch(`${first.url}/api/auth/me`, { headers: { cookie: agency.cookie } })).json();
      expect(me).toMatchObject({ role: 'agency', agencyId: 'so-tttt' });
    } finally {
      code = await first.stop();
    }
    expect(code).toBe(0);
    expect(first.output()).toContain('database closed');

    const second = await spawnServer({ DATA_DIR: dataDir });
    try {
      expect(second.output()).not.toContain('TÀI KHOẢN DEMO');
      expect(second.output()).toContain('"applied":[]');
      expect((await login(second.url, 'admin', passwords.admin)).status).toBe(200);
    } finally {
      expect(await second.stop('SIGINT')).toBe(0);
    }
  });

  it('under `npm start`, SIGTERM to npm reaches the server: it drains, closes the database and exits, and npm with it', async () => {
    const server = await spawnServer({ DATA_DIR: tempDir(), CHISO_DEMO: '0' }, 90_000, 'npm');
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(await server.stop('SIGTERM')).toBe(0);
    expect(server.output()).toContain('"signal":"SIGTERM"');
    expect(server.output()).toContain('database closed');
    // Nothing is left answering on the port (an orphaned server would still be).
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });

  it('with CHISO_DEMO=0 loads rule sets and agencies but no users; `chiso user add` creates the first admin', async () => {
    const dataDir = tempDir();
    const server = await spawnServer({ DATA_DIR: dataDir, CHISO_DEMO: '0' });
    try {
      expect(server.output()).not.toContain('TÀI KHOẢN DEMO');
      expect((await login(server.url, 'admin', 'anything at all')).status).toBe(401);
      // The running server holds the embedded database; the CLI refuses to open it.
      const busy = spawnSync(
        process.execPath,
        ['server/cli/bin.mjs', 'user', 'add', '--username', 'chief', '--role', 'admin', '--password-stdin'],
        {
          cwd: root,
          env: { ...process.env, DATA_DIR: dataDir },
          input: 'a long enough password\n',
          encoding: 'utf8',
        },
      );
      expect(busy.status).toBe(1);
      expect(busy.stderr).toMatch(/in use by process/);
    } finally {
      expect(await server.stop()).toBe(0);
    }

    const add = spawnSync(
      process.execPath,
      ['server/cli/bin.mjs', 'user', 'add', '--username', 'chief', '--role', 'admin', '--full-name', 'Trưởng phòng', '--password-stdin'],
      {
        cwd: root,
        env: { ...process.env, DATA_DIR: dataDir },
        input: 'a long enough password\n',
        encoding: 'utf8',
      },
    );
    expect(add.status, add.stderr).toBe(0);
    expect(add.stdout).toMatch(/Created admin "chief"/);
    const generated = spawnSync(process.execPath, ['server/cli/bin.mjs', 'user', 'add', '--username', 'thanh-tra', '--role', 'auditor'], {
      cwd: root,
      env: { ...process.env, DATA_DIR: dataDir },
      input: '',
      encoding: 'utf8',
    });
    expect(generated.status, generated.stderr).toBe(0);
    const password = /Password \(shown once\): (\S+)/.exec(generated.stdout)![1];

    const again = await spawnServer({ DATA_DIR: dataDir, CHISO_DEMO: '0' });
    try {
      const chief = await login(again.url, 'chief', 'a long enough password');
      expect(chief.status).toBe(200);
      expect((await login(again.url, 'thanh-tra', password)).status).toBe(200);
      const ruleSets = await (await fetch(`${again.url}/api/rule-sets`, { headers: { cookie: chief.cookie } })).json();
      expect(ruleSets.map((r: { id: string }) => r.id)).toContain('son-la');
      const agencies = await fetch(`${again.url}/api/agencies?range=[0,0]`, { headers: { cookie: chief.cookie } });
      expect(Number(agencies.headers.get('content-range')!.split('/')[1])).toBeGreaterThan(30);
    } finally {
      expect(await again.stop()).toBe(0);
    }
  });
});
