import type { Tiers } from '../schemaTypes';
import { D } from '../decimal';
import { measure, pickValues } from '../quantity';
import { bi, outOf, rangePhrase } from '../text';
import { pointsOf } from './points';
import type { Scorer } from './types';

/** The first tier whose [from, to) holds the value ("từ X đến dưới Y") gives its points. */
export const tiers: Scorer<Tiers> = (s, max, _slot, ctx) => {
  const m = measure(s.value, ctx.facts, ctx.factDefs);
  const values = pickValues(ctx.facts, m.read);
  const v = m.value;
  const index = v === null ? -1 : s.tiers.findIndex((t) => (t.from === undefined || v.gte(t.from)) && (t.to === undefined || v.lt(t.to)));
  const tier = s.tiers[index];
  const points = tier ? pointsOf(tier, max) : D(0);
  const o = outOf(points, max);
  const explanation = tier
    ? bi(
        `${m.text.vi} thuộc mức ${rangePhrase(tier.from, tier.to, m.unit, 'vi')} → ${o.vi}`,
        `${m.text.en} is in the band ${rangePhrase(tier.from, tier.to, m.unit, 'en')} → ${o.en}`,
      )
    : bi(`${m.text.vi}, không thuộc mức nào được tính điểm → ${o.vi}`, `${m.text.en}, in no scoring band → ${o.en}`);
  return {
    points,
    explanation,
    trace: { method: 'tiers', values, conditions: [], ...(tier ? { matched: [{ index, ...(tier.label ? { label: tier.label } : {}) }] } : {}) },
  };
};
