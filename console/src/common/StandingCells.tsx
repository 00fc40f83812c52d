import { TableCell } from '@mui/material';
import type { Standing } from '../../../server/api/types';
import { BandChip } from './BandChip';
import { useFormat } from './useFormat';

/**
 * An agency's standing before and after a change — total, the difference, xếp loại, rank — as the
 * what-if and the impact preview show it: a new xếp loại outlined, a new rank in bold.
 */
export const StandingCells = ({
  before,
  after,
  delta,
  bandChanged,
  rankChanged,
}: {
  before: Standing | null;
  after: Standing | null;
  delta: number | null;
  bandChanged: boolean;
  rankChanged: boolean;
}) => {
  const f = useFormat();
  return (
    <>
      <TableCell align="right">{f.number(before?.total)}</TableCell>
      <TableCell align="right">{f.number(after?.total)}</TableCell>
      <TableCell align="right" sx={{ color: (delta ?? 0) < 0 ? 'error.main' : (delta ?? 0) > 0 ? 'success.main' : undefined }}>
        {delta === null ? '—' : delta > 0 ? `+${f.number(delta)}` : f.number(delta)}
      </TableCell>
      <TableCell>{before ? <BandChip band={before.band} /> : '—'}</TableCell>
      <TableCell sx={bandChanged ? { outline: '2px solid #ef6c00', outlineOffset: -4 } : undefined}>
        {after ? <BandChip band={after.band} /> : '—'}
      </TableCell>
      <TableCell align="right">{before?.rank ?? '—'}</TableCell>
      <TableCell align="right" sx={{ fontWeight: rankChanged ? 700 : undefined }}>
        {after?.rank ?? '—'}
      </TableCell>
    </>
  );
};
