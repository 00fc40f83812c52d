// Where the project's own files are. The server runs from its TypeScript sources (vitest, tsx) or
// from the bundle in server/dist/ (the `chiso` command, npm start); the rule sets, migrations and
// the console build are read from the project folder either way, so every path starts at ROOT.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

function projectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

const ROOT = projectRoot(here);

/** The bundle the `chiso` command runs (see server/cli/build.mjs). */
export const DIST = path.join(ROOT, 'server/dist');

/** True when this code is the bundle rather than the sources. */
export const BUILT = here.startsWith(DIST + path.sep) || here === DIST;

/** A file of the project: fromRoot('server/store/migrations'). */
export const fromRoot = (...parts: string[]): string => path.join(ROOT, ...parts);
