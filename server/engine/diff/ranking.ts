// How agencies are ordered (ranking key, tie-breakers) and the figures published with the result.
import { bi, text } from '../naming';
import type { RuleSetVersion } from '../schemaTypes';
import type { VersionChange } from './change';
import { arrow, pair, same } from './support';

const BY = { total: bi('tổng điểm', 'total points'), percentage: bi('tỷ lệ điểm so với tối đa', 'percentage of the maximum') };

export function ranking(a: RuleSetVersion, b: RuleSetVersion): VersionChange[] {
  const out: VersionChange[] = [];
  if (a.ranking.by !== b.ranking.by)
    out.push({
      code: '',
      kind: 'rankingChanged',
      path: '/ranking/by',
      before: a.ranking.by,
      after: b.ranking.by,
      message: bi(
        `Xếp hạng theo ${arrow(BY[a.ranking.by].vi, BY[b.ranking.by].vi)}`,
        `Ranking by ${arrow(BY[a.ranking.by].en, BY[b.ranking.by].en)}`,
      ),
    });
  const average = (r: RuleSetVersion['ranking']) => r.average ?? 'meanOfCohortMeans';
  const AVERAGES = {
    meanOfCohortMeans: bi('trung bình của các khối', 'the mean of the cohort means'),
    meanOfUnits: bi('trung bình các cơ quan, đơn vị', 'the mean over units'),
  };
  if (average(a.ranking) !== average(b.ranking))
    out.push({
      code: '',
      kind: 'rankingChanged',
      path: '/ranking/average',
      before: average(a.ranking),
      after: average(b.ranking),
      message: bi(
        `Điểm trung bình chung: ${arrow(AVERAGES[average(a.ranking)].vi, AVERAGES[average(b.ranking)].vi)}`,
        `Overall average: ${arrow(AVERAGES[average(a.ranking)].en, AVERAGES[average(b.ranking)].en)}`,
      ),
    });
  const tb = (r: RuleSetVersion['ranking']) => (r.tieBreakers ?? []).map((t) => `${t.node}${t.order === 'ascending' ? '↑' : ''}`);
  if (!same(tb(a.ranking), tb(b.ranking)))
    out.push({
      code: '',
      kind: 'rankingChanged',
      path: '/ranking/tieBreakers',
      before: a.ranking.tieBreakers,
      after: b.ranking.tieBreakers,
      message: bi(
        `Tiêu chí phụ khi bằng điểm: ${arrow(tb(a.ranking).join(', ') || '(không)', tb(b.ranking).join(', ') || '(không)')}`,
        `Tie-breakers: ${arrow(tb(a.ranking).join(', ') || '(none)', tb(b.ranking).join(', ') || '(none)')}`,
      ),
    });
  const { matched, removed } = pair(a.resultFields ?? [], b.resultFields ?? [], (r) => r.id);
  for (const { item, index, before } of matched) {
    if (before && same(before.item, item)) continue;
    const formula = (r: typeof item) => `${r.source} × ${r.multiplier}, ${r.places}`;
    out.push({
      code: item.id,
      kind: 'resultFieldChanged',
      path: `/resultFields/${index}`,
      before: before?.item,
      after: item,
      message: before
        ? bi(
            `Kết quả công bố ${text(item.label, 'vi')}: ${arrow(formula(before.item), formula(item))} chữ số`,
            `Published figure ${text(item.label, 'en')}: ${arrow(formula(before.item), formula(item))} places`,
          )
        : bi(
            `Thêm kết quả công bố ${text(item.label, 'vi')} (${formula(item)} chữ số)`,
            `New published figure ${text(item.label, 'en')} (${formula(item)} places)`,
          ),
    });
  }
  for (const { item, index } of removed)
    out.push({
      code: item.id,
      kind: 'resultFieldChanged',
      path: `/resultFields/${index}`,
      before: item,
      message: bi(`Bỏ kết quả công bố ${text(item.label, 'vi')}`, `Removed published figure ${text(item.label, 'en')}`),
    });
  return out;
}
