// The version's own fields: rule set, label, titles, legal basis, period in force, numeric policy
// and agency attributes. The policy's defaults are filled in before comparing, so writing a default
// out explicitly is not a change.
import { viDay } from '../day';
import { bi, text, type Bilingual } from '../naming';
import type { LocalizedText, RuleSetVersion } from '../schemaTypes';
import type { VersionChange } from './change';
import { arrow, lowerFirst, pair, renamed, same } from './support';

export function metadata(a: RuleSetVersion, b: RuleSetVersion): VersionChange[] {
  const out: VersionChange[] = [];
  if (a.ruleSet !== b.ruleSet || a.version !== b.version)
    out.push({
      code: '',
      kind: 'versionChanged',
      path: '/version',
      before: { ruleSet: a.ruleSet, version: a.version },
      after: { ruleSet: b.ruleSet, version: b.version },
      message: bi(
        `Phiên bản: ${arrow(`${a.ruleSet} ${a.version}`, `${b.ruleSet} ${b.version}`)}`,
        `Version: ${arrow(`${a.ruleSet} ${a.version}`, `${b.ruleSet} ${b.version}`)}`,
      ),
    });
  if (!same(a.ruleSetTitle, b.ruleSetTitle))
    out.push({
      code: '',
      kind: 'titleChanged',
      path: '/ruleSetTitle',
      before: a.ruleSetTitle,
      after: b.ruleSetTitle,
      message: renamed(a.ruleSetTitle ?? a.title, b.ruleSetTitle ?? b.title, 'Tên chung của bộ chỉ số', 'Rule-set title'),
    });
  if (!same(a.title, b.title))
    out.push({
      code: '',
      kind: 'titleChanged',
      path: '/title',
      before: a.title,
      after: b.title,
      message: renamed(a.title, b.title, 'Tên bộ chỉ số', 'Title'),
    });
  if (!same(a.legalBasis, b.legalBasis)) {
    const basis = (l: RuleSetVersion['legalBasis'], lang: 'vi' | 'en') =>
      lang === 'vi' ? `${l.decision} ngày ${viDay(l.date)} của ${l.issuer}` : `${l.decision} of ${l.date} by ${l.issuer}`;
    const titled = !same(a.legalBasis.title, b.legalBasis.title) && b.legalBasis.title;
    out.push({
      code: '',
      kind: 'legalBasisChanged',
      path: '/legalBasis',
      before: a.legalBasis,
      after: b.legalBasis,
      message: bi(
        `Căn cứ: ${arrow(basis(a.legalBasis, 'vi'), basis(b.legalBasis, 'vi'))}${titled ? ` (${text(b.legalBasis.title!, 'vi')})` : ''}`,
        `Legal basis: ${arrow(basis(a.legalBasis, 'en'), basis(b.legalBasis, 'en'))}${titled ? ` (${text(b.legalBasis.title!, 'en')})` : ''}`,
      ),
    });
  }
  if (!same(a.effective, b.effective)) {
    const period = (e: RuleSetVersion['effective'], lang: 'vi' | 'en') =>
      lang === 'vi' ? `${viDay(e.from)} – ${e.to ? viDay(e.to) : 'không thời hạn'}` : `${e.from} – ${e.to ?? 'open-ended'}`;
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
  out.push(...attributes(a, b));
  return out;
}

const ATTRIBUTE_TYPES: Record<string, Bilingual> = {
  text: bi('văn bản', 'text'),
  boolean: bi('có/không', 'yes/no'),
  number: bi('số', 'number'),
  enum: bi('lựa chọn', 'choice'),
};

/** Agency attributes (what cohort and applicability conditions may read of an agency). */
function attributes(a: RuleSetVersion, b: RuleSetVersion): VersionChange[] {
  const out: VersionChange[] = [];
  const { matched, removed } = pair(a.agencyAttributes ?? [], b.agencyAttributes ?? [], (x) => x.id);
  const name = (x: { id: string; label: LocalizedText }, lang: 'vi' | 'en') =>
    lang === 'vi' ? `Thuộc tính cơ quan "${text(x.label, 'vi')}" (${x.id})` : `Agency attribute "${text(x.label, 'en')}" (${x.id})`;
  const options = (x: { options?: { value: string }[] }) => (x.options ?? []).map((o) => o.value).join(', ') || '—';
  for (const { item, index, before } of matched) {
    const path = `/agencyAttributes/${index}`;
    if (!before) {
      out.push({
        code: item.id,
        kind: 'attributeChanged',
        path,
        after: item,
        message: bi(`Thêm ${lowerFirst(name(item, 'vi'))}`, `Added ${lowerFirst(name(item, 'en'))}`),
      });
      continue;
    }
    const old = before.item;
    const changes: Bilingual[] = [];
    if (old.type !== item.type)
      changes.push(
        bi(
          `kiểu ${arrow(ATTRIBUTE_TYPES[old.type].vi, ATTRIBUTE_TYPES[item.type].vi)}`,
          `type ${arrow(ATTRIBUTE_TYPES[old.type].en, ATTRIBUTE_TYPES[item.type].en)}`,
        ),
      );
    if (!same(old.options, item.options))
      changes.push(bi(`giá trị ${arrow(options(old), options(item))}`, `values ${arrow(options(old), options(item))}`));
    if (!same(old.label, item.label)) changes.push(renamed(old.label, item.label, 'tên', 'label'));
    if (changes.length)
      out.push({
        code: item.id,
        kind: 'attributeChanged',
        path,
        before: old,
        after: item,
        message: bi(
          `${name(item, 'vi')}: ${changes.map((c) => c.vi).join('; ')}`,
          `${name(item, 'en')}: ${changes.map((c) => c.en).join('; ')}`,
        ),
      });
  }
  for (const { item, index } of removed)
    out.push({
      code: item.id,
      kind: 'attributeChanged',
      path: `/agencyAttributes/${index}`,
      before: item,
      message: bi(`Bỏ ${lowerFirst(name(item, 'vi'))}`, `Removed ${lowerFirst(name(item, 'en'))}`),
    });
  return out;
}
