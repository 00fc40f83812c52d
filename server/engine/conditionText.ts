// A condition tree written as one line, e.g. `agency.kind ∈ [district] và so_cuoc_hop ≥ 4`, for
// change lists and summaries where the JSON would be too long to read.
import type { Condition, Tier } from './schemaTypes';
import { Exact } from './exact';
import { num } from './text';

const SYMBOLS: Record<string, string> = {
  equal: '=',
  notEqual: '≠',
  lessThan: '<',
  lessThanInclusive: '≤',
  greaterThan: '>',
  greaterThanInclusive: '≥',
  in: '∈',
  notIn: '∉',
  contains: '∋',
  doesNotContain: '∌',
};

const value = (v: unknown, lang: 'vi' | 'en'): string => {
  if (typeof v === 'number') return num(v, lang);
  if (Array.isArray(v)) return `[${v.map((x) => value(x, lang)).join(', ')}]`;
  if (v !== null && typeof v === 'object' && 'fact' in v) {
    const ref = v as { fact: string; path?: string };
    return ref.path ? `${ref.fact}.${ref.path.slice(2)}` : ref.fact;
  }
  return typeof v === 'string' ? v : JSON.stringify(v);
};

export function conditionText(condition: Condition, lang: 'vi' | 'en', nested = false): string {
  const and = lang === 'vi' ? ' và ' : ' and ';
  const or = lang === 'vi' ? ' hoặc ' : ' or ';
  const group = (parts: Condition[], sep: string) => {
    const inner = parts.map((c) => conditionText(c, lang, true)).join(sep);
    return nested && parts.length > 1 ? `(${inner})` : inner;
  };
  if ('all' in condition) return group(condition.all, and);
  if ('any' in condition) return group(condition.any, or);
  if ('not' in condition) return `${lang === 'vi' ? 'không' : 'not'} (${conditionText(condition.not, lang)})`;
  const subject = condition.path ? `${condition.fact}.${condition.path.slice(2)}` : condition.fact;
  const symbol = SYMBOLS[condition.operator] ?? condition.operator;
  return `${subject} ${symbol} ${value(condition.value, lang)}`;
}

/** "[2, 4): 5 điểm; ≥ 4: 10 điểm". */
export function tiersText(tiers: readonly Tier[], lang: 'vi' | 'en'): string {
  const unit = lang === 'vi' ? 'điểm' : 'points';
  return tiers
    .map((t) => {
      const range =
        t.from !== undefined && t.to !== undefined
          ? `[${num(t.from, lang)}, ${num(t.to, lang)})`
          : t.from !== undefined
            ? `≥ ${num(t.from, lang)}`
            : t.to !== undefined
              ? `< ${num(t.to, lang)}`
              : lang === 'vi'
                ? 'mọi giá trị'
                : 'any value';
      const worth =
        t.points !== undefined ? `${num(t.points, lang)} ${unit}` : `${num(Exact.of(t.fraction ?? 0).times(Exact.HUNDRED), lang)}%`;
      return `${range}: ${worth}`;
    })
    .join('; ');
}
