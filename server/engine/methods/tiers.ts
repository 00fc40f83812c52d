import type { MethodDef } from './types';
import type { Finding } from '../finding';
import type { Tier } from '../schemaTypes';
import { Exact } from '../exact';
import { ZERO_DENOMINATOR, onZeroDenominator, ordered, quantityFacts, quantityReader, quantityRefs, quantityText } from '../quantity';
import { tiersText } from '../conditionText';
import { arrow, same } from '../diff/support';
import { error, warning } from '../finding';
import { about, bi, nodeName, text } from '../naming';
import { outOf, rangePhrase } from '../text';
import { pointsOf } from './points';
import { sortedIds } from './tracer';

/** The first tier whose [from, to) holds the value gives its points ("từ X đến dưới Y"). */
export const tiers: MethodDef<'tiers'> = {
  name: bi('Theo mức', 'Tiers'),
  help: bi('Mức có khoảng [từ, đến) chứa giá trị cho điểm của nó.', 'The tier whose [from, to) holds the value gives its points.'),
  addsToMax: () => true,
  defaults: (max) => ({
    method: 'tiers',
    value: { fact: '' },
    tiers: [
      { from: 0, to: 50, points: 0 },
      { from: 50, points: max },
    ],
  }),
  conditions: () => [],
  facts: (s) => quantityRefs(s.value, '/value'),
  nested: () => [],

  compile(s, max, _slot) {
    const value = quantityReader(s.value);
    const read = sortedIds(quantityFacts(s.value));
    const bounds = s.tiers.map((t) => ({
      from: t.from === undefined ? null : Exact.of(t.from),
      to: t.to === undefined ? null : Exact.of(t.to),
    }));
    const worth = s.tiers.map((t) => pointsOf(t, max));
    const zero = onZeroDenominator('fact' in s.value ? undefined : s.value.onZeroDenominator, max);
    return (env, t) => {
      if (t) t.read(env.facts, read);
      const v = value(env.facts);
      if (v === ZERO_DENOMINATOR) return zero;
      if (v === null) return Exact.ZERO;
      for (let i = 0; i < bounds.length; i++) {
        const { from, to } = bounds[i];
        if ((from === null || v.gte(from)) && (to === null || v.lt(to))) {
          if (t) t.matched = [i];
          return worth[i];
        }
      }
      return Exact.ZERO;
    };
  },

  view(s, trace, { max, factDefs }) {
    const values = trace.read ?? {};
    const m = quantityText(s.value, values, factDefs);
    const mode = 'fact' in s.value ? undefined : s.value.onZeroDenominator;
    if (mode && mode !== 'zero' && quantityReader(s.value)(values) === ZERO_DENOMINATOR) {
      const points = onZeroDenominator(mode, max) ?? Exact.ZERO;
      const o = outOf(points, max);
      return {
        points,
        trace: { method: 'tiers', values: ordered(values, quantityFacts(s.value)), conditions: [] },
        explanation:
          mode === 'full'
            ? bi(`${m.text.vi} → ${o.vi}`, `${m.text.en} → ${o.en}`)
            : bi(`${m.text.vi}: tiêu chí không áp dụng`, `${m.text.en}: not applicable`),
      };
    }
    const index = trace.matched?.[0] ?? -1;
    const tier = s.tiers[index];
    const points = tier ? pointsOf(tier, max) : Exact.ZERO;
    const o = outOf(points, max);
    return {
      points,
      explanation: tier
        ? bi(
            `${m.text.vi} thuộc mức ${rangePhrase(tier.from, tier.to, m.unit, 'vi')} → ${o.vi}`,
            `${m.text.en} is in the band ${rangePhrase(tier.from, tier.to, m.unit, 'en')} → ${o.en}`,
          )
        : bi(`${m.text.vi}, không thuộc mức nào được tính điểm → ${o.vi}`, `${m.text.en}, in no scoring band → ${o.en}`),
      trace: {
        method: 'tiers',
        values: ordered(values, quantityFacts(s.value)),
        conditions: [],
        ...(tier ? { matched: [{ index, ...(tier.label ? { label: tier.label } : {}) }] } : {}),
      },
    };
  },

  lint: ({ scoring, path, entry, budget }) => lintTiers(scoring.tiers, path, nodeName(entry.node), budget),

  diff: {
    keys: ['tiers', 'value'],
    changes(a, b, path) {
      const out = [];
      const bounds = (l: readonly Tier[]) => l.map(({ label: _l, ...t }) => t);
      if (!same(bounds(a.tiers), bounds(b.tiers)))
        out.push({
          kind: 'thresholdsChanged' as const,
          path: `${path}/tiers`,
          before: a.tiers,
          after: b.tiers,
          message: bi(
            `các mức ${arrow(tiersText(a.tiers, 'vi'), tiersText(b.tiers, 'vi'))}`,
            `tiers ${arrow(tiersText(a.tiers, 'en'), tiersText(b.tiers, 'en'))}`,
          ),
        });
      else
        b.tiers.forEach((t, k) => {
          const was = a.tiers[k].label;
          if (!same(was, t.label))
            out.push({
              kind: 'labelChanged' as const,
              path: `${path}/tiers/${k}/label`,
              before: was,
              after: t.label,
              message: bi(
                `mức ${k + 1}: tên ${arrow(was ? `"${text(was, 'vi')}"` : '—', t.label ? `"${text(t.label, 'vi')}"` : '—')}`,
                `tier ${k + 1}: label ${arrow(was ? `"${text(was, 'en')}"` : '—', t.label ? `"${text(t.label, 'en')}"` : '—')}`,
              ),
            });
        });
      if (!same(a.value, b.value))
        out.push({
          kind: 'scoringChanged' as const,
          path: `${path}/value`,
          before: a.value,
          after: b.value,
          message: bi('giá trị được đo thay đổi', 'the measured value changed'),
        });
      return out;
    },
  },
};

