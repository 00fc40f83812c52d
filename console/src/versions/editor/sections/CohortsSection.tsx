import { Alert, Divider, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { Cohort } from '../../../../../server/engine';
import { useEditor } from '../EditorContext';
import { useLt } from '../../../common/useLt';
import { useFormat } from '../../../common/useFormat';
import { ItemList } from './ItemList';
import { SplitPane } from './SplitPane';
import { CohortForm } from './CohortForm';
import { AttributesEditor } from './AttributesEditor';

/** Cohorts (membership rule over agency attributes, scale, bands) and the attributes they read. */
export const CohortsSection = ({ findingsAt }: { findingsAt: (pointer: string) => number }) => {
  const editor = useEditor();
  const translate = useTranslate();
  const lt = useLt();
  const f = useFormat();
  const fresh = (items: Cohort[]): Cohort => ({
    id: `cohort${items.length + 1}`,
    name: { vi: '' },
    membership: { all: [{ fact: 'agency', path: '$.kind', operator: 'equal', value: '' }] },
    maxScore: 100,
    ranked: true,
  });
  return (
    <SplitPane
      left={
        <>
          <ItemList<Cohort>
            pointer="/cohorts"
            selected={editor.cohort}
            onSelect={editor.selectCohort}
            primary={(c) => lt(c.name) || c.id}
            secondary={(c) => `${f.number(c.maxScore)} ${translate('chiso.common.pointsShort')}`}
            make={fresh}
            findingsAt={findingsAt}
            minItems={1}
            testId="cohorts-list"
          />
          <Divider sx={{ my: 1.5 }} />
          <Typography variant="subtitle2" sx={{ px: 1 }}>
            {translate('chiso.editor.agencyAttributes')}
          </Typography>
          <AttributesEditor />
        </>
      }
      right={
        editor.cohort !== null && editor.get(`/cohorts/${editor.cohort}`) ? (
          <CohortForm index={editor.cohort} />
        ) : (
          <Alert severity="info">{translate('chiso.editor.selectCohort')}</Alert>
        )
      }
    />
  );
};
