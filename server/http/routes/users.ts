// /users: accounts and roles (admin writes; the auditor reads). Users are disabled, never deleted.
import { Router } from 'express';
import type { AppContext } from '../context';
import { requireRole } from '../auth';
import { filterBoolean, filterString, pageOf, parseListQuery, sendList } from '../list';
import { object, validateBody } from '../validate';
import { createUser, disableUser, getUser, listUsers, ROLES, updateUser, USER_SORT, type Role } from '../../store/users';
import { Problem, notFound } from '../../problems/problem';

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

const WHAT = { vi: 'người dùng', en: 'User' };

export function routes(ctx: AppContext): Router {
  const router = Router();
  const read = requireRole('admin', 'auditor');
  const write = requireRole('admin');

  router.get('/users', read, async (req, res) => {
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

  router.get('/users/:id', read, async (req, res) => {
    const user = await getUser(ctx.db, req.params.id as string);
    if (!user) throw notFound(WHAT, req.params.id as string);
    res.json(user);
  });

  router.post('/users', write, validateBody(createUserBody), async (req, res) => {
    const user = await ctx.db.transaction((tx) => createUser(tx, req.body, req.user.username));
    res.status(201).json(user);
  });

  router.put('/users/:id', write, validateBody(updateUserBody), async (req, res) => {
    const id = req.params.id as string;
    const { fullName, role, agencyId, password, disabled, username } = req.body as Record<string, unknown>;
    const user = await ctx.db.transaction(async (tx) => {
      const current = await getUser(tx, id);
      if (!current) throw notFound(WHAT, id);
      if (username !== undefined && username !== current.username) {
        throw new Problem('username-immutable', {
          vi: 'Không thể đổi tên đăng nhập (nhật ký kiểm tra ghi theo tên này).',
          en: 'A username cannot change (the audit log records it).',
        });
      }
      if (id === req.user.id && (disabled === true || (role !== undefined && role !== 'admin'))) {
        throw new Problem('self-lockout', {
          vi: 'Bạn không thể tự khoá tài khoản hoặc tự bỏ quyền quản trị của mình.',
          en: 'You cannot disable your own account or remove your own admin role.',
        });
      }
      return updateUser(
        tx,
        id,
        {
          fullName: fullName as string | undefined,
          role: role as Role | undefined,
          agencyId: agencyId as string | null | undefined,
          password: password as string | undefined,
          disabled: disabled as boolean | undefined,
        },
        req.user.username,
      );
    });
    res.json(user);
  });

  router.delete('/users/:id', write, async (req, res) => {
    const id = req.params.id as string;
    if (id === req.user.id) {
      throw new Problem('self-lockout', {
        vi: 'Bạn không thể tự khoá tài khoản của mình.',
        en: 'You cannot disable your own account.',
      });
    }
    res.json(await ctx.db.transaction((tx) => disableUser(tx, id, req.user.username)));
  });

  return router;
}
