// Cases and parts are both lists of { when, points | fraction, label }: the first that holds
// decides (cases), or each that holds adds (parts). What the two share lives here.
import type { Case } from '../schemaTypes';
import type { Finding } from '../finding';
import type { ScoringChange } from '../diff/change';
import type { ScoringSite } from './types';
import { Exact } from '../exact';
import { arrow, cond, renamed, same } from '../diff/support';
import { error, warning } from '../finding';
import { about, bi, nodeName } from '../naming';
import { num } from '../text';
import { pointsOf } from './points';

type Kind = 'cases' | 'parts';
const WORD = { cases: bi('trường hợp', 'case'), parts: bi('phần', 'part') };

export function lintCaseList(kind: Kind, list: readonly Case[], { path, entry, budget }: ScoringSite): Finding[] {
  const out: Finding[] = [];
  const name = nodeName(entry.node);
  const what = WORD[kind];
  list.forEach((c, k) => {
    if (c.points !== undefined && c.points > budget)
      out.push(
        error(
          `${path}/${kind}/${k}/points`,
          kind === 'cases' ? 'case-points-above-max' : 'part-points-above-max',
          about(
            name,
            bi(
              `${what.vi} ${k + 1} cho ${c.points} điểm, vượt điểm tối đa ${budget}`,
              `${what.en} ${k + 1} gives ${c.points} points, above the maximum ${budget}`,
            ),
          ),
        ),
      );
  });
  if (kind === 'parts') {
    const sum = list.reduce((acc, c) => acc.plus(pointsOf(c, Exact.of(budget))), Exact.ZERO);
    if (sum.gt(Exact.of(budget)))
      out.push(
        warning(
          `${path}/parts`,
          'parts-sum-above-max',
          about(
            name,
            bi(
              `các phần cộng lại ${sum} điểm, vượt điểm tối đa ${budget}; điểm sẽ bị giới hạn ở ${budget}`,
              `the parts add up to ${sum}, above the maximum ${budget}; points are capped at ${budget}`,
            ),
          ),
        ),
      );
  }
  return out;
}

const worth = (c: Case, lang: 'vi' | 'en') =>
  c.points !== undefined ? `${num(c.points, lang)} ${lang === 'vi' ? 'điểm' : 'points'}` : `${num(c.fraction ?? 0, lang)} × max`;

export function diffCaseList(kind: Kind, la: readonly Case[], lb: readonly Case[], path: string): ScoringChange[] {
  const word = WORD[kind];
  if (la.length !== lb.length) {
    const all = (l: readonly Case[], lang: 'vi' | 'en') => l.map((c) => `${cond(c.when, lang)}: ${worth(c, lang)}`).join('; ');
    return [
      {
        kind: 'scoringChanged',
        path: `${path}/${kind}`,
        before: la,
        after: lb,
        message: bi(`các ${word.vi}: ${arrow(all(la, 'vi'), all(lb, 'vi'))}`, `${word.en}s: ${arrow(all(la, 'en'), all(lb, 'en'))}`),
      },
    ];
  }
  const out: ScoringChange[] = [];
  lb.forEach((c, k) => {
    const o = la[k];
    if (!same(o.when, c.when))
      out.push({
        kind: 'conditionChanged',
        path: `${path}/${kind}/${k}/when`,
        before: o.when,
        after: c.when,
        message: bi(
          `${word.vi} ${k + 1}: điều kiện ${arrow(cond(o.when, 'vi'), cond(c.when, 'vi'))}`,
          `${word.en} ${k + 1}: condition ${arrow(cond(o.when, 'en'), cond(c.when, 'en'))}`,
        ),
      });
    if (o.points !== c.points || o.fraction !== c.fraction)
      out.push({
        kind: 'pointsChanged',
        path: `${path}/${kind}/${k}`,
        before: o.points ?? o.fraction,
        after: c.points ?? c.fraction,
        message: bi(
          `${word.vi} ${k + 1}: ${arrow(worth(o, 'vi'), worth(c, 'vi'))}`,
          `${word.en} ${k + 1}: ${arrow(worth(o, 'en'), worth(c, 'en'))}`,
        ),
      });
    if (!same(o.label, c.label))
      out.push({
        kind: 'labelChanged',
        path: `${path}/${kind}/${k}/label`,
        before: o.label,
        after: c.label,
        message: renamed(o.label, c.label, `${word.vi} ${k + 1}: tên`, `${word.en} ${k + 1}: label`),
      });
  });
  return out;
}
