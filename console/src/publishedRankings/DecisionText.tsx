import { Chip, Stack, Typography } from '@mui/material';
import { useRecordContext, useTranslate, type RaRecord } from 'react-admin';
import { useDecisionText } from './DecisionDialog';

/** Whether a published ranking is in force, or which decision superseded it. */
export const InForceChip = ({ record }: { record: RaRecord }) => {
  const translate = useTranslate();
  return record.supersededBy ? (
    <Chip
      size="small"
      color="default"
      variant="outlined"
      data-testid="superseded"
      label={
        record.supersededBy.decision
          ? translate('chiso.decision.supersededBy', { number: record.supersededBy.decision.number })
          : translate('chiso.decision.superseded')
      }
    />
  ) : (
    <Chip size="small" color="success" data-testid="in-force" label={translate('chiso.decision.inForce')} />
  );
};

/** The list's column: the decision in one line, and whether the ranking is in force. */
export const DecisionColumn = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const line = useDecisionText();
  if (!record) return null;
  return (
    <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
      <Typography variant="body2">{record.decision ? line(record.decision) : translate('chiso.decision.none')}</Typography>
      <InForceChip record={record} />
    </Stack>
  );
};
