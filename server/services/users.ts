// Accounts and their roles: an agency user belongs to exactly one agency, usernames are unique and
// never change, nobody locks themselves out, and a change that matters for security (role, agency,
// password, disabling) ends the user's sessions. Users are never deleted: the audit log names them.
import type { Queryable, Tx } from '../store/db';
import { getAgency } from '../store/agencies';
import { recordAudit } from '../store/audit';
import { deleteSessionsOfUser } from '../store/sessions';
import { insertUser, markUserDisabled, requireUser, usernameTaken, writeUser, type Role, type User } from '../store/users';
import { assertStrongPassword, hashPassword } from './passwords';
import { Problem } from '../problems/problem';
import { assertCurrent } from './etag';

export { listUsers, requireUser, ROLES, USER_SORT, type Role, type User } from '../store/users';

/** Who makes the change (the signed-in administrator): the id to spot a self-lockout, the username for the audit log. */
export interface Caller {
  id: string;
  username: string;
}

export interface NewUser {
  username: string;
  fullName?: string;
  role: Role;
  agencyId?: string | null;
  password: string;
}

async function checkAgency(tx: Queryable, role: Role, agencyId: string | null): Promise<void> {
  if (role === 'agency' && !agencyId) {
    throw new Problem('agency-required', {
      vi: 'Người dùng của cơ quan phải gắn với một cơ quan (agencyId).',
      en: 'An agency user must belong to an agency (agencyId).',
    });
  }
  if (role !== 'agency' && agencyId) {
    throw new Problem('agency-not-allowed', {
      vi: 'Chỉ người dùng có vai trò "agency" mới gắn với một cơ quan.',
      en: 'Only users with the "agency" role belong to an agency.',
    });
  }
  if (agencyId && !(await getAgency(tx, agencyId))) {
    throw new Problem('unknown-agency', {
      vi: `Không có cơ quan "${agencyId}".`,
      en: `There is no agency "${agencyId}".`,
    });
  }
}

export async function createUser(tx: Tx, input: NewUser, actor: string): Promise<User> {
  const agencyId = input.agencyId ?? null;
  assertStrongPassword(input.password, [input.username, input.fullName ?? '']);
  await checkAgency(tx, input.role, agencyId);
  if (await usernameTaken(tx, input.username)) {
    throw new Problem('username-taken', {
      vi: `Tên đăng nhập "${input.username}" đã được dùng.`,
      en: `The username "${input.username}" is taken.`,
    });
  }
  const user = await insertUser(tx, {
    username: input.username,
    fullName: input.fullName ?? '',
    role: input.role,
    agencyId,
    passwordHash: await hashPassword(input.password),
  });
  await recordAudit(tx, { actor, action: 'create', resource: 'users', resourceId: user.id, after: user });
  return user;
}

export interface UserChanges {
  fullName?: string;
  role?: Role;
  agencyId?: string | null;
  password?: string;
  disabled?: boolean;
  /** May be sent back as it is; a different one is refused. */
  username?: string;
}

/** Changes an account read with `etag` (412 if someone changed it since). */
export async function updateUser(tx: Tx, id: string, changes: UserChanges, actor: Caller, etag: string): Promise<User> {
  const before = await requireUser(tx, id, true);
  assertCurrent(before, etag, { vi: 'Tài khoản', en: 'user account' });
  if (changes.username !== undefined && changes.username !== before.username) {
    throw new Problem('username-immutable', {
      vi: 'Không thể đổi tên đăng nhập (nhật ký kiểm tra ghi theo tên này).',
      en: 'A username cannot change (the audit log records it).',
    });
  }
  if (id === actor.id && (changes.disabled === true || (changes.role !== undefined && changes.role !== 'admin'))) {
    throw new Problem('self-lockout', {
      vi: 'Bạn không thể tự khoá tài khoản hoặc tự bỏ quyền quản trị của mình.',
      en: 'You cannot disable your own account or remove your own admin role.',
    });
  }
  if (changes.password) assertStrongPassword(changes.password, [before.username, changes.fullName ?? before.fullName]);
  const role = changes.role ?? before.role;
  const agencyId = changes.agencyId !== undefined ? changes.agencyId : role === 'agency' ? before.agencyId : null;
  await checkAgency(tx, role, agencyId);
  const after = await writeUser(tx, id, {
    fullName: changes.fullName ?? before.fullName,
    role,
    agencyId,
    disabled: changes.disabled ?? before.disabled,
    passwordHash: changes.password ? await hashPassword(changes.password) : null,
  });
  // A changed role, password or a disabled account ends the user's sessions.
  if (changes.password || after.disabled || after.role !== before.role || after.agencyId !== before.agencyId) {
    await deleteSessionsOfUser(tx, id);
  }
  await recordAudit(tx, {
    actor: actor.username,
    action: 'update',
    resource: 'users',
    resourceId: id,
    before,
    after: changes.password ? { ...after, passwordChanged: true } : after,
  });
  return after;
}

/** Users are never deleted (the audit log names them); "delete" disables the account. */
export async function disableUser(tx: Tx, id: string, actor: Caller): Promise<User> {
  if (id === actor.id) {
    throw new Problem('self-lockout', {
      vi: 'Bạn không thể tự khoá tài khoản của mình.',
      en: 'You cannot disable your own account.',
    });
  }
  const before = await requireUser(tx, id, true);
  const after = await markUserDisabled(tx, id);
  await deleteSessionsOfUser(tx, id);
  await recordAudit(tx, { actor: actor.username, action: 'disable', resource: 'users', resourceId: id, before, after });
  return after;
}
