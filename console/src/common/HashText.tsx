import { Tooltip } from '@mui/material';
import { useRecordContext } from 'react-admin';

/** A SHA-256 shortened to its first 12 digits; the full value on hover. */
export const HashText = ({ source }: { source: string; label?: string }) => {
  const record = useRecordContext();
  const value = String(record?.[source] ?? '');
  return (
    <Tooltip title={value}>
      <span style={{ fontFamily: 'monospace' }}>{value ? `${value.slice(0, 12)}…` : '—'}</span>
    </Tooltip>
  );
};
