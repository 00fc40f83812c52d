// Facts (the figures agencies enter), matched by id. Everything that changed in one fact is said in
// one sentence.
import { bi, text, type Bilingual } from '../naming';
import type { Fact, RuleSetVersion } from '../schemaTypes';
import type { VersionChange } from './change';
import { arrow, cohortList, lowerFirst, numOr, pair, renamed, same } from './support';

const TYPES: Record<Fact['type'], Bilingual> = {
  number: bi('số', 'number'),
  integer: bi('số nguyên', 'whole number'),
  boolean: bi('có/không', 'yes/no'),
  enum: bi('lựa chọn', 'choice'),
  date: bi('ngày', 'date'),
  text: bi('văn bản', 'text'),
};
const ENTERED_BY = { agency: bi('cơ quan tự đánh giá', 'the agency'), evaluator: bi('người thẩm định', 'the evaluator') };
const EVIDENCE = { required: bi('bắt buộc', 'required'), optional: bi('không bắt buộc', 'optional'), none: bi('không cần', 'not needed') };
const words = (w: Bilingual, lang: 'vi' | 'en') => w[lang];
const noneWord = (lang: 'vi' | 'en') => (lang === 'vi' ? '(không)' : '(none)');
const lt = (t: { vi: string; en?: string } | undefined, lang: 'vi' | 'en') => (t ? `"${text(t, lang)}"` : noneWord(lang));

const factLabel = (f: Fact): Bilingual => bi(`Chỉ tiêu "${text(f.label, 'vi')}" (${f.id})`, `Fact "${text(f.label, 'en')}" (${f.id})`);

export function facts(a: RuleSetVersion, b: RuleSetVersion): VersionChange[] {
  const out: VersionChange[] = [];
  const { matched, removed } = pair(a.facts, b.facts, (f) => f.id);
  for (const { item: fact, index, before } of matched) {
    const path = `/facts/${index}`;
    const name = factLabel(fact);
    if (!before) {
      out.push({
        code: fact.id,
        kind: 'factAdded',
        path,
        after: fact,
        message: bi(
          `Thêm ${lowerFirst(name.vi)}, kiểu ${TYPES[fact.type].vi}`,
          `Added ${lowerFirst(name.en)}, of type ${TYPES[fact.type].en}`,
        ),
      });
      continue;
    }
    const old = before.item;
    const changes: Bilingual[] = [];
    if (old.type !== fact.type)
      changes.push(bi(`kiểu ${arrow(TYPES[old.type].vi, TYPES[fact.type].vi)}`, `type ${arrow(TYPES[old.type].en, TYPES[fact.type].en)}`));
    const range = (f: Fact, lang: 'vi' | 'en') => `[${numOr(f.minimum, lang, '…')}, ${numOr(f.maximum, lang, '…')}]`;
    if (old.minimum !== fact.minimum || old.maximum !== fact.maximum)
      changes.push(bi(`giới hạn ${arrow(range(old, 'vi'), range(fact, 'vi'))}`, `range ${arrow(range(old, 'en'), range(fact, 'en'))}`));
    const optionsOf = (f: Fact) => (f.options ?? []).map((o) => o.value);
    const added = optionsOf(fact).filter((o) => !optionsOf(old).includes(o));
    const dropped = optionsOf(old).filter((o) => !optionsOf(fact).includes(o));
    if (added.length) changes.push(bi(`thêm lựa chọn ${added.join(', ')}`, `new options ${added.join(', ')}`));
    if (dropped.length) changes.push(bi(`bỏ lựa chọn ${dropped.join(', ')}`, `options removed ${dropped.join(', ')}`));
    for (const option of fact.options ?? []) {
      const was = old.options?.find((o) => o.value === option.value);
      if (was && !same(was.label, option.label))
        changes.push(renamed(was.label, option.label, `tên lựa chọn ${option.value}`, `label of option ${option.value}`));
    }
    if ((old.atMostFact ?? null) !== (fact.atMostFact ?? null))
      changes.push(
        bi(
          `không vượt quá ${arrow(old.atMostFact ?? noneWord('vi'), fact.atMostFact ?? noneWord('vi'))}`,
          `at most ${arrow(old.atMostFact ?? noneWord('en'), fact.atMostFact ?? noneWord('en'))}`,
        ),
      );
    if (!same(old.unit, fact.unit))
      changes.push(
        bi(`đơn vị ${arrow(lt(old.unit, 'vi'), lt(fact.unit, 'vi'))}`, `unit ${arrow(lt(old.unit, 'en'), lt(fact.unit, 'en'))}`),
      );
    if (!same(old.help, fact.help)) changes.push(bi('sửa hướng dẫn nhập', 'help text changed'));
    if (!same(old.source, fact.source))
      changes.push(
        bi(
          `nguồn số liệu ${arrow(lt(old.source, 'vi'), lt(fact.source, 'vi'))}`,
          `data source ${arrow(lt(old.source, 'en'), lt(fact.source, 'en'))}`,
        ),
      );
    if ((old.required ?? true) !== (fact.required ?? true))
      changes.push(fact.required === false ? bi('không còn bắt buộc', 'no longer required') : bi('trở thành bắt buộc', 'now required'));
    if ((old.enteredBy ?? 'agency') !== (fact.enteredBy ?? 'agency'))
      changes.push(
        bi(
          `người nhập ${arrow(words(ENTERED_BY[old.enteredBy ?? 'agency'], 'vi'), words(ENTERED_BY[fact.enteredBy ?? 'agency'], 'vi'))}`,
          `entered by ${arrow(words(ENTERED_BY[old.enteredBy ?? 'agency'], 'en'), words(ENTERED_BY[fact.enteredBy ?? 'agency'], 'en'))}`,
        ),
      );
    if ((old.evidence ?? 'optional') !== (fact.evidence ?? 'optional'))
      changes.push(
        bi(
          `tài liệu kiểm chứng ${arrow(EVIDENCE[old.evidence ?? 'optional'].vi, EVIDENCE[fact.evidence ?? 'optional'].vi)}`,
          `evidence ${arrow(EVIDENCE[old.evidence ?? 'optional'].en, EVIDENCE[fact.evidence ?? 'optional'].en)}`,
        ),
      );
    if (!same(old.cohorts, fact.cohorts))
      changes.push(
        bi(
          `hỏi khối ${arrow(cohortList(old.cohorts, a.cohorts, 'vi'), cohortList(fact.cohorts, b.cohorts, 'vi'))}`,
          `asked of ${arrow(cohortList(old.cohorts, a.cohorts, 'en'), cohortList(fact.cohorts, b.cohorts, 'en'))}`,
        ),
      );
    if (!same(old.label, fact.label)) changes.push(renamed(old.label, fact.label, 'tên', 'label'));
    if (changes.length)
      out.push({
        code: fact.id,
        kind: 'factChanged',
        path,
        before: old,
        after: fact,
        message: bi(`${name.vi}: ${changes.map((c) => c.vi).join('; ')}`, `${name.en}: ${changes.map((c) => c.en).join('; ')}`),
      });
  }
  for (const { item, index } of removed)
    out.push({
      code: item.id,
      kind: 'factRemoved',
      path: `/facts/${index}`,
      before: item,
      message: bi(`Bỏ ${lowerFirst(factLabel(item).vi)}`, `Removed ${lowerFirst(factLabel(item).en)}`),
    });
  return out;
}
