import { useTranslate } from 'react-admin';
import { useEditor } from '../EditorContext';
import { useLt } from '../../../common/useLt';
import type { Choice } from './PSelect';

const NUMERIC = ['number', 'integer'];

/** Facts, cohorts and agency attributes of the document being edited, as select choices. */
export const useChoices = () => {
  const { doc } = useEditor();
  const lt = useLt();
  const translate = useTranslate();
  const facts = doc.facts ?? [];
  const factChoices = (filter?: 'numeric' | 'evaluator'): Choice[] =>
    facts
      .filter((f) => (filter === 'numeric' ? NUMERIC.includes(f.type) : filter === 'evaluator' ? f.enteredBy === 'evaluator' : true))
      .map((f) => ({ id: f.id, name: `${lt(f.label) || f.id} · ${f.id}` }));
  const cohortChoices: Choice[] = (doc.cohorts ?? []).map((c) => ({ id: c.id, name: lt(c.name) || c.id }));
  const attributeChoices: Choice[] = [
    { id: 'kind', name: `${translate('chiso.common.attrKind')} · kind` },
    { id: 'name', name: `${translate('chiso.common.attrName')} · name` },
    ...(doc.agencyAttributes ?? []).map((a) => ({ id: a.id, name: `${lt(a.label) || a.id} · ${a.id}` })),
  ];
  return { facts, factChoices, cohortChoices, attributeChoices, agencyAttributes: doc.agencyAttributes ?? [] };
};
