// The built console (console/dist): hashed assets under /assets cached for a year, index.html
// revalidated on every visit (a new build is picked up at once), and the brotli or gzip copy the
// build wrote next to each file (console/vite.config.ts) sent to a browser that accepts it, so the
// server never compresses on the fly. Paths that are not files get index.html (the SPA fallback),
// except under /assets: a chunk of an older build that is gone is a 404, not a page of HTML.
import express from 'express';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Request, Response } from 'express';

/** Vite puts a content hash in every name under /assets: such a file never changes. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html and other unhashed files: the browser may keep them but must ask first (ETag). */
const REVALIDATE = 'no-cache';

const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/** The codings an Accept-Encoding header allows (q > 0); `*` allows any not named. */
export function acceptedEncodings(header: string | undefined): Set<string> {
  const named = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (!coding) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    named.set(coding, q ? Number(q.slice(2)) || 0 : 1);
  }
  const ok = new Set<string>();
  for (const { name } of ENCODINGS) {
    const q = named.get(name) ?? named.get('*') ?? 0;
    if (q > 0) ok.add(name);
  }
  return ok;
}

const isFile = (file: string): boolean => {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
};

export function consoleFiles(consoleDir: string): express.Router {
  const root = path.resolve(consoleDir);
  const assets = path.join(root, 'assets') + path.sep;
  const router = express.Router();

  /** The file for a URL path inside the console folder, or null (also for `..`, dotfiles, NUL). */
  const fileFor = (urlPath: string): string | null => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(urlPath);
    } catch {
      return null;
    }
    if (decoded.includes('\0') || decoded.split('/').some((s) => s.startsWith('.'))) return null;
    const file = path.join(root, decoded);
    if (!file.startsWith(root + path.sep)) return null;
    return isFile(file) ? file : null;
  };

  /** Sends `file` (or its .br/.gz copy) with the caching and encoding headers. */
  const send = (req: Request, res: Response, file: string, next: express.NextFunction) => {
    const accepted = acceptedEncodings(req.headers['accept-encoding']);
    const copy = ENCODINGS.find(({ name, suffix }) => accepted.has(name) && isFile(file + suffix));
    const hasCopies = ENCODINGS.some(({ suffix }) => existsSync(file + suffix));
    res.set('Cache-Control', file.startsWith(assets) ? IMMUTABLE : REVALIDATE);
    if (hasCopies) res.vary('Accept-Encoding');
    // The type of the file itself, not of its compressed copy (send keeps a type already set).
    res.type(path.extname(file));
    if (copy) res.set('Content-Encoding', copy.name);
    res.sendFile(copy ? file + copy.suffix : file, { cacheControl: false, dotfiles: 'allow' }, (error) => {
      if (error && !res.headersSent) next(error);
    });
  };

  router.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (req.path === '/api' || req.path.startsWith('/api/')) return next();
    const file = req.path === '/' ? null : fileFor(req.path);
    if (file) return send(req, res, file, next);
    if (req.path.startsWith('/assets/')) return next();
    const index = path.join(root, 'index.html');
    if (!isFile(index)) {
      res
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('Giao diện quản trị chưa được build (console/dist). / The console has not been built.');
      return;
    }
    send(req, res, index, next);
  });
  return router;
}
