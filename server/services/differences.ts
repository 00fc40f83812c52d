// Where two JSON documents differ, as JSON Pointers with both values — and, for the documents an
// auditor compares (a result, a ranking), where in words: the agency, the khối, the item by code
// and title, the field ("Sở Y tế › 1.2 «Hạ tầng mạng» › điểm").
import { bi, RESULT_FIELDS, text, type Bilingual, type CompiledVersion, type LocalizedText, walkNodes } from '../engine';
import type { Difference } from '../api/types';

export type { Difference } from '../api/types';

/** One step down the documents: the member's key (or index) and the key of the member it is in. */
export interface Step {
  key: string;
  parentKey: string | undefined;
  /** An array's element, whose key is its position. */
  index: boolean;
}

/** A name for the value one step reaches (an agency's record, a khối, an item), or null for none. */
export type StepNamer = (value: unknown, step: Step) => Bilingual | null;

const escape = (token: string): string => token.replace(/~/g, '~0').replace(/\//g, '~1');

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** As it reads back from jsonb: undefined members dropped, dates as strings. */
const asJson = (value: unknown): unknown => (value === undefined ? null : JSON.parse(JSON.stringify(value)));

const trailText = (trail: Bilingual[]): Bilingual => bi(trail.map((t) => t.vi).join(' › '), trail.map((t) => t.en).join(' › '));

/**
 * Every leaf (or shape) that differs, depth first, at most `limit` of them; in words too when
 * `namer` is given: the names of what the path goes through, the words of the fields it passes
 * (xếp loại, mã băm…), and the field it ends at.
 */
export function jsonDifferences(expected: unknown, actual: unknown, limit = 200, namer?: StepNamer): Difference[] {
  const out: Difference[] = [];
  /** The trail one step further: the value's name, else the member's field word (any word at the end). */
  const further = (trail: Bilingual[], value: unknown, step: Step, last: boolean): Bilingual[] => {
    const name = namer?.(value, step) ?? null;
    if (name) return [...trail, name];
    if (step.index || step.key === '') return trail;
    const word = RESULT_FIELDS[step.key] ?? (last ? bi(step.key, step.key) : null);
    return word ? [...trail, word] : trail;
  };
  const push = (path: string, a: unknown, b: unknown, trail: Bilingual[]) =>
    out.push({ path, expected: a ?? null, actual: b ?? null, ...(namer && trail.length ? { where: trailText(trail) } : {}) });
  const walk = (a: unknown, b: unknown, path: string, step: Step, above: Bilingual[]): void => {
    if (out.length >= limit) return;
    const leaf = !(Array.isArray(a) && Array.isArray(b)) && !(isObject(a) && isObject(b));
    const trail = namer ? further(above, a ?? b, step, leaf) : above;
    if (leaf) {
      if (!Object.is(a, b)) push(path, a, b, trail);
      return;
    }
    const members: [string, unknown, unknown, boolean][] =
      Array.isArray(a) && Array.isArray(b)
        ? Array.from({ length: Math.max(a.length, b.length) }, (_, i) => [String(i), a[i], b[i], i < a.length && i < b.length])
        : [...new Set([...Object.keys(a as object), ...Object.keys(b as object)])]
            .sort()
            .map((k) => [
              k,
              (a as Record<string, unknown>)[k],
              (b as Record<string, unknown>)[k],
              k in (a as object) && k in (b as object),
            ]);
    const index = Array.isArray(a);
    for (const [key, x, y, both] of members) {
      const next = { key, parentKey: step.key, index };
      const p = `${path}/${index ? key : escape(key)}`;
      if (both) walk(x, y, p, next, trail);
      else push(p, x, y, namer ? further(trail, x ?? y, next, true) : trail);
      if (out.length >= limit) return;
    }
  };
  walk(asJson(expected), asJson(actual), '', { key: '', parentKey: undefined, index: false }, []);
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
  return (value, { key, parentKey, index }) => {
    if (parentKey === 'nodes' && !index) return item(key);
    if (!isObject(value)) return null;
    if (typeof value.agencyName === 'string') return bi(value.agencyName, value.agencyName);
    if (Array.isArray(value.entries) && isObject(value.name)) {
      const name = value.name as unknown as LocalizedText;
      return bi(`khối «${text(name, 'vi')}»`, `cohort "${text(name, 'en')}"`);
    }
    if (typeof value.code === 'string' && 'points' in value) return item(value.code);
    return null;
  };
}
