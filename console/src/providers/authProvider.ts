import type { AuthProvider } from 'react-admin';
import { apiFetch } from '../api/http';
import { can, type Identity } from './access';

const KEY = 'chiso-identity';

const stored = (): Identity | null => {
  try {
    const raw = window.localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Identity) : null;
  } catch {
    return null;
  }
};
const remember = (user: Identity | null) => {
  if (user) window.localStorage.setItem(KEY, JSON.stringify(user));
  else window.localStorage.removeItem(KEY);
};

/** Whether this browser remembers a signed-in user (a session may exist; the server decides). */
export const hasIdentity = (): boolean => stored() !== null;

// The session cookie is httpOnly: we cannot read it, so once per page load we ask the server
// who we are. Without a remembered identity there is no session to check (and no 401 to log).
let confirmed: Promise<Identity> | null = null;
const confirm = (): Promise<Identity> => {
  if (!confirmed) {
    confirmed = apiFetch<Identity>('/api/auth/me').then(
      ({ json }) => {
        remember(json);
        return json;
      },
      (error) => {
        confirmed = null;
        remember(null);
        throw error;
      },
    );
  }
  return confirmed;
};

export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    const { json } = await apiFetch<Identity>('/api/auth/login', { method: 'POST', body: { username, password } });
    remember(json);
    confirmed = Promise.resolve(json);
  },
  async logout() {
    const had = stored();
    remember(null);
    confirmed = null;
    if (had) {
      try {
        await apiFetch('/api/auth/logout', { method: 'POST' });
      } catch {
        // the session may already be gone; the local state is cleared either way
      }
    }
  },
  async checkAuth() {
    if (!stored()) throw new Error('ra.auth.auth_check_error');
    await confirm();
  },
  async checkError(error: { status?: number }) {
    if (error?.status === 401) {
      remember(null);
      confirmed = null;
      throw new Error('ra.notification.logged_out');
    }
  },
  async getIdentity() {
    const user = stored();
    if (!user) throw new Error('ra.auth.auth_check_error');
    return { ...user, id: user.id, fullName: user.fullName || user.username };
  },
  async getPermissions() {
    return stored()?.role ?? null;
  },
  async canAccess({ resource, action, record }) {
    return can(stored(), resource ?? '', action, record);
  },
};
