import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';
import { BandChip } from '../../common/BandChip';
import { useFormat } from '../../common/useFormat';
import type { ImpactRow } from './computeImpact';

/** Before (stored) and after (this draft), agency by agency; changed rows stand out. */
export const ImpactTable = ({ rows }: { rows: ImpactRow[] }) => {
  const translate = useTranslate();
  const f = useFormat();
  const sign = (d: number | null) => (d === null ? '—' : d > 0 ? `+${f.number(d)}` : f.number(d));
  return (
    <Table size="small" data-testid="impact-table">
      <TableHead>
        <TableRow>
          <TableCell>{translate('chiso.common.agency')}</TableCell>
          <TableCell align="right">{translate('chiso.impact.totalBefore')}</TableCell>
          <TableCell align="right">{translate('chiso.impact.totalAfter')}</TableCell>
          <TableCell align="right">{translate('chiso.impact.delta')}</TableCell>
          <TableCell>{translate('chiso.impact.bandBefore')}</TableCell>
          <TableCell>{translate('chiso.impact.bandAfter')}</TableCell>
          <TableCell align="right">{translate('chiso.impact.rankBefore')}</TableCell>
          <TableCell align="right">{translate('chiso.impact.rankAfter')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((r) => (
          <TableRow
            key={r.agencyId}
            data-changed={r.bandChanged || r.rankChanged ? 'true' : 'false'}
            sx={r.bandChanged ? { background: '#fff4e5' } : undefined}
          >
            <TableCell>{r.agencyName}</TableCell>
            <TableCell align="right">{f.number(r.before?.total)}</TableCell>
            <TableCell align="right">{f.number(r.after?.total)}</TableCell>
            <TableCell align="right" sx={{ color: (r.delta ?? 0) < 0 ? 'error.main' : (r.delta ?? 0) > 0 ? 'success.main' : undefined }}>
              {sign(r.delta)}
            </TableCell>
            <TableCell>{r.before ? <BandChip band={r.before.band} /> : '—'}</TableCell>
            <TableCell sx={{ fontWeight: r.bandChanged ? 700 : undefined }}>{r.after ? <BandChip band={r.after.band} /> : '—'}</TableCell>
            <TableCell align="right">{r.before?.rank ?? '—'}</TableCell>
            <TableCell align="right" sx={{ fontWeight: r.rankChanged ? 700 : undefined }}>
              {r.after?.rank ?? '—'}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
