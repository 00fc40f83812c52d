import { useState } from 'react';
import { Button } from '@mui/material';
import EditNote from '@mui/icons-material/EditNote';
import { useCanAccess, useNotify, useTranslate, type RaRecord } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { dataProvider } from '../providers/dataProvider';
import { DecisionDialog } from './DecisionDialog';

/** "Đính chính": a published ranking in force is superseded by a correction under a decision of its own, never edited. */
export const CorrectRankingButton = ({ record }: { record: RaRecord }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const { canAccess } = useCanAccess({ resource: 'published-rankings', action: 'correct' });
  if (!canAccess || record.supersededBy) return null;
  return (
    <>
      <Button variant="outlined" startIcon={<EditNote />} onClick={() => setOpen(true)} data-testid="correct-ranking">
        {translate('chiso.decision.correct')}
      </Button>
      {open && (
        <DecisionDialog
          open
          correction
          onClose={() => setOpen(false)}
          title={translate('chiso.decision.correctTitle')}
          intro={translate('chiso.decision.correctHelp')}
          issuer={record.decision?.issuer}
          confirm={translate('chiso.decision.correctConfirm')}
          onSubmit={async (body) => {
            const corrected = await dataProvider.correctRanking(String(record.id), { decision: body.decision, reason: body.reason ?? '' });
            notify('chiso.decision.corrected', { type: 'success' });
            setOpen(false);
            if (corrected?.id) navigate(`/published-rankings/${corrected.id}/show`);
          }}
        />
      )}
    </>
  );
};
