import type { Parts } from '../schemaTypes';
import { D, min } from '../decimal';
import type { ConditionTrace } from '../evaluation';
import { bi, num, outOf } from '../text';
import { pointsOf } from './points';
import type { Scorer } from './types';

export const partSlot = (slot: string, i: number): string => `${slot}/part/${i}`;

/** Additive parts: each part that holds adds its share; the sum is capped at the maximum. */
export const parts: Scorer<Parts> = (s, max, slot, ctx) => {
  const conditions: ConditionTrace[] = [];
  const matched: { index: number; label: (typeof s.parts)[number]['label'] }[] = [];
  let sum = D(0);
  s.parts.forEach((p, i) => {
    const r = ctx.slots.get(partSlot(slot, i));
    conditions.push(...(r?.trace ?? []));
    if (r?.holds) {
      matched.push({ index: i, label: p.label });
      sum = sum.plus(pointsOf(p, max));
    }
  });
  const points = min(sum, max);
  const o = outOf(points, max);
  const list = (lang: 'vi' | 'en') =>
    matched.map((m) => `«${lang === 'en' ? (m.label.en ?? m.label.vi) : m.label.vi}» (+${num(pointsOf(s.parts[m.index], max), lang)})`).join(', ');
  return {
    points,
    explanation: matched.length
      ? bi(`Đạt ${matched.length}/${s.parts.length} phần: ${list('vi')} → ${o.vi}`, `Met ${matched.length}/${s.parts.length} parts: ${list('en')} → ${o.en}`)
      : bi(`Không đạt phần nào → ${o.vi}`, `No part met → ${o.en}`),
    trace: { method: 'parts', values: {}, conditions, matched, formula: `min(${matched.map((m) => num(pointsOf(s.parts[m.index], max), 'en')).join(' + ') || '0'}, ${num(max, 'en')})` },
  };
};
