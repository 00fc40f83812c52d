// Small helpers every section of the change list uses: comparing, wording a before → after, and
// pairing the items of two lists.
import { canonicalJson } from '../canonical';
import { conditionText } from '../conditionText';
import { bi, text, type Bilingual } from '../naming';
import type { Cohort, Condition, LocalizedText } from '../schemaTypes';
import { num } from '../text';

export const same = (a: unknown, b: unknown): boolean => canonicalJson(a ?? null) === canonicalJson(b ?? null);
export const arrow = (a: string, b: string) => `${a} → ${b}`;
export const numOr = (v: number | undefined, lang: 'vi' | 'en', none: string) => (v === undefined ? none : num(v, lang));
export const cond = (c: Condition | undefined, lang: 'vi' | 'en') => (c ? conditionText(c, lang) : lang === 'vi' ? '(không)' : '(none)');
export const lowerFirst = (t: string) => t.charAt(0).toLowerCase() + t.slice(1);
const list = (items: readonly string[] | undefined, lang: 'vi' | 'en') =>
  items && items.length > 0 ? items.join(', ') : lang === 'vi' ? 'tất cả' : 'all';

/** Cohorts by name (as the version calls them), all of them when none is named. */
export const cohortList = (ids: readonly string[] | undefined, cohorts: readonly Cohort[], lang: 'vi' | 'en') =>
  list(
    ids?.map((id) => cohortName(id, cohorts, lang)),
    lang,
  );
export const cohortName = (id: string, cohorts: readonly Cohort[], lang: 'vi' | 'en') => {
  const c = cohorts.find((x) => x.id === id);
  return c ? text(c.name, lang) : id;
};

/**
 * A renamed label. When only the English wording changed, the Vietnamese message says so instead
 * of showing the same name twice.
 */
export function renamed(a: LocalizedText, b: LocalizedText, vi: string, en: string): Bilingual {
  const enA = text(a, 'en');
  const enB = text(b, 'en');
  const english = `${en} "${enA}" → "${enB}"`;
  if (a.vi === b.vi) return bi(`${vi} tiếng Anh "${enA}" → "${enB}"`, english);
  return bi(`${vi} "${a.vi}" → "${b.vi}"`, enA === enB ? `${en} (Vietnamese) "${a.vi}" → "${b.vi}"` : english);
}

/** Pairs items of two lists by key: those of `b` in order (with their match in `a`), then those only in `a`. */
export function pair<T>(a: readonly T[], b: readonly T[], key: (x: T) => string) {
  const inA = new Map<string, { item: T; index: number }>();
  a.forEach((item, index) => !inA.has(key(item)) && inA.set(key(item), { item, index }));
  const inB = new Set(b.map(key));
  return {
    matched: b.map((item, index) => ({ item, index, before: inA.get(key(item)) })),
    removed: [...inA.values()].filter(({ item }) => !inB.has(key(item))),
  };
}
