// Facts (the figures agencies enter), matched by id. Everything that changed in one fact is said in
// one sentence.
import { bi, text, type Bilingual } from '../naming';
import type { Fact, RuleSetVersion } from '../schemaTypes';
import type { VersionChange } from './change';
import { arrow, list, lowerFirst, numOr, pair, renamed, same } from './support';

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
        message: bi(`Thêm ${lowerFirst(name.vi)}, kiểu ${fact.type}`, `Added ${lowerFirst(name.en)}, of type ${fact.type}`),
      });
      continue;
    }
    const old = before.item;
    const changes: Bilingual[] = [];
    if (old.type !== fact.type) changes.push(bi(`kiểu ${arrow(old.type, fact.type)}`, `type ${arrow(old.type, fact.type)}`));
    const range = (f: Fact, lang: 'vi' | 'en') => `[${numOr(f.minimum, lang, '…')}, ${numOr(f.maximum, lang, '…')}]`;
    if (old.minimum !== fact.minimum || old.maximum !== fact.maximum)
      changes.push(bi(`giới hạn ${arrow(range(old, 'vi'), range(fact, 'vi'))}`, `range ${arrow(range(old, 'en'), range(fact, 'en'))}`));
    const optionsOf = (f: Fact) => (f.options ?? []).map((o) => o.value);
    const added = optionsOf(fact).filter((o) => !optionsOf(old).includes(o));
    const dropped = optionsOf(old).filter((o) => !optionsOf(fact).includes(o));
    if (added.length) changes.push(bi(`thêm lựa chọn ${added.join(', ')}`, `new options ${added.join(', ')}`));
    if (dropped.length) changes.push(bi(`bỏ lựa chọn ${dropped.join(', ')}`, `options removed ${dropped.join(', ')}`));
    if ((old.required ?? true) !== (fact.required ?? true))
      changes.push(fact.required === false ? bi('không còn bắt buộc', 'no longer required') : bi('trở thành bắt buộc', 'now required'));
    if ((old.enteredBy ?? 'agency') !== (fact.enteredBy ?? 'agency'))
      changes.push(
        bi(
          `người nhập ${arrow(old.enteredBy ?? 'agency', fact.enteredBy ?? 'agency')}`,
          `entered by ${arrow(old.enteredBy ?? 'agency', fact.enteredBy ?? 'agency')}`,
        ),
      );
    if ((old.evidence ?? 'optional') !== (fact.evidence ?? 'optional'))
      changes.push(
        bi(
          `tài liệu kiểm chứng ${arrow(old.evidence ?? 'optional', fact.evidence ?? 'optional')}`,
          `evidence ${arrow(old.evidence ?? 'optional', fact.evidence ?? 'optional')}`,
        ),
      );
    if (!same(old.cohorts, fact.cohorts))
      changes.push(
        bi(
          `hỏi khối ${arrow(list(old.cohorts, 'vi'), list(fact.cohorts, 'vi'))}`,
          `asked of ${arrow(list(old.cohorts, 'en'), list(fact.cohorts, 'en'))}`,
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
