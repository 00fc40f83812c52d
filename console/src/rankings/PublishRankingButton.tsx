import { useState } from 'react';
import { Button } from '@mui/material';
import Verified from '@mui/icons-material/Verified';
import { Confirm, useCanAccess, useNotify, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { dataProvider } from '../providers/dataProvider';
import { messageOf } from '../api/problem';

/** Freezes the current ranking as the published result, with its own hash. */
export const PublishRankingButton = ({ periodId, disabled }: { periodId: string; disabled?: boolean }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const { canAccess } = useCanAccess({ resource: 'periods', action: 'publishRanking' });
  if (!canAccess) return null;
  const publish = async () => {
    try {
      const published = await dataProvider.publishRanking(periodId);
      notify('chiso.ranking.published', { type: 'success' });
      if (published?.id) navigate(`/published-rankings/${published.id}/show`);
    } catch (e) {
      notify(messageOf(e) ?? 'ra.notification.http_error', { type: 'error', multiLine: true });
    } finally {
      setOpen(false);
    }
  };
  return (
    <>
      <Button
        variant="contained"
        color="success"
        startIcon={<Verified />}
        onClick={() => setOpen(true)}
        disabled={disabled}
        data-testid="publish-ranking"
      >
        {translate('chiso.ranking.publish')}
      </Button>
      <Confirm
        isOpen={open}
        title={translate('chiso.ranking.publishTitle')}
        content={translate('chiso.ranking.publishContent')}
        onConfirm={publish}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
