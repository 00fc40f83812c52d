import { nodePointerOf, tokens, valueAt } from './docOps';
import type { Lt } from '../../common/useLt';

type PickLt = (text: Lt | string | null | undefined) => string;
type Translate = (key: string, opts?: Record<string, unknown>) => string;

/**
 * "/criteria/1/children/0/max" → "Mục 2.1 · Thủ tục hành chính › Điểm tối đa": where a finding is,
 * in words — items by their code, label or name, fields by the words of the editor's own inputs
 * (a field without words stays as written), positions counted from 1.
 */
export function describePointer(doc: unknown, pointer: string, lt: PickLt, translate: Translate): string {
  if (!pointer) return translate('chiso.editor.wholeDocument');
  const word = (seg: string) =>
    /^\d+$/.test(seg)
      ? String(Number(seg) + 1)
      : translate(`chiso.editor.field.${seg}`, { _: translate(`chiso.editor.${seg}`, { _: seg }) });
  const within = (rest: string[]) => (rest.length ? ` › ${rest.map(word).join(' › ')}` : '');
  const node = nodePointerOf(pointer);
  const t = tokens(pointer);
  if (node) {
    const n = valueAt(doc, node) as { code?: string; title?: Lt } | undefined;
    return `${translate('chiso.editor.nodeRef', { code: n?.code ?? '?' })} · ${lt(n?.title) || ''}${within(t.slice(tokens(node).length))}`;
  }
  if ((t[0] === 'facts' || t[0] === 'cohorts') && t[1] !== undefined) {
    const item = valueAt(doc, `/${t[0]}/${t[1]}`) as { id?: string; label?: Lt; name?: Lt } | undefined;
    const name = lt(item?.label ?? item?.name) || item?.id || word(t[1]);
    return `${translate(`chiso.editor.tab.${t[0]}`)} · ${name}${within(t.slice(2))}`;
  }
  if (t[0] === 'tests' && t[1] !== undefined) {
    const test = valueAt(doc, `/tests/${t[1]}`) as { name?: string } | undefined;
    return `${translate('chiso.editor.tab.tests')} · ${test?.name || word(t[1])}${within(t.slice(2))}`;
  }
  return t.map(word).join(' › ');
}
