// Cohorts, matched by id, and bands — a cohort's own or the version's, worded the same way.
import { about, bi, text, type Bilingual } from '../naming';
import type { Bands, Cohort, RuleSetVersion } from '../schemaTypes';
import { num } from '../text';
import type { VersionChange } from './change';
import { arrow, cond, lowerFirst, pair, renamed, same } from './support';

export function bandChanges(a: Bands, b: Bands, base: string, code: string, scope: Bilingual): VersionChange[] {
  const out: VersionChange[] = [];
  const prefix = (m: Bilingual) => bi(`${scope.vi}${m.vi}`, `${scope.en}${m.en}`);
  if (a.basis !== b.basis)
    out.push({
      code,
      kind: 'bandsChanged',
      path: `${base}/basis`,
      before: a.basis,
      after: b.basis,
      message: prefix(
        bi(
          `Xếp loại theo ${a.basis === 'points' ? 'điểm' : 'tỷ lệ %'} → ${b.basis === 'points' ? 'điểm' : 'tỷ lệ %'}`,
          `Bands on ${a.basis === 'points' ? 'points' : 'percentage'} → ${b.basis === 'points' ? 'points' : 'percentage'}`,
        ),
      ),
    });
  const { matched, removed } = pair(a.levels, b.levels, (l) => l.id);
  for (const { item: band, index, before } of matched) {
    const path = `${base}/levels/${index}`;
    if (!before) {
      out.push({
        code: band.id,
        kind: 'bandsChanged',
        path,
        after: band,
        message: prefix(
          bi(
            `Thêm xếp loại ${text(band.label, 'vi')} (từ ${num(band.min, 'vi')})`,
            `New band ${text(band.label, 'en')} (from ${num(band.min, 'en')})`,
          ),
        ),
      });
      continue;
    }
    if (before.item.min !== band.min)
      out.push({
        code: band.id,
        kind: 'bandsChanged',
        path: `${path}/min`,
        before: before.item.min,
        after: band.min,
        message: prefix(
          bi(
            `Ngưỡng xếp loại ${text(band.label, 'vi')}: ${arrow(num(before.item.min, 'vi'), num(band.min, 'vi'))}`,
            `Threshold of band ${text(band.label, 'en')}: ${arrow(num(before.item.min, 'en'), num(band.min, 'en'))}`,
          ),
        ),
      });
    if ((before.item.color ?? null) !== (band.color ?? null))
      out.push({
        code: band.id,
        kind: 'bandsChanged',
        path: `${path}/color`,
        before: before.item.color,
        after: band.color,
        message: prefix(
          bi(
            `Màu xếp loại ${text(band.label, 'vi')}: ${arrow(before.item.color ?? '(mặc định)', band.color ?? '(mặc định)')}`,
            `Colour of band ${text(band.label, 'en')}: ${arrow(before.item.color ?? '(default)', band.color ?? '(default)')}`,
          ),
        ),
      });
    if (!same(before.item.label, band.label))
      out.push({
        code: band.id,
        kind: 'bandsChanged',
        path: `${path}/label`,
        before: before.item.label,
        after: band.label,
        message: prefix(renamed(before.item.label, band.label, 'Tên xếp loại', 'Band name')),
      });
  }
  for (const { item, index } of removed)
    out.push({
      code: item.id,
      kind: 'bandsChanged',
      path: `${base}/levels/${index}`,
      before: item,
      message: prefix(bi(`Bỏ xếp loại ${text(item.label, 'vi')}`, `Band ${text(item.label, 'en')} removed`)),
    });
  return out;
}

