// Where two JSON documents differ, as JSON Pointers with both values: what an auditor reads when a
// replay does not reproduce the stored result.
import type { Difference } from '../api/types';

export type { Difference } from '../api/types';

const escape = (token: string): string => token.replace(/~/g, '~0').replace(/\//g, '~1');

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** As it reads back from jsonb: undefined members dropped, dates as strings. */
const asJson = (value: unknown): unknown => (value === undefined ? null : JSON.parse(JSON.stringify(value)));

/** Every leaf (or shape) that differs, depth first, at most `limit` of them. */
export function jsonDifferences(expected: unknown, actual: unknown, limit = 200): Difference[] {
  const out: Difference[] = [];
  const walk = (a: unknown, b: unknown, path: string): void => {
    if (out.length >= limit) return;
    if (Array.isArray(a) && Array.isArray(b)) {
      for (let i = 0; i < Math.max(a.length, b.length); i++) {
        if (i >= a.length) out.push({ path: `${path}/${i}`, expected: null, actual: b[i] });
        else if (i >= b.length) out.push({ path: `${path}/${i}`, expected: a[i], actual: null });
        else walk(a[i], b[i], `${path}/${i}`);
        if (out.length >= limit) return;
      }
      return;
    }
    if (isObject(a) && isObject(b)) {
      const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
      for (const key of keys) {
        const p = `${path}/${escape(key)}`;
        if (!(key in a)) out.push({ path: p, expected: null, actual: b[key] });
        else if (!(key in b)) out.push({ path: p, expected: a[key], actual: null });
        else walk(a[key], b[key], p);
        if (out.length >= limit) return;
      }
      return;
    }
    if (!Object.is(a, b)) out.push({ path, expected: a ?? null, actual: b ?? null });
  };
  walk(asJson(expected), asJson(actual), '');
  return out;
}
