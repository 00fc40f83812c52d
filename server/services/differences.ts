// Where two JSON documents differ, as JSON Pointers with both values — and, for the documents an
// auditor compares (a result, a ranking), where in words: the agency, the khối, the item by code
// and title, the field ("Sở Y tế › 1.2 «Hạ tầng mạng» › điểm").
import { bi, RESULT_FIELDS, text, type Bilingual, type CompiledVersion, type LocalizedText, walkNodes } from '../engine';
import type { Difference } from '../api/types';

export type { Difference } from '../api/types';

/** A name for one step down the documents (the value reached by `key` under `parentKey`), or null for none. */
export type StepNamer = (value: unknown, key: string, parentKey: string | undefined) => Bilingual | null;

const escape = (token: string): string => token.replace(/~/g, '~0').replace(/\//g, '~1');

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** As it reads back from jsonb: undefined members dropped, dates as strings. */
const asJson = (value: unknown): unknown => (value === undefined ? null : JSON.parse(JSON.stringify(value)));

const trailText = (trail: Bilingual[]): Bilingual => bi(trail.map((t) => t.vi).join(' › '), trail.map((t) => t.en).join(' › '));

/** Every leaf (or shape) that differs, depth first, at most `limit` of them; in words too when `namer` is given. */
export function jsonDifferences(expected: unknown, actual: unknown, limit = 200, namer?: StepNamer): Difference[] {
  const out: Difference[] = [];
  const push = (path: string, a: unknown, b: unknown, trail: Bilingual[], key: string) => {
    const field = /^\d+$/.test(key) ? null : (RESULT_FIELDS[key] ?? bi(key, key));
    const where = namer && (field ? [...trail, field] : trail).length ? { where: trailText(field ? [...trail, field] : trail) } : {};
    out.push({ path, expected: a ?? null, actual: b ?? null, ...where });
  };
  const walk = (a: unknown, b: unknown, path: string, key: string, parentKey: string | undefined, above: Bilingual[]): void => {
    if (out.length >= limit) return;
    const name = namer?.(a ?? b, key, parentKey) ?? null;
    const trail = name ? [...above, name] : above;
    if (Array.isArray(a) && Array.isArray(b)) {
      for (let i = 0; i < Math.max(a.length, b.length); i++) {
        if (i < a.length && i < b.length) walk(a[i], b[i], `${path}/${i}`, String(i), key, trail);
        else {
          const step = namer?.(a[i] ?? b[i], String(i), key) ?? null;
          push(`${path}/${i}`, a[i], b[i], step ? [...trail, step] : trail, String(i));
        }
        if (out.length >= limit) return;
      }
      return;
    }
    if (isObject(a) && isObject(b)) {
      const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
      for (const k of keys) {
        const p = `${path}/${escape(k)}`;
        if (k in a && k in b) walk(a[k], b[k], p, k, key, trail);
        else push(p, a[k], b[k], trail, k);
        if (out.length >= limit) return;
      }
      return;
    }
    if (!Object.is(a, b)) push(path, a, b, trail, key);
  };
  walk(asJson(expected), asJson(actual), '', '', undefined, []);
  return out;
}

/**
 * Names the steps of a result or a ranking of `compiled`: an agency's record or entry by the
 * agency's name, a khối by its name, an item by its code and title (in a record's tree or, compared
 * in meaning, under `nodes` by code).
 */
export function resultNamer(compiled: CompiledVersion): StepNamer {
  const titles = new Map<string, LocalizedText>();
  for (const { node } of walkNodes(compiled.version.criteria)) titles.set(node.code, node.title);
  const item = (code: string): Bilingual | null => {
    const title = titles.get(code.replace(/#\d+$/, ''));
    return title ? bi(`${code} «${text(title, 'vi')}»`, `${code} "${text(title, 'en')}"`) : bi(code, code);
  };
  return (value, key, parentKey) => {
    if (!isObject(value)) return null;
    if (typeof value.agencyName === 'string') return bi(value.agencyName, value.agencyName);
    if (Array.isArray(value.entries) && isObject(value.name)) {
      const name = value.name as unknown as LocalizedText;
      return bi(`khối «${text(name, 'vi')}»`, `cohort "${text(name, 'en')}"`);
    }
    if (typeof value.code === 'string' && 'points' in value) return item(value.code);
    if (parentKey === 'nodes' && !/^\d+$/.test(key)) return item(key);
    return null;
  };
}
