// Points a method can give must fit the item's maximum: a case worth more than the item is a typo;
// parts or sub-formulas adding up to more are capped, which is sometimes meant (so a warning).
import type { Finding } from '../finding';
import { D, exact } from '../decimal';
import type { Case } from '../schemaTypes';
import { about, bi, error, nodeName, warning, type LintContext } from './context';
import { scoringSites } from './walk';

const worth = (c: Case, budget: number) => (c.points !== undefined ? D(c.points) : D(c.fraction ?? 0).times(budget));

export function points(ctx: LintContext): Finding[] {
  const out: Finding[] = [];
  for (const { scoring, path, entry, budget } of scoringSites(ctx)) {
    const name = nodeName(entry.node);
    switch (scoring.method) {
      case 'cases':
      case 'parts': {
        const list = scoring.method === 'cases' ? scoring.cases : scoring.parts;
        const what = scoring.method === 'cases' ? bi('trường hợp', 'case') : bi('phần', 'part');
        list.forEach((c, k) => {
          if (c.points !== undefined && c.points > budget)
            out.push(
              error(
                `${path}/${scoring.method}/${k}/points`,
                scoring.method === 'cases' ? 'case-points-above-max' : 'part-points-above-max',
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
        if (scoring.method === 'parts') {
          const sum = list.reduce((acc, c) => acc.plus(worth(c, budget)), D(0));
          if (sum.greaterThan(budget))
            out.push(
              warning(
                `${path}/parts`,
                'parts-sum-above-max',
                about(
                  name,
                  bi(
                    `các phần cộng lại ${exact(sum)} điểm, vượt điểm tối đa ${budget}; điểm sẽ bị giới hạn ở ${budget}`,
                    `the parts add up to ${exact(sum)}, above the maximum ${budget}; points are capped at ${budget}`,
                  ),
                ),
              ),
            );
        }
        break;
      }
      case 'composite': {
        const sum = scoring.parts.reduce((acc, p) => acc.plus(p.max), D(0));
        if (sum.greaterThan(budget))
          out.push(
            warning(
              `${path}/parts`,
              'composite-sum-above-max',
              about(
                name,
                bi(
                  `các thành phần cộng lại ${exact(sum)} điểm, vượt điểm tối đa ${budget}; điểm sẽ bị giới hạn`,
                  `the parts add up to ${exact(sum)}, above the maximum ${budget}; points are capped`,
                ),
              ),
            ),
          );
        else if (sum.lessThan(budget))
          out.push(
            warning(
              `${path}/parts`,
              'composite-sum-below-max',
              about(
                name,
                bi(
                  `các thành phần cộng lại chỉ ${exact(sum)} điểm, không thể đạt điểm tối đa ${budget}`,
                  `the parts add up to only ${exact(sum)}, so the maximum ${budget} cannot be reached`,
                ),
              ),
            ),
          );
        break;
      }
      case 'countCap':
        if (scoring.cap !== undefined && scoring.cap > budget)
          out.push(
            warning(
              `${path}/cap`,
              'cap-above-max',
              about(
                name,
                bi(
                  `mức trần ${scoring.cap} vượt điểm tối đa ${budget}; điểm sẽ bị giới hạn ở ${budget}`,
                  `the cap ${scoring.cap} is above the maximum ${budget}; points are capped at ${budget}`,
                ),
              ),
            ),
          );
        break;
      case 'manual':
        if (scoring.min !== undefined && scoring.min > budget)
          out.push(
            error(
              `${path}/min`,
              'manual-min-above-max',
              about(
                name,
                bi(`điểm tối thiểu ${scoring.min} vượt điểm tối đa ${budget}`, `the minimum ${scoring.min} is above the maximum ${budget}`),
              ),
            ),
          );
        break;
      default:
        break;
    }
  }
  return out;
}
