import { useState } from 'react';
import { Button } from '@mui/material';
import Verified from '@mui/icons-material/Verified';
import { useCanAccess, useGetOne, useNotify, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { dataProvider } from '../providers/dataProvider';
import { DecisionDialog } from '../publishedRankings/DecisionDialog';

/** Freezes the current ranking as the published result, with its own hash and the decision approving it. */
export const PublishRankingButton = ({ periodId, versionId, disabled }: { periodId: string; versionId?: string; disabled?: boolean }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const { canAccess } = useCanAccess({ resource: 'periods', action: 'publishRanking' });
  // The decision is usually issued by the body that issued the regulation: offered, not imposed.
  // Read with the page, not on the click, so the dialog opens with the issuer already in place.
  const { data: version } = useGetOne('versions', { id: versionId ?? '' }, { enabled: !!versionId && !disabled });
  if (!canAccess) return null;
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
      {open && (
        <DecisionDialog
          open
          onClose={() => setOpen(false)}
          title={translate('chiso.ranking.publishTitle')}
          intro={translate('chiso.ranking.publishContent')}
          issuer={version?.legalBasis?.issuer}
          confirm={translate('chiso.ranking.publish')}
          onSubmit={async ({ decision }) => {
            const published = await dataProvider.publishRanking(periodId, decision);
            notify('chiso.ranking.published', { type: 'success' });
            setOpen(false);
            if (published?.id) navigate(`/published-rankings/${published.id}/show`);
          }}
        />
      )}
    </>
  );
};
