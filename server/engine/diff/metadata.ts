// The version's own fields: title, legal basis, period in force and numeric policy. The policy's
// defaults are filled in before comparing, so writing a default out explicitly is not a change.
import { bi, type Bilingual } from '../naming';
import type { RuleSetVersion } from '../schemaTypes';
import type { VersionChange } from './change';
import { arrow, renamed, same } from './support';

export function metadata(a: RuleSetVersion, b: RuleSetVersion): VersionChange[] {
  const out: VersionChange[] = [];
  if (!same(a.title, b.title))
    out.push({
      code: '',
      kind: 'titleChanged',
      path: '/title',
      before: a.title,
      after: b.title,
      message: renamed(a.title, b.title, 'Tên bộ chỉ số', 'Title'),
    });
  if (!same(a.legalBasis, b.legalBasis))
    out.push({
      code: '',
      kind: 'legalBasisChanged',
      path: '/legalBasis',
      before: a.legalBasis,
      after: b.legalBasis,
      message: bi(
        `Căn cứ: ${a.legalBasis.decision} ngày ${a.legalBasis.date} → ${b.legalBasis.decision} ngày ${b.legalBasis.date}`,
        `Legal basis: ${a.legalBasis.decision} of ${a.legalBasis.date} → ${b.legalBasis.decision} of ${b.legalBasis.date}`,
      ),
    });
  if (!same(a.effective, b.effective)) {
    const period = (e: RuleSetVersion['effective'], lang: 'vi' | 'en') =>
      `${e.from} – ${e.to ?? (lang === 'vi' ? 'không thời hạn' : 'open-ended')}`;
    out.push({
      code: '',
      kind: 'effectiveChanged',
      path: '/effective',
      before: a.effective,
      after: b.effective,
      message: bi(
        `Hiệu lực: ${arrow(period(a.effective, 'vi'), period(b.effective, 'vi'))}`,
        `In force: ${arrow(period(a.effective, 'en'), period(b.effective, 'en'))}`,
      ),
    });
  }
  const policy = (n: RuleSetVersion['numeric']) => ({
    places: n.places,
    rounding: n.rounding,
    roundCriteria: n.roundCriteria ?? false,
    classifyOn: n.classifyOn ?? 'exact',
    floorAtZero: n.floorAtZero ?? true,
  });
  const pa = policy(a.numeric);
  const pb = policy(b.numeric);
  for (const key of Object.keys(pb) as (keyof typeof pb)[]) {
    if (pa[key] === pb[key]) continue;
    const words: Record<string, Bilingual> = {
      places: bi('số chữ số thập phân', 'decimal places'),
      rounding: bi('cách làm tròn', 'rounding'),
      roundCriteria: bi('làm tròn từng tiêu chí', 'round each criterion'),
      classifyOn: bi('xếp loại theo tổng', 'classify on the total'),
      floorAtZero: bi('không âm', 'floor at zero'),
    };
    out.push({
      code: '',
      kind: 'numericChanged',
      path: `/numeric/${key}`,
      before: pa[key],
      after: pb[key],
      message: bi(
        `Quy tắc số: ${words[key].vi} ${arrow(String(pa[key]), String(pb[key]))}`,
        `Numeric policy: ${words[key].en} ${arrow(String(pa[key]), String(pb[key]))}`,
      ),
    });
  }
  return out;
}
