// The `chiso` command runs built JavaScript, so starting it compiles nothing: esbuild bundles the
// CLI (each command its own chunk, loaded when it runs) and the scoring worker into server/dist/.
// `npm ci` builds it (prepare); a source newer than the bundle rebuilds it before the next run, so
// a bundle is never stale. Packages stay external: node_modules is resolved as usual.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = path.join(root, 'server/dist');
const stamp = path.join(dist, '.built');

/** Newest modification time of what goes into the bundle. */
function newestSource() {
  let newest = statSync(path.join(root, 'package.json')).mtimeMs;
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (full !== dist) visit(full);
      } else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  visit(path.join(root, 'server'));
  visit(path.join(root, 'schemas'));
  return newest;
}

export const isStale = () => !existsSync(stamp) || statSync(stamp).mtimeMs < newestSource();

export async function build() {
  const { build: esbuild } = await import('esbuild');
  // Built beside the old bundle and swapped in, so a command already running keeps its chunks.
  const next = `${dist}.${process.pid}`;
  rmSync(next, { recursive: true, force: true });
  await esbuild({
    absWorkingDir: root,
    entryPoints: { 'cli/main': 'server/cli/main.ts', 'services/scoring/worker': 'server/services/scoring/tasks.ts' },
    outdir: next,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    chunkNames: 'chunks/[name]-[hash]',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  writeFileSync(path.join(next, '.built'), new Date().toISOString());
  const old = `${dist}.old.${process.pid}`;
  if (existsSync(dist)) renameSync(dist, old);
  mkdirSync(path.dirname(dist), { recursive: true });
  renameSync(next, dist);
  rmSync(old, { recursive: true, force: true });
}

/** The bundle's entry point, built first if missing or older than a source. */
export async function ensureBuilt() {
  if (isStale()) await build();
  return pathToFileURL(path.join(dist, 'cli/main.js')).href;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await build();
