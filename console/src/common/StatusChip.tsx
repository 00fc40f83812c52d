import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';

const colors: Record<string, 'default' | 'primary' | 'secondary' | 'success' | 'warning' | 'info' | 'error'> = {
  draft: 'warning',
  published: 'success',
  retired: 'default',
  open: 'info',
  appraisal: 'warning',
  closed: 'secondary',
  submitted: 'info',
  appraised: 'success',
};

/** A lifecycle status (version, period, submission) as a coloured, translated chip. */
export const StatusChip = ({ status, kind }: { status?: string | null; kind?: 'period' }) => {
  const translate = useTranslate();
  if (!status) return null;
  return (
    <Chip
      size="small"
      color={colors[status] ?? 'default'}
      label={translate(kind === 'period' ? `chiso.periodStatus.${status}` : `chiso.status.${status}`, { _: status })}
      data-status={status}
    />
  );
};
