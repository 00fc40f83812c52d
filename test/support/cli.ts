// The real `chiso` command as a child process, as a user runs it: exit code and both streams.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `chiso …args` from the project root; never rejects (a failure is a non-zero code, -1 if killed). */
export function chiso(...args: string[]): Promise<Run> {
  return chisoIn({}, ...args);
}

/** The same, with variables added to the environment (a data folder, a database). */
export function chisoIn(env: NodeJS.ProcessEnv, ...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const options = { cwd: root, timeout: 60_000, env: { ...process.env, ...env } };
    execFile(process.execPath, [path.join(root, 'server/cli/bin.mjs'), ...args], options, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
