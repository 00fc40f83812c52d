// /users: accounts and roles (admin writes; the auditor reads). Users are disabled, never deleted.
import { Router } from 'express';
import type { AppContext } from '../context';
import { allow } from '../auth';
import { listOf, responds } from '../declare';
import { filterBoolean, filterString, pageOf, parseListQuery, sendList } from '../list';
import { object, validateBody } from '../validate';
import { createUser, disableUser, listUsers, requireUser, ROLES, updateUser, USER_SORT, type Role } from '../../services/users';
import { ifMatch, sendTagged } from '../ifMatch';

const username = { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]{1,63}$' };
const password = { type: 'string', minLength: 10, maxLength: 1024 };
const fullName = { type: 'string', maxLength: 200 };
const role = { enum: [...ROLES] };
const agencyId = { type: ['string', 'null'], pattern: '^[a-z0-9][a-z0-9_\\-]{0,63}$' };

export const createUserBody = object({ username, fullName, role, agencyId, password }, ['username', 'role', 'password']);
// react-admin sends the whole record back on update; read-only fields are accepted and ignored.
export const updateUserBody = object({
  fullName,
  role,
  agencyId,
  password,
  disabled: { type: 'boolean' },
  id: { type: 'string' },
  username,
  createdAt: { type: 'string' },
  updatedAt: { type: 'string' },
});

export function routes(ctx: AppContext): Router {
  const router = Router();

  router.get('/users', allow('users', 'read'), listOf('User'), async (req, res) => {
    const q = parseListQuery(req, {
      sortable: Object.keys(USER_SORT),
      filters: ['q', 'role', 'agencyId', 'disabled'],
      defaultSort: ['username', 'ASC'],
    });
    const { rows, total } = await listUsers(
      ctx.db,
      {
        id: q.filter.id as string[] | undefined,
        q: filterString(q, 'q'),
        role: filterString(q, 'role') as Role | undefined,
        agencyId: filterString(q, 'agencyId'),
        disabled: filterBoolean(q, 'disabled'),
      },
      pageOf(q, USER_SORT),
    );
    sendList(res, 'users', rows, total, q.offset);
  });

  router.get('/users/:id', allow('users', 'read'), responds(200, 'User', { headers: ['ETag'] }), async (req, res) => {
    sendTagged(res, await requireUser(ctx.db, req.params.id as string));
  });

  router.post('/users', allow('users', 'create'), validateBody(createUserBody), responds(201, 'User'), async (req, res) => {
    const user = await ctx.db.transaction((tx) => createUser(tx, req.body, req.user.username));
    res.status(201).json(user);
  });

  router.put(
    '/users/:id',
    allow('users', 'edit'),
    validateBody(updateUserBody),
    responds(200, 'User', { headers: ['ETag'] }),
    async (req, res) => {
      const etag = ifMatch(req, true, 'tài khoản');
      const { fullName, role, agencyId, password, disabled, username } = req.body as Record<string, unknown>;
      const user = await ctx.db.transaction((tx) =>
        updateUser(
          tx,
          req.params.id as string,
          {
            fullName: fullName as string | undefined,
            role: role as Role | undefined,
            agencyId: agencyId as string | null | undefined,
            password: password as string | undefined,
            disabled: disabled as boolean | undefined,
            username: username as string | undefined,
          },
          req.user,
          etag,
        ),
      );
      sendTagged(res, user);
    },
  );

  router.delete('/users/:id', allow('users', 'delete'), responds(200, 'User', { description: 'The user, disabled' }), async (req, res) => {
    res.json(await ctx.db.transaction((tx) => disableUser(tx, req.params.id as string, req.user)));
  });

  return router;
}
