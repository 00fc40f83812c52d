// GET /openapi.json (generated from schemas/ and the mounted routes) and GET /docs, a Swagger UI
// page served from the swagger-ui-dist package (no CDN).
import express, { Router } from 'express';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { AppContext } from '../context';
import { responds } from '../declare';
import { buildOpenApi } from '../openapi';

const swaggerDir = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/swagger-ui-bundle.js'));

const PAGE = `<!doctype html>
<html lang="vi">
<head>
  <meta charset="utf-8">
  <title>Chỉ Số — API</title>
  <link rel="stylesheet" href="/api/docs/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/api/docs/swagger-ui-bundle.js"></script>
  <script src="/api/docs/init.js"></script>
</body>
</html>`;

// A file, not an inline script, so the Content-Security-Policy can stay strict.
const INIT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true, withCredentials: true });`;

export function routes(_ctx: AppContext): Router {
  const router = Router();
  let cached: unknown;

  router.get('/openapi.json', responds(200, { type: 'object', description: 'This document (OpenAPI 3.1)' }), (req, res) => {
    cached ??= buildOpenApi(req.app.locals.apiRouter);
    res.json(cached);
  });
  router.get('/docs', (_req, res) => {
    res.type('html').send(PAGE);
  });
  router.get('/docs/init.js', (_req, res) => {
    res.type('application/javascript').send(INIT);
  });
  router.use('/docs', express.static(swaggerDir, { index: false }));
  return router;
}
