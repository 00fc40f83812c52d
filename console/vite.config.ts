import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

// The console imports the pure engine from server/engine (instant previews in the browser),
// so Vite must be allowed to read the whole repository, not only console/.
const root = fileURLToPath(new URL('.', import.meta.url));
const repo = fileURLToPath(new URL('..', import.meta.url));
const outDir = fileURLToPath(new URL('./dist', import.meta.url));

/** Files worth compressing; the server sends the .br or .gz next to them when the browser accepts it. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map|woff)$/;

/**
 * Brotli (quality 11) and gzip (level 9) copies of every text file of the build, written once here
 * so that the server never compresses on the fly.
 */
const precompress = (): Plugin => ({
  name: 'chiso-precompress',
  apply: 'build',
  closeBundle() {
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const file = path.join(dir, name);
        return statSync(file).isDirectory() ? walk(file) : [file];
      });
    for (const file of walk(outDir)) {
      if (!COMPRESSIBLE.test(file)) continue;
      const body = readFileSync(file);
      if (body.length < 512) continue;
      writeFileSync(
        `${file}.br`,
        brotliCompressSync(body, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
        }),
      );
      writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
    }
  },
});

export default defineConfig({
  root,
  base: '/',
  plugins: [react(), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    // Every screen is loaded on first use (React.lazy in App.tsx and the resource index files); the
    // largest chunks left are the entry (react-dom, react-admin's core; 550 kB) and the charts
    // library (recharts + d3; 430 kB), each loaded once and cached for a year.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      treeshake: {
        // The engine and the shared API module are pure (they register nothing on import), so a
        // chunk that needs one export of the engine entry (the method names, for the i18n catalogs)
        // does not also carry the schema validator (ajv) and the rest of the engine.
        moduleSideEffects: [{ test: /[\\/]server[\\/](engine|api)[\\/]/, sideEffects: false }],
      },
    },
  },
  server: {
    fs: { allow: [repo] },
    proxy: { '/api': 'http://localhost:3000' },
  },
});
