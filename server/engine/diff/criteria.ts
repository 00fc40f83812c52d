// The criteria tree. Nodes are matched by code wherever they sit, so a criterion put under another
// parent is reported as moved, not as removed and added.
import { about, bi, nodeName, text, type Bilingual } from '../naming';
import type { Node, RuleSetVersion } from '../schemaTypes';
import { num } from '../text';
import { walkNodes } from '../tree';
import type { VersionChange, VersionChangeKind } from './change';
import { scoringChanges } from './scoring';
import { arrow, cond, list, lowerFirst, numOr, renamed, same } from './support';

export function criteria(a: RuleSetVersion, b: RuleSetVersion): VersionChange[] {
  const out: VersionChange[] = [];
  const flat = (v: RuleSetVersion) => [...walkNodes(v.criteria)];
  const before = new Map<string, { node: Node; path: string; parent: Node | null }>();
  for (const entry of flat(a)) if (!before.has(entry.node.code)) before.set(entry.node.code, entry);
  const after = flat(b);
  const inB = new Set(after.map((e) => e.node.code));
  for (const { node, path, parent } of after) {
    const name = nodeName(node);
    const old = before.get(node.code);
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
    const was = old.node;
    if (was.kind !== node.kind)
      change(
        'kindChanged',
        `${path}/kind`,
        was.kind,
        node.kind,
        bi(`loại ${arrow(was.kind, node.kind)}`, `kind ${arrow(was.kind, node.kind)}`),
      );
    if ((old.parent?.code ?? null) !== (parent?.code ?? null)) {
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
            `điểm tối đa của khối ${c} ${arrow(numOr(x, 'vi', '—'), numOr(y, 'vi', '—'))}`,
            `maximum for cohort ${c} ${arrow(numOr(x, 'en', '—'), numOr(y, 'en', '—'))}`,
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
          `áp dụng cho khối ${arrow(list(was.cohorts, 'vi'), list(node.cohorts, 'vi'))}`,
          `applies to ${arrow(list(was.cohorts, 'en'), list(node.cohorts, 'en'))}`,
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
            `phương pháp chấm ${arrow(was.scoring.method, node.scoring.method)}`,
            `method ${arrow(was.scoring.method, node.scoring.method)}`,
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
  }
  for (const { node, path } of flat(a)) {
    if (inB.has(node.code) || before.get(node.code)?.path !== path) continue;
    const name = nodeName(node);
    out.push({
      code: node.code,
      kind: 'removed',
      path,
      before: node,
      message: bi(`Bỏ ${lowerFirst(name.vi)} "${text(node.title, 'vi')}"`, `Removed ${lowerFirst(name.en)} "${text(node.title, 'en')}"`),
    });
  }
  return out;
}