interface Interval {
  from: number;
  to: number;
}

const interval = (t: Tier): Interval => ({ from: t.from ?? -Infinity, to: t.to ?? Infinity });
const isEmpty = (i: Interval): boolean => i.from >= i.to;

/** Sorted, merged union of half-open intervals. */
function union(intervals: Interval[]): Interval[] {
  const sorted = intervals.filter((i) => !isEmpty(i)).sort((a, b) => a.from - b.from);
  const merged: Interval[] = [];
  for (const i of sorted) {
    const last = merged[merged.length - 1];
    if (last && i.from <= last.to) last.to = Math.max(last.to, i.to);
    else merged.push({ ...i });
  }
  return merged;
}

const range = (i: Interval) => {
  if (i.from === -Infinity && i.to === Infinity) return bi('mọi giá trị', 'any value');
  if (i.from === -Infinity) return bi(`dưới ${i.to}`, `under ${i.to}`);
  if (i.to === Infinity) return bi(`từ ${i.from} trở lên`, `${i.from} or more`);
  return bi(`từ ${i.from} đến dưới ${i.to}`, `from ${i.from} to under ${i.to}`);
};

/** A tier that can never be chosen is a mistake; overlaps, gaps and a jumbled order usually are. */
function lintTiers(list: readonly Tier[], path: string, name: ReturnType<typeof nodeName>, budget: number): Finding[] {
  const out: Finding[] = [];
  const intervals = list.map(interval);
  intervals.forEach((current, k) => {
    const at = `${path}/tiers/${k}`;
    const r = range(current);
    if (isEmpty(current)) {
      out.push(
        error(
          at,
          'tier-empty',
          about(
            name,
            bi(
              `mức ${k + 1} có cận dưới (${current.from}) không nhỏ hơn cận trên (${current.to}) nên không bao giờ khớp`,
              `tier ${k + 1} has "from" (${current.from}) not below "to" (${current.to}), so it never matches`,
            ),
          ),
        ),
      );
    } else {
      const earlier = union(intervals.slice(0, k));
      if (earlier.some((e) => e.from <= current.from && current.to <= e.to))
        out.push(
          error(
            at,
            'tier-unreachable',
            about(
              name,
              bi(
                `mức ${k + 1} (${r.vi}) đã được các mức trước bao phủ nên không bao giờ được chọn`,
                `tier ${k + 1} (${r.en}) is covered by earlier tiers, so it is never chosen`,
              ),
            ),
          ),
        );
      else if (earlier.some((e) => e.from < current.to && current.from < e.to))
        out.push(
          warning(
            at,
            'tiers-overlap',
            about(
              name,
              bi(
                `mức ${k + 1} (${r.vi}) chồng lấn mức trước; phần chồng lấn thuộc mức trước`,
                `tier ${k + 1} (${r.en}) overlaps an earlier tier, which takes the overlap`,
              ),
            ),
          ),
        );
    }
    const points = list[k].points;
    if (points !== undefined && points > budget)
      out.push(
        error(
          `${at}/points`,
          'tier-points-above-max',
          about(
            name,
            bi(
              `mức ${k + 1} cho ${points} điểm, vượt điểm tối đa ${budget}`,
              `tier ${k + 1} gives ${points} points, above the maximum ${budget}`,
            ),
          ),
        ),
      );
  });
  const starts = intervals.map((i) => i.from);
  const ascending = starts.every((s, k) => k === 0 || s >= starts[k - 1]);
  const descending = starts.every((s, k) => k === 0 || s <= starts[k - 1]);
  if (!ascending && !descending)
    out.push(
      warning(
        `${path}/tiers`,
        'tiers-unordered',
        about(name, bi('các mức không theo thứ tự tăng hoặc giảm dần', 'the tiers are neither in ascending nor in descending order')),
      ),
    );
  const covered = union(intervals);
  for (let k = 1; k < covered.length; k++) {
    const gap = range({ from: covered[k - 1].to, to: covered[k].from });
    out.push(
      warning(
        `${path}/tiers`,
        'tiers-gap',
        about(name, bi(`giá trị ${gap.vi} không thuộc mức nào (được 0 điểm)`, `values ${gap.en} fall in no tier (0 points)`)),
      ),
    );
  }
  return out;
}
