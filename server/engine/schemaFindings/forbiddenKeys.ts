import type { Finding } from '../finding';
import { bi } from '../naming';
import { join } from '../pointer';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Keys that could reach an object's prototype when a document is merged or indexed carelessly.
 * JSON.parse keeps "__proto__" as an own key, so they are looked for anywhere in the document.
 */
export function forbiddenKeys(value: unknown, base = ''): Finding[] {
  const out: Finding[] = [];
  const walk = (v: unknown, at: string, depth: number): void => {
    if (v === null || typeof v !== 'object' || depth > 200) return;
    if (Array.isArray(v)) {
      v.forEach((item, k) => walk(item, `${at}/${k}`, depth + 1));
      return;
    }
    for (const key of Object.keys(v)) {
      const path = join(at, key);
      if (FORBIDDEN_KEYS.has(key)) {
        out.push({
          severity: 'error',
          path,
          code: 'forbidden-key',
          message: bi(`Tên trường "${key}" bị cấm`, `The key "${key}" is forbidden`),
        });
        continue;
      }
      walk((v as Record<string, unknown>)[key], path, depth + 1);
    }
  };
  walk(value, base, 0);
  return out;
}
