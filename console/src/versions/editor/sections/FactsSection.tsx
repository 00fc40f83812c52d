import { Alert } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { Fact } from '../../../../../server/engine';
import { useEditor } from '../EditorContext';
import { useLt } from '../../../common/useLt';
import { ItemList } from './ItemList';
import { SplitPane } from './SplitPane';
import { FactForm } from './FactForm';

/** The inputs agencies report: the submission form is generated from these. */
export const FactsSection = ({ findingsAt }: { findingsAt: (pointer: string) => number }) => {
  const editor = useEditor();
  const translate = useTranslate();
  const lt = useLt();
  const fresh = (items: Fact[]): Fact => {
    let n = items.length + 1;
    while (items.some((f) => f.id === `fact${n}`)) n++;
    return { id: `fact${n}`, type: 'number', label: { vi: '' } };
  };
  return (
    <SplitPane
      left={
        <ItemList<Fact>
          pointer="/facts"
          selected={editor.fact}
          onSelect={editor.selectFact}
          primary={(f) => lt(f.label) || f.id}
          secondary={(f) => translate(`chiso.factType.${f.type}`)}
          make={fresh}
          findingsAt={findingsAt}
          testId="facts-list"
        />
      }
      right={
        editor.fact !== null && editor.get(`/facts/${editor.fact}`) ? (
          <FactForm index={editor.fact} />
        ) : (
          <Alert severity="info">{translate('chiso.editor.selectFact')}</Alert>
        )
      }
    />
  );
};
