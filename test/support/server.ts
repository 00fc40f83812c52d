// `chiso serve` as a child process, as `npm start` runs it: for tests of first start, demo
// accounts, restart, shutdown and several servers on one database.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ServerProcess {
  proc: ChildProcess;
  url: string;
  /** Everything written to stdout so far. */
  output(): string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** `via: 'npm'` starts it with `npm start`, as the README says, and signals go to npm. */
export async function spawnServer(env: Record<string, string>, timeoutMs = 90_000, via: 'node' | 'npm' = 'node'): Promise<ServerProcess> {
  const [command, args] =
    via === 'npm' ? ['npm', ['start', '--silent']] : [process.execPath, [path.join(root, 'server/cli/bin.mjs'), 'serve']];
  const proc = spawn(command, args, {
    cwd: root,
    env: { ...process.env, PORT: '0', CHISO_CONSOLE_BUILD: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  proc.stdout!.on('data', (d) => (out += String(d)));
  proc.stderr!.on('data', (d) => (err += String(d)));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}\n${err}`)), timeoutMs);
    const check = () => {
      const line = out.split('\n').find((l) => l.includes('"msg":"listening"'));
      if (line) {
        clearTimeout(timer);
        resolve(JSON.parse(line).port);
      }
    };
    proc.stdout!.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${out}\n${err}`));
    });
  });

  return {
    proc,
    url: `http://127.0.0.1:${port}`,
    output: () => out,
    async stop(signal = 'SIGTERM') {
      if (proc.exitCode !== null) return proc.exitCode;
      proc.kill(signal);
      return exited;
    },
  };
}

/** The demo accounts printed in the box on first start. */
export function printedCredentials(output: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const m of output.matchAll(/^│ (\S+)\s+│ (admin|evaluator|auditor|agency)[^│]*│ (\S+)\s+│$/gm)) found[m[1]] = m[3];
  return found;
}

export async function login(url: string, username: string, password: string): Promise<{ status: number; cookie: string }> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return { status: res.status, cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] };
}
