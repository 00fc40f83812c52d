// The Express application: security headers, logging, the JSON API under /api (one router module
// per resource, listed in routes/index.ts), /healthz, and the built console with SPA fallback.
import express from 'express';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AppContext } from './context';
import { sessionGate } from './auth';
import { errorHandler, sendProblem } from './problem';
import { rejectForbiddenKeys } from './validate';
import { rejectBadText } from './inputGuards';
import { requireKnownBodyType } from './contentTypes';
import { allowedOriginsFrom, refuseCrossOrigin } from './sameOrigin';
import { answerClientErrors } from './clientErrors';
import { Problem } from '../problems/problem';
import { fromRoot } from '../paths';
import { ROUTE_MODULES } from './routes';
import { consoleFiles } from './consoleFiles';

/** Body size limit for JSON; uploads (multipart) have their own limits in their routes. */
const JSON_LIMIT = '2mb';

/**
 * The id a proxy or client gave the request (X-Request-Id, if it looks like an id), else a new
 * UUID; sent back in X-Request-Id and written on every log line of the request.
 */
const requestId = (req: IncomingMessage, res: ServerResponse): string => {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && /^[A-Za-z0-9._:-]{1,128}$/.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
};

export function createApp(ctx: AppContext): express.Express {
  const app = express();
  app.disable('x-powered-by');
  const trustProxy = ctx.config.trustProxy?.trim();
  if (trustProxy) app.set('trust proxy', /^\d+$/.test(trustProxy) ? Number(trustProxy) : trustProxy.split(/[\s,]+/).filter(Boolean));
  // What Node's parser refuses before Express sees it (a URL over 16 KB …) is answered in
  // problem+json too, by whichever server the app listens with (`chiso serve`, the tests).
  const listen = app.listen.bind(app) as (...args: unknown[]) => Server;
  app.listen = ((...args: unknown[]) => answerClientErrors(listen(...args))) as typeof app.listen;
  app.use(
    helmet({
      contentSecurityPolicy: {
        // The server speaks plain HTTP unless put behind TLS; upgrading would break local use.
        directives: {
          upgradeInsecureRequests: ctx.config.secureCookies ? [] : null,
          // The console checks a draft against the JSON Schema as it is typed; ajv compiles schemas
          // into functions, which needs eval. Scripts still load only from this origin.
          scriptSrc: ["'self'", "'unsafe-eval'"],
        },
      },
      strictTransportSecurity: ctx.config.secureCookies,
    }),
  );
  app.use(
    pinoHttp({
      logger: ctx.logger,
      genReqId: requestId,
      autoLogging: { ignore: (req) => req.url === '/healthz' },
      // Method and URL only: headers carry the session cookie.
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    }),
  );

  app.get('/healthz', async (req, res) => {
    try {
      await ctx.db.query('SELECT 1');
      res.json({ status: 'ok', database: ctx.db.dialect });
    } catch (err) {
      req.log.error({ err }, 'health check: database unreachable');
      sendProblem(
        req,
        res,
        new Problem('database-unavailable', {
          vi: 'Không kết nối được cơ sở dữ liệu.',
          en: 'The database is unreachable.',
        }),
      );
    }
  });

  // Before any route, in this order: who sent it (403), what type of body (415), then what the
  // body, query and path hold (400). Nothing below the session gate sees a refused request.
  const api = express.Router();
  api.use(refuseCrossOrigin(ctx.config.allowedOrigins ?? allowedOriginsFrom(process.env.CHISO_ALLOWED_ORIGINS)));
  api.use(requireKnownBodyType);
  api.use(express.json({ limit: JSON_LIMIT, type: ['application/json', 'application/*+json'] }));
  api.use(cookieParser());
  api.use(rejectForbiddenKeys);
  api.use(rejectBadText(api));
  api.use(sessionGate(ctx));
  for (const module of ROUTE_MODULES) api.use(module.routes(ctx));
  api.use((req) => {
    throw new Problem('no-such-route', {
      vi: `Không có địa chỉ API ${req.method} /api${req.path}.`,
      en: `There is no API route ${req.method} /api${req.path}.`,
    });
  });
  app.use('/api', api);
  // The OpenAPI document is generated from the routes as mounted.
  app.locals.apiRouter = api;

  // The console: cached and precompressed static files, index.html for every other page path.
  app.use(consoleFiles(ctx.config.consoleDir ?? fromRoot('console/dist')));
  // Anything else (a POST to a console page, say) is a 404 problem too, not Express's HTML page.
  app.use((req) => {
    const what = `${req.method} ${req.path.slice(0, 200)}`;
    throw new Problem('not-found', { vi: `Không có địa chỉ ${what}.`, en: `There is nothing at ${what}.` });
  });

  app.use(errorHandler(ctx.logger));
  return app;
}