export function cohorts(a: RuleSetVersion, b: RuleSetVersion): VersionChange[] {
  const out: VersionChange[] = [];
  const { matched, removed } = pair(a.cohorts, b.cohorts, (c) => c.id);
  const name = (c: Cohort) => bi(`Khối ${text(c.name, 'vi', c.id)}`, `Cohort ${text(c.name, 'en', c.id)}`);
  for (const { item: cohort, index, before } of matched) {
    const path = `/cohorts/${index}`;
    const n = name(cohort);
    if (!before) {
      out.push({
        code: cohort.id,
        kind: 'cohortAdded',
        path,
        after: cohort,
        message: bi(
          `Thêm ${lowerFirst(n.vi)} (tối đa ${num(cohort.maxScore, 'vi')} điểm; ${cond(cohort.membership, 'vi')})`,
          `Added ${lowerFirst(n.en)} (maximum ${num(cohort.maxScore, 'en')}; ${cond(cohort.membership, 'en')})`,
        ),
      });
      continue;
    }
    const old = before.item;
    if (old.maxScore !== cohort.maxScore)
      out.push({
        code: cohort.id,
        kind: 'cohortMaxChanged',
        path: `${path}/maxScore`,
        before: old.maxScore,
        after: cohort.maxScore,
        message: about(
          n,
          bi(
            `điểm tối đa ${arrow(num(old.maxScore, 'vi'), num(cohort.maxScore, 'vi'))}`,
            `maximum ${arrow(num(old.maxScore, 'en'), num(cohort.maxScore, 'en'))}`,
          ),
        ),
      });
    if (!same(old.membership, cohort.membership))
      out.push({
        code: cohort.id,
        kind: 'cohortMembershipChanged',
        path: `${path}/membership`,
        before: old.membership,
        after: cohort.membership,
        message: about(
          n,
          bi(
            `điều kiện thuộc khối ${arrow(cond(old.membership, 'vi'), cond(cohort.membership, 'vi'))}`,
            `membership ${arrow(cond(old.membership, 'en'), cond(cohort.membership, 'en'))}`,
          ),
        ),
      });
    if (old.ranked !== cohort.ranked)
      out.push({
        code: cohort.id,
        kind: 'cohortChanged',
        path: `${path}/ranked`,
        before: old.ranked,
        after: cohort.ranked,
        message: about(n, cohort.ranked ? bi('được xếp hạng', 'now ranked') : bi('không còn xếp hạng', 'no longer ranked')),
      });
    if ((old.notApplicable ?? 'rescale') !== (cohort.notApplicable ?? 'rescale'))
      out.push({
        code: cohort.id,
        kind: 'cohortChanged',
        path: `${path}/notApplicable`,
        before: old.notApplicable ?? 'rescale',
        after: cohort.notApplicable ?? 'rescale',
        message: about(
          n,
          bi(
            `mục không áp dụng: ${arrow(old.notApplicable ?? 'rescale', cohort.notApplicable ?? 'rescale')}`,
            `items not applicable: ${arrow(old.notApplicable ?? 'rescale', cohort.notApplicable ?? 'rescale')}`,
          ),
        ),
      });
    if (!same(old.name, cohort.name))
      out.push({
        code: cohort.id,
        kind: 'cohortChanged',
        path: `${path}/name`,
        before: old.name,
        after: cohort.name,
        message: renamed(old.name, cohort.name, 'Tên khối', 'Cohort name'),
      });
    // A cohort's bands are its own or the version's.
    const scope = bi(`${n.vi}: `, `${n.en}: `);
    if (old.bands && cohort.bands) out.push(...bandChanges(old.bands, cohort.bands, `${path}/bands`, cohort.id, scope));
    else if (old.bands || cohort.bands)
      out.push({
        code: cohort.id,
        kind: 'bandsChanged',
        path: `${path}/bands`,
        before: old.bands,
        after: cohort.bands,
        message: about(
          n,
          cohort.bands
            ? bi('dùng thang xếp loại riêng', 'now has its own bands')
            : bi('dùng thang xếp loại chung', 'now uses the common bands'),
        ),
      });
  }
  for (const { item, index } of removed)
    out.push({
      code: item.id,
      kind: 'cohortRemoved',
      path: `/cohorts/${index}`,
      before: item,
      message: bi(`Bỏ ${lowerFirst(name(item).vi)}`, `Removed ${lowerFirst(name(item).en)}`),
    });
  return out;
}
