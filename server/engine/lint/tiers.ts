// Tiers are [from, to) ranges ("từ X đến dưới Y") tried in order; the first that holds scores.
// A tier that can never be chosen is a mistake; overlaps, gaps and a jumbled order usually are.
import type { Finding } from '../finding';
import type { Tier } from '../schemaTypes';
import { about, bi, error, nodeName, warning, type LintContext } from './context';
import { scoringSites } from './walk';

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

const range = (i: Interval): { vi: string; en: string } => {
  if (i.from === -Infinity && i.to === Infinity) return bi('mọi giá trị', 'any value');
  if (i.from === -Infinity) return bi(`dưới ${i.to}`, `under ${i.to}`);
  if (i.to === Infinity) return bi(`từ ${i.from} trở lên`, `${i.from} or more`);
  return bi(`từ ${i.from} đến dưới ${i.to}`, `from ${i.from} to under ${i.to}`);
};

export function tiers(ctx: LintContext): Finding[] {
  const out: Finding[] = [];
  for (const { scoring, path, entry, budget } of scoringSites(ctx)) {
    if (scoring.method !== 'tiers') continue;
    const name = nodeName(entry.node);
    const list = scoring.tiers;
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
                `bậc ${k + 1} có "from" (${current.from}) không nhỏ hơn "to" (${current.to}) nên không bao giờ khớp`,
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
                  `bậc ${k + 1} (${r.vi}) đã được các bậc trước bao phủ nên không bao giờ được chọn`,
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
                  `bậc ${k + 1} (${r.vi}) chồng lấn bậc trước; phần chồng lấn thuộc bậc trước`,
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
                `bậc ${k + 1} cho ${points} điểm, vượt điểm tối đa ${budget}`,
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
          about(name, bi('các bậc không theo thứ tự tăng hoặc giảm dần', 'the tiers are neither in ascending nor in descending order')),
        ),
      );
    const covered = union(intervals);
    for (let k = 1; k < covered.length; k++) {
      const gap = range({ from: covered[k - 1].to, to: covered[k].from });
      out.push(
        warning(
          `${path}/tiers`,
          'tiers-gap',
          about(name, bi(`giá trị ${gap.vi} không thuộc bậc nào (được 0 điểm)`, `values ${gap.en} fall in no tier (0 points)`)),
        ),
      );
    }
  }
  return out;
}
