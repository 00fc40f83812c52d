import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { PublicDecision } from '../../../server/api/types';
import { useFormat } from '../common/useFormat';

/** "Phê duyệt theo Quyết định số … ngày … của …", when the published result names its decision. */
export const DecisionLine = ({ decision }: { decision: PublicDecision | null }) => {
  const translate = useTranslate();
  const f = useFormat();
  if (!decision) return null;
  const signer = [decision.signerTitle, decision.signerName].filter(Boolean).join(' ');
  return (
    <Typography variant="body2" data-testid="decision-line" sx={{ fontStyle: 'italic' }}>
      {translate('chiso.publicResults.decision', { number: decision.number, date: f.date(decision.date), issuer: decision.issuer })}
      {signer && ` · ${signer}`}
    </Typography>
  );
};
