// The criteria tree. Nodes are paired by link, id or what they say (diff/pairing.ts), wherever they
// sit: a criterion renumbered is reported as renumbered, one put under another parent as moved.
import { about, bi, KINDS, nodeName, text, type Bilingual } from '../naming';
import type { Node, RuleSetVersion } from '../schemaTypes';
import { num } from '../text';
import type { VersionChange, VersionChangeKind } from './change';
import { METHODS } from '../methods';
import { scoringChanges } from './scoring';
import { flat, pairNodes } from './pairing';
import { arrow, cohortList, cohortName, cond, lowerFirst, numOr, renamed, same } from './support';

export function criteria(a: RuleSetVersion, b: RuleSetVersion): VersionChange[] {
  const out: VersionChange[] = [];
  const pairs = pairNodes(a, b);
  const paired = new Set([...pairs.values()].map((p) => p.node));
  const after = flat(b);
  const placedOf = new Map(after.map((p) => [p.node, p]));
  // What was dropped first: "Bỏ tiêu chí 4.2 …; tiêu chí 4.3 được đánh số lại thành 4.2" reads in that order.
  for (const { node, path } of flat(a)) {
    if (paired.has(node)) continue;
    const name = nodeName(node);
    out.push({
      code: node.code,
      kind: 'removed',
      path,
      before: node,
      message: bi(`Bỏ ${lowerFirst(name.vi)} "${text(node.title, 'vi')}"`, `Removed ${lowerFirst(name.en)} "${text(node.title, 'en')}"`),
    });
  }
  for (const { node, path, parent } of after) {
    const name = nodeName(node);
    const old = pairs.get(path);
    const change = (kind: VersionChangeKind, at: string, was: unknown, now: unknown, message: Bilingual) =>
      out.push({ code: node.code, kind, path: at, before: was, after: now, message: about(name, message) });
    if (!old) {
      const max = node.max !== undefined ? bi(`, tối đa ${num(node.max, 'vi')} điểm`, `, maximum ${num(node.max, 'en')}`) : bi('', '');
      out.push({
        code: node.code,
        kind: 'added',
        path,
        after: node,
        message: bi(
          `Thêm ${lowerFirst(name.vi)} "${text(node.title, 'vi')}"${max.vi}`,
          `Added ${lowerFirst(name.en)} "${text(node.title, 'en')}"${max.en}`,
        ),
      });
      continue;
    }
    if (old.node.code !== node.code) {
      const was = nodeName(old.node);
      out.push({
        code: node.code,
        kind: 'renumbered',
        path: `${path}/code`,
        before: old.node.code,
        after: node.code,
        message: bi(`${was.vi} được đánh số lại thành ${node.code}`, `${was.en} renumbered as ${node.code}`),
      });
    }
    const was = old.node;
    if (was.kind !== node.kind)
      change(
        'kindChanged',
        `${path}/kind`,
        was.kind,
        node.kind,
        bi(
          `loại ${arrow(KINDS[was.kind].vi.toLowerCase(), KINDS[node.kind].vi.toLowerCase())}`,
          `kind ${arrow(KINDS[was.kind].en.toLowerCase(), KINDS[node.kind].en.toLowerCase())}`,
        ),
      );
    // Moved: the new parent is not the old parent (as paired), whatever the codes say.
    const parentWas = parent ? (pairs.get(placedOf.get(parent)!.path)?.node ?? null) : null;
    if (parentWas !== old.parent) {
      const p = (n: Node | null, lang: 'vi' | 'en') => n?.code ?? (lang === 'vi' ? 'gốc' : 'top level');
      change(
        'moved',
        path,
        old.parent?.code ?? null,
        parent?.code ?? null,
        bi(`chuyển từ ${p(old.parent, 'vi')} sang ${p(parent, 'vi')}`, `moved from ${p(old.parent, 'en')} to ${p(parent, 'en')}`),
      );
    }
    if (!same(was.title, node.title))
      change('titleChanged', `${path}/title`, was.title, node.title, renamed(was.title, node.title, 'tên', 'title'));
    if (was.max !== node.max)
      change(
        'maxChanged',
        `${path}/max`,
        was.max,
        node.max,
        bi(
          `điểm tối đa ${arrow(numOr(was.max, 'vi', '—'), numOr(node.max, 'vi', '—'))}`,
          `maximum ${arrow(numOr(was.max, 'en', '—'), numOr(node.max, 'en', '—'))}`,
        ),
      );
    const cohortsOfMax = [...new Set([...Object.keys(was.maxByCohort ?? {}), ...Object.keys(node.maxByCohort ?? {})])];
    for (const c of cohortsOfMax) {
      const x = was.maxByCohort?.[c];
      const y = node.maxByCohort?.[c];
      if (x !== y)
        change(
          'maxChanged',
          `${path}/maxByCohort/${c}`,
          x,
          y,
          bi(
            `điểm tối đa của khối ${cohortName(c, b.cohorts, 'vi')} ${arrow(numOr(x, 'vi', '—'), numOr(y, 'vi', '—'))}`,
            `maximum for cohort ${cohortName(c, b.cohorts, 'en')} ${arrow(numOr(x, 'en', '—'), numOr(y, 'en', '—'))}`,
          ),
        );
    }
    if ((was.capped ?? false) !== (node.capped ?? false))
      change(
        'maxChanged',
        `${path}/capped`,
        was.capped ?? false,
        node.capped ?? false,
        node.capped ? bi('giới hạn ở điểm tối đa', 'now capped at its maximum') : bi('bỏ giới hạn điểm tối đa', 'no longer capped'),
      );
    if (!same(was.cohorts, node.cohorts))
      change(
        'cohortsChanged',
        `${path}/cohorts`,
        was.cohorts,
        node.cohorts,
        bi(
          `áp dụng cho khối ${arrow(cohortList(was.cohorts, a.cohorts, 'vi'), cohortList(node.cohorts, b.cohorts, 'vi'))}`,
          `applies to ${arrow(cohortList(was.cohorts, a.cohorts, 'en'), cohortList(node.cohorts, b.cohorts, 'en'))}`,
        ),
      );
    if (!same(was.applicableWhen, node.applicableWhen))
      change(
        'conditionChanged',
        `${path}/applicableWhen`,
        was.applicableWhen,
        node.applicableWhen,
        bi(
          `điều kiện áp dụng ${arrow(cond(was.applicableWhen, 'vi'), cond(node.applicableWhen, 'vi'))}`,
          `applicable when ${arrow(cond(was.applicableWhen, 'en'), cond(node.applicableWhen, 'en'))}`,
        ),
      );
    if (was.scoring && node.scoring) {
      if (was.scoring.method !== node.scoring.method)
        change(
          'methodChanged',
          `${path}/scoring/method`,
          was.scoring.method,
          node.scoring.method,
          bi(
            `phương pháp chấm ${arrow(METHODS[was.scoring.method].name.vi, METHODS[node.scoring.method].name.vi)}`,
            `method ${arrow(METHODS[was.scoring.method].name.en, METHODS[node.scoring.method].name.en)}`,
          ),
        );
      else
        for (const c of scoringChanges(was.scoring, node.scoring, `${path}/scoring`)) change(c.kind, c.path, c.before, c.after, c.message);
    }
    if ((was.provisional ?? false) !== (node.provisional ?? false))
      change(
        'provisionalChanged',
        `${path}/provisional`,
        was.provisional ?? false,
        node.provisional ?? false,
        node.provisional
          ? bi('trở thành tạm tính', 'now provisional')
          : bi('đã xác nhận theo văn bản', 'now confirmed from the regulation'),
      );
    if ((was.legalRef ?? '') !== (node.legalRef ?? ''))
      change(
        'legalRefChanged',
        `${path}/legalRef`,
        was.legalRef,
        node.legalRef,
        bi(
          `căn cứ ${arrow(was.legalRef ?? '—', node.legalRef ?? '—')}`,
          `legal reference ${arrow(was.legalRef ?? '—', node.legalRef ?? '—')}`,
        ),
      );
    if ((was.source ?? '') !== (node.source ?? ''))
      // Source notes run to paragraphs: that one changed is said, the text is in the versions.
      change('sourceChanged', `${path}/source`, was.source, node.source, bi('sửa ghi chú nguồn', 'source note revised'));
    if (!same(was.evidence, node.evidence))
      change(
        'evidenceChanged',
        `${path}/evidence`,
        was.evidence,
        node.evidence,
        bi(
          `tài liệu kiểm chứng ${arrow(was.evidence ? text(was.evidence, 'vi') : '—', node.evidence ? text(node.evidence, 'vi') : '—')}`,
          `evidence ${arrow(was.evidence ? text(was.evidence, 'en') : '—', node.evidence ? text(node.evidence, 'en') : '—')}`,
        ),
      );
    if (!same(was.continues, node.continues)) {
      const link = (c: Node['continues']) => (c ? `${c.ruleSet}${c.version ? ` ${c.version}` : ''} › ${c.node}` : '—');
      change(
        'continuesChanged',
        `${path}/continues`,
        was.continues,
        node.continues,
        bi(
          `tiếp nối mục ${arrow(link(was.continues), link(node.continues))}`,
          `continues ${arrow(link(was.continues), link(node.continues))}`,
        ),
      );
    }
  }
  return out;
}
