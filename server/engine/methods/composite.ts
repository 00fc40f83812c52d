import type { Composite } from '../schemaTypes';
import { D, min } from '../decimal';
import type { CriterionTrace } from '../evaluation';
import { bi, num, outOf } from '../text';
import type { Scorer } from './types';

export const compositePartSlot = (slot: string, i: number): string => `${slot}/sub/${i}`;

/** Sum of sub-formulas, each against its own maximum ("connected-units ratio × 45 + applications ≤ 5"). */
export const composite: Scorer<Composite> = (s, max, slot, ctx) => {
  const scored = s.parts.map((p, i) => ({ part: p, score: ctx.score(p.scoring, D(p.max), compositePartSlot(slot, i)) }));
  const sum = scored.reduce((acc, x) => acc.plus(x.score.points), D(0));
  const points = min(sum, max);
  const o = outOf(points, max);
  const list = (lang: 'vi' | 'en') =>
    scored.map((x) => `${lang === 'en' ? (x.part.label.en ?? x.part.label.vi) : x.part.label.vi} ${num(x.score.points, lang)}/${num(D(x.part.max), lang)}`).join(' + ');
  const parts: CriterionTrace[] = scored.map((x) => x.score.trace);
  return {
    points,
    trace: { method: 'composite', values: Object.assign({}, ...parts.map((t) => t.values)), conditions: parts.flatMap((t) => t.conditions), parts, formula: `min(${scored.map((x) => num(x.score.points, 'en')).join(' + ')}, ${num(max, 'en')})` },
    explanation: bi(
      `${list('vi')} → ${o.vi} (${scored.map((x) => x.score.explanation.vi).join('; ')})`,
      `${list('en')} → ${o.en} (${scored.map((x) => x.score.explanation.en).join('; ')})`,
    ),
  };
};
