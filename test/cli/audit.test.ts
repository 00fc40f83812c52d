// `chiso audit checkpoint` and `chiso audit verify`: a head kept outside the system, and the log
// checked against it — in words, with exit 1 when it does not hold. A stale lock of the embedded
// database, whose PID another process now has, does not stop them.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chisoIn } from '../support/cli';

describe('chiso audit', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'chiso-audit-'));
  const env = { DATA_DIR: dataDir, DATABASE_URL: '' };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints a checkpoint, verifies against it, and says when the log no longer reaches it', async () => {
    // A lock left by a server that died, whose PID now belongs to another live process (here: init).
    writeFileSync(path.join(dataDir, 'pglite.lock'), '1 999999999');
    const added = await chisoIn(env, 'user', 'add', '--username', 'thanh-tra', '--role', 'auditor');
    expect(added.code, added.stderr).toBe(0);
    // The key was generated beside the database, readable by its owner only.
    expect(statSync(path.join(dataDir, 'audit.key')).mode & 0o777).toBe(0o600);

    const checkpoint = await chisoIn(env, 'audit', 'checkpoint');
    expect(checkpoint.code, checkpoint.stderr).toBe(0);
    const head = checkpoint.stdout.trim();
    expect(head).toMatch(/^\d+:[0-9a-f]{64}$/);

    const ok = await chisoIn(env, 'audit', 'verify', '--checkpoint', head);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toContain('Nhật ký toàn vẹn');

    const [n, hash] = head.split(':');
    const ahead = await chisoIn(env, 'audit', 'verify', '--checkpoint', `${Number(n) + 5}:${hash}`);
    expect(ahead.code).toBe(1);
    expect(ahead.stdout).toContain('Nhật ký bị cắt');
    expect(ahead.stdout).toContain('The log was cut short');

    expect((await chisoIn(env, 'audit', 'verify', '--checkpoint', 'nonsense')).code).toBe(2);
  }, 120_000);
});
