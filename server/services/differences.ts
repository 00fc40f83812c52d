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
 * (xếp loại, mã băm…), and the field it ends at — worked out for the differences only, so a replay
 * that reproduces pays nothing for them.
 */
export function jsonDifferences(expected: unknown, actual: unknown, limit = 200, namer?: StepNamer): Difference[] {
  const out: Difference[] = [];
  /** The steps from the root to where the walk is, with the value each reaches. */
  const stack: { value: unknown; step: Step }[] = [];
  const where = (): Bilingual | null => {
    const trail: Bilingual[] = [];
    stack.forEach(({ value, step }, i) => {
      const name = namer!(value, step);
      if (name) trail.push(name);
      else if (!step.index && step.key !== '') {
        const word = RESULT_FIELDS[step.key] ?? (i === stack.length - 1 ? bi(step.key, step.key) : null);
        if (word) trail.push(word);
      }
    });
    return trail.length ? trailText(trail) : null;
  };
  const push = (path: string, a: unknown, b: unknown) => {
    const words = namer ? where() : null;
    out.push({ path, expected: a ?? null, actual: b ?? null, ...(words ? { where: words } : {}) });
  };
  const walk = (a: unknown, b: unknown, path: string, step: Step): void => {
    if (out.length >= limit) return;
    stack.push({ value: a ?? b, step });
    try {
      if (!(Array.isArray(a) && Array.isArray(b)) && !(isObject(a) && isObject(b))) {
        if (!Object.is(a, b)) push(path, a, b);
        return;
      }
      const index = Array.isArray(a);
      const keys = index
        ? Array.from({ length: Math.max((a as unknown[]).length, (b as unknown[]).length) }, (_, i) => String(i))
        : [...new Set([...Object.keys(a as object), ...Object.keys(b as object)])].sort();
      for (const key of keys) {
        const x = (a as Record<string, unknown>)[key];
        const y = (b as Record<string, unknown>)[key];
        // A member on one side only is a difference as a whole, a leaf of the walk.
        const whole = !(key in (a as object)) || !(key in (b as object)) ? [x ?? null, y ?? null] : null;
        const p = `${path}/${index ? key : escape(key)}`;
        const next = { key, parentKey: step.key, index };
        if (whole) {
          stack.push({ value: x ?? y, step: next });
          push(p, whole[0], whole[1]);
          stack.pop();
        } else walk(x, y, p, next);
        if (out.length >= limit) return;
      }
    } finally {
      stack.pop();
    }
  };
  walk(asJson(expected), asJson(actual), '', { key: '', parentKey: undefined, index: false });
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
  const item = (code: string): Bilingual => {
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
