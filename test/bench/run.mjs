// `npm run bench`: the benchmark runs on built JavaScript, as the server and the CLI do, not
// through tsx's on-the-fly TypeScript transform (which costs the engine up to a third of its speed
// in this benchmark). The bundle goes to node_modules/.cache/chiso-bench.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const outfile = path.join(root, 'node_modules/.cache/chiso-bench/engine.bench.mjs');
await build({
  entryPoints: [path.join(root, 'test/bench/engine.bench.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  // The native ZEN binding stays a package; everything else is bundled (its CommonJS parts need require).
  external: ['@gorules/zen-engine'],
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
const run = spawnSync(process.execPath, [outfile], { stdio: 'inherit', env: process.env });
process.exit(run.status ?? 1);
