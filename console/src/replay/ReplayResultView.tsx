import { Alert, Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import CheckCircle from '@mui/icons-material/CheckCircle';
import Cancel from '@mui/icons-material/Cancel';
import { useTranslate } from 'react-admin';
import type { ReplayResult } from '../providers/dataProvider';

const text = (v: unknown) => (v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** Verified: a big green tick and the matching hash. Not verified: what differs, field by field. */
export const ReplayResultView = ({ result }: { result: ReplayResult }) => {
  const translate = useTranslate();
  if (result.verified) {
    return (
      <Box sx={{ textAlign: 'center', py: 3 }} data-testid="replay-verified">
        <CheckCircle sx={{ fontSize: 96, color: 'success.main' }} />
        <Typography variant="h4" sx={{ color: 'success.main', fontWeight: 700 }}>
          {translate('chiso.replay.verified')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {translate('chiso.replay.verifiedHelp')}
        </Typography>
        <Typography variant="caption" sx={{ fontFamily: 'monospace', display: 'block', mt: 1, wordBreak: 'break-all' }}>
          SHA-256 {result.actualHash}
        </Typography>
      </Box>
    );
  }
  return (
    <Box data-testid="replay-differs">
      <Box sx={{ textAlign: 'center', py: 2 }}>
        <Cancel sx={{ fontSize: 80, color: 'error.main' }} />
        <Typography variant="h5" sx={{ color: 'error.main', fontWeight: 700 }}>
          {translate('chiso.replay.notVerified')}
        </Typography>
      </Box>
      <Alert severity="error" sx={{ mb: 2, fontFamily: 'monospace', wordBreak: 'break-all' }}>
        {translate('chiso.replay.expected')}: {result.expectedHash}
        <br />
        {translate('chiso.replay.actual')}: {result.actualHash}
      </Alert>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate('chiso.replay.path')}</TableCell>
            <TableCell>{translate('chiso.replay.expected')}</TableCell>
            <TableCell>{translate('chiso.replay.actual')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {result.differences.map((d, i) => (
            <TableRow key={i}>
              <TableCell sx={{ fontFamily: 'monospace' }}>{d.path}</TableCell>
              <TableCell>{text(d.expected)}</TableCell>
              <TableCell>{text(d.actual)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};
