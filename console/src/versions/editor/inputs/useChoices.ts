import { useTranslate } from 'react-admin';
import { useEditor } from '../EditorContext';
import { useLt } from '../../../common/useLt';
import type { Choice } from './PSelect';
import type { AgencyAttribute } from '../../../../../server/engine';
import { AGENCY_KINDS } from '../../../agencies/kinds';

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
      .map((f) => ({ id: f.id, name: lt(f.label) || f.id }));
  const cohortChoices: Choice[] = (doc.cohorts ?? []).map((c) => ({ id: c.id, name: lt(c.name) || c.id }));
  // Every agency has a kind and a name besides what the version declares; the kind is picked from
  // the regulations' words ("Sở, ngành", "Ban"), never typed as a code.
  const agencyAttributes: AgencyAttribute[] = [
    { id: 'kind', type: 'enum', label: { vi: translate('chiso.common.attrKind') }, options: AGENCY_KINDS },
    { id: 'name', type: 'text', label: { vi: translate('chiso.common.attrName') } },
    ...(doc.agencyAttributes ?? []),
  ];
  const attributeChoices: Choice[] = agencyAttributes.map((a) => ({ id: a.id, name: lt(a.label) || a.id }));
  return { facts, factChoices, cohortChoices, attributeChoices, agencyAttributes };
};
