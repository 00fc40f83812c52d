// POST /auth/login, POST /auth/logout, GET /auth/me.
import { Router } from 'express';
import type { AppContext } from '../context';
import { anyRole, clearSessionCookie, loginRateLimit, SESSION_COOKIE, setSessionCookie } from '../auth';
import { object, validateBody } from '../validate';
import { recordAudit } from '../../store/audit';
import { decoyHash, verifyPassword } from '../../store/passwords';
import { createSession, deleteSession } from '../../store/sessions';
import { findForLogin } from '../../store/users';
import { Problem } from '../../problems/problem';

export const loginBody = object(
  {
    username: { type: 'string', minLength: 1, maxLength: 64 },
    password: { type: 'string', minLength: 1, maxLength: 1024 },
  },
  ['username', 'password'],
);

const badCredentials = () =>
  new Problem('bad-credentials', {
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    en: 'Wrong username or password.',
  });

export function routes(ctx: AppContext): Router {
  const router = Router();

  router.post('/auth/login', loginRateLimit(ctx), validateBody(loginBody), async (req, res) => {
    const { username, password } = req.body as { username: string; password: string };
    const user = await findForLogin(ctx.db, username.trim().toLowerCase());
    // An unknown user costs a hash verification too, so response time does not reveal who exists.
    const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
    if (!user || !ok || user.disabled) throw badCredentials();
    const session = await ctx.db.transaction(async (tx) => {
      const s = await createSession(tx, user.id);
      await recordAudit(tx, { actor: user.username, action: 'login', resource: 'sessions', resourceId: user.id });
      return s;
    });
    setSessionCookie(ctx, res, session.token, session.expiresAt);
    res.json({ id: user.id, username: user.username, fullName: user.fullName, role: user.role, agencyId: user.agencyId });
  });

  router.post('/auth/logout', anyRole(), async (req, res) => {
    await ctx.db.transaction(async (tx) => {
      await deleteSession(tx, String(req.cookies[SESSION_COOKIE]));
      await recordAudit(tx, { actor: req.user.username, action: 'logout', resource: 'sessions', resourceId: req.user.id });
    });
    clearSessionCookie(ctx, res);
    res.status(204).end();
  });

  router.get('/auth/me', anyRole(), (req, res) => {
    res.json(req.user);
  });

  return router;
}
