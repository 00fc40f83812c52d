import { Alert, Box, Stack, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import CheckCircle from '@mui/icons-material/CheckCircle';
import Cancel from '@mui/icons-material/Cancel';
import { useTranslate } from 'react-admin';
import type { ReplayResult } from '../providers/dataProvider';
import { ScrollTable } from '../common/ScrollTable';
import { ExportCsvButton } from '../common/ExportCsvButton';
import { fileSlug, type Cell } from '../common/tableCsv';
import { useFormat } from '../common/useFormat';
import { useLt } from '../common/useLt';
import { replayFindings } from './replayFindings';

/** A compared value for the file: numbers stay numbers (written with a decimal comma), the rest as text. */
const cellOf = (v: unknown): Cell =>
  v === undefined ? null : typeof v === 'number' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);

/** Verified: a big green tick and the matching hash. Not verified: what differs, field by field, in words and by pointer. */
export const ReplayResultView = ({ result, subject }: { result: ReplayResult; subject?: string }) => {
  const translate = useTranslate();
  const f = useFormat();
  const lt = useLt();
  const text = (v: unknown) => (typeof v === 'number' ? f.number(v, 20) : (cellOf(v) ?? '—'));
  const t = (key: string) => translate(`chiso.tableExport.${key}`);
  const findings = replayFindings(result).map((x) => ({ ...x, text: translate(`chiso.replay.why.${x.key}`, x.values) }));
  const meaning = findings.find((x) => x.key === 'meaning');
  // The auditor's record of the check: what was compared and with what outcome, then each difference.
  const record = () => ({
    header: [t('item'), translate('chiso.replay.expected'), translate('chiso.replay.actual')],
    rows: [
      [t('outcome'), null, translate(result.verified ? 'chiso.replay.verified' : 'chiso.replay.notVerified')],
      [t('resultHash'), result.expectedHash, result.actualHash],
      [t('versionHash'), result.versionHash.expected, result.versionHash.actual],
      [t('engineVersion'), result.engineVersion.stored, result.engineVersion.current],
      ...findings.map((x) => [translate('chiso.replay.finding'), null, x.text]),
      ...result.differences.map((d) => [d.where ? `${lt(d.where)} (${d.path})` : d.path, cellOf(d.expected), cellOf(d.actual)]),
    ],
  });
  const exportButton = (
    <ExportCsvButton
      fileName={subject ? `xac-minh-${fileSlug(subject)}` : 'xac-minh'}
      table={record}
      label={t('replayCsv')}
      testId="export-replay-csv"
    />
  );
  if (result.verified) {
    return (
      <Box sx={{ textAlign: 'center', py: 3 }} data-testid="replay-verified">
        <CheckCircle sx={{ fontSize: 96, color: 'success.main' }} />
        <Typography variant="h4" sx={{ color: 'success.main', fontWeight: 700 }}>
          {translate('chiso.replay.verified')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {meaning?.text ?? translate('chiso.replay.verifiedHelp')}
        </Typography>
        <Typography variant="caption" sx={{ fontFamily: 'monospace', display: 'block', mt: 1, wordBreak: 'break-all' }}>
          SHA-256 {result.actualHash}
        </Typography>
        <Box sx={{ mt: 2 }}>{exportButton}</Box>
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
      <Stack spacing={1} sx={{ mb: 2 }}>
        {findings.map((x) => (
          <Alert key={x.key} severity={x.severity}>
            {x.text}
          </Alert>
        ))}
      </Stack>
      <Alert severity="info" icon={false} sx={{ mb: 2, fontFamily: 'monospace', wordBreak: 'break-all' }}>
        {translate('chiso.replay.expected')}: {result.expectedHash}
        <br />
        {translate('chiso.replay.actual')}: {result.actualHash}
      </Alert>
      <Stack direction="row" sx={{ justifyContent: 'flex-end', mb: 1 }}>
        {exportButton}
      </Stack>
      <ScrollTable testId="replay-differences">
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
              <TableCell>
                {d.where && <Typography variant="body2">{lt(d.where)}</Typography>}
                <Typography variant="caption" color="text.secondary" sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}>
                  {d.path}
                </Typography>
              </TableCell>
              <TableCell sx={{ overflowWrap: 'anywhere' }}>{text(d.expected)}</TableCell>
              <TableCell sx={{ overflowWrap: 'anywhere' }}>{text(d.actual)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </ScrollTable>
    </Box>
  );
};
