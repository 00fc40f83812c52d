import { nodePointerOf, tokens, valueAt } from './docOps';
import type { Lt } from '../../common/useLt';

type PickLt = (text: Lt | string | null | undefined) => string;
type Translate = (key: string, opts?: Record<string, unknown>) => string;

/** "/criteria/1/children/0/max" → "Mục 2.1 · Thủ tục hành chính › max": where a finding is, in words. */
export function describePointer(doc: unknown, pointer: string, lt: PickLt, translate: Translate): string {
  if (!pointer) return translate('chiso.editor.wholeDocument');
  const node = nodePointerOf(pointer);
  const t = tokens(pointer);
  if (node) {
    const n = valueAt(doc, node) as { code?: string; title?: Lt } | undefined;
    const rest = tokens(pointer).slice(tokens(node).length).join(' › ');
    return `${translate('chiso.editor.nodeRef', { code: n?.code ?? '?' })} · ${lt(n?.title) || ''}${rest ? ` › ${rest}` : ''}`;
  }
  if ((t[0] === 'facts' || t[0] === 'cohorts') && t[1] !== undefined) {
    const item = valueAt(doc, `/${t[0]}/${t[1]}`) as { id?: string } | undefined;
    return `${translate(`chiso.editor.tab.${t[0]}`)} · ${item?.id ?? t[1]}${t.length > 2 ? ` › ${t.slice(2).join(' › ')}` : ''}`;
  }
  if (t[0] === 'tests' && t[1] !== undefined) {
    const test = valueAt(doc, `/tests/${t[1]}`) as { name?: string } | undefined;
    return `${translate('chiso.editor.tab.tests')} · ${test?.name || t[1]}${t.length > 2 ? ` › ${t.slice(2).join(' › ')}` : ''}`;
  }
  return t.join(' › ');
}
