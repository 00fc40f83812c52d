import { useEffect, useState } from 'react';
import { getLocale } from '../api/locale';
import type { Problem } from '../api/problem';

/**
 * Reads an /api/public answer. Not through the data provider: there is no session to send, and a
 * 401 must not lead to the login page.
 */
export function usePublic<T>(path: string): { data: T | null; error: string | null } {
  const [state, setState] = useState<{ path: string; data: T | null; error: string | null }>({ path, data: null, error: null });
  useEffect(() => {
    let cancelled = false;
    fetch(`/api/public${path}`, { headers: { Accept: 'application/json', 'Accept-Language': getLocale() } })
      .then(async (res) => {
        const body = await res.json().catch(() => null);
        if (cancelled) return;
        if (res.ok) setState({ path, data: body as T, error: null });
        else setState({ path, data: null, error: (body as Problem | null)?.detail || `HTTP ${res.status}` });
      })
      .catch((e: Error) => !cancelled && setState({ path, data: null, error: e.message }));
    return () => {
      cancelled = true;
    };
  }, [path]);
  return state.path === path ? state : { data: null, error: null };
}

export const exportUrl = (id: string, format: 'xlsx' | 'csv' | 'pdf') =>
  `/api/public/rankings/${encodeURIComponent(id)}/export?format=${format}`;
