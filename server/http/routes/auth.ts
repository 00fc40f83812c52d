// POST /auth/login, POST /auth/logout, GET /auth/me.
import { Router } from 'express';
import type { AppContext } from '../context';
import { allow, clearSessionCookie, loginRateLimit, SESSION_COOKIE, setSessionCookie } from '../auth';
import { responds } from '../declare';
import { object, validateBody } from '../validate';
import { authenticate, login, logout } from '../../services/auth';

export const loginBody = object(
  {
    username: { type: 'string', minLength: 1, maxLength: 64 },
    password: { type: 'string', minLength: 1, maxLength: 1024 },
  },
  ['username', 'password'],
);

export function routes(ctx: AppContext): Router {
  const router = Router();

  router.post(
    '/auth/login',
    loginRateLimit(ctx),
    validateBody(loginBody),
    responds(200, 'SessionUser', { headers: ['Set-Cookie'] }),
    async (req, res) => {
      const { username, password } = req.body as { username: string; password: string };
      const user = await authenticate(ctx.db, username, password);
      const session = await ctx.db.transaction((tx) => login(tx, user));
      setSessionCookie(ctx, res, session.token, session.expiresAt);
      res.json({ id: user.id, username: user.username, fullName: user.fullName, role: user.role, agencyId: user.agencyId });
    },
  );

  router.post('/auth/logout', allow('session', 'read'), responds(204), async (req, res) => {
    await ctx.db.transaction((tx) => logout(tx, String(req.cookies[SESSION_COOKIE]), req.user));
    clearSessionCookie(ctx, res);
    res.status(204).end();
  });

  router.get('/auth/me', allow('session', 'read'), responds(200, 'SessionUser'), (req, res) => {
    res.json(req.user);
  });

  return router;
}
