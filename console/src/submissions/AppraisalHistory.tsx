import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useGetList, useTranslate } from 'react-admin';
import type { Fact } from '../../../server/engine';
import { useFormat } from '../common/useFormat';
import { useLt } from '../common/useLt';
import { useFactValue } from './useFactValue';

/** Every appraisal of this submission: what changed, from what to what, why, by whom, when. */
export const AppraisalHistory = ({ submissionId, facts }: { submissionId: string; facts: Fact[] }) => {
  const translate = useTranslate();
  const f = useFormat();
  const lt = useLt();
  const show = useFactValue();
  const { data } = useGetList('appraisals', {
    filter: { submissionId },
    sort: { field: 'at', order: 'DESC' },
    pagination: { page: 1, perPage: 500 },
  });
  if (!data?.length) return <Typography variant="body2">{translate('chiso.appraisal.none')}</Typography>;
  const factOf = (id: string) => facts.find((x) => x.id === id);
  return (
    <Table size="small" data-testid="appraisal-history">
      <TableHead>
        <TableRow>
          <TableCell>{translate('chiso.appraisal.at')}</TableCell>
          <TableCell>{translate('chiso.appraisal.author')}</TableCell>
          <TableCell>{translate('chiso.appraisal.fact')}</TableCell>
          <TableCell align="right">{translate('chiso.appraisal.from')}</TableCell>
          <TableCell align="right">{translate('chiso.appraisal.to')}</TableCell>
          <TableCell>{translate('chiso.appraisal.reason')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {data.map((a) => (
          <TableRow key={a.id}>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{f.dateTime(a.at)}</TableCell>
            <TableCell>{a.author}</TableCell>
            <TableCell>{lt(factOf(a.fact)?.label) || a.fact}</TableCell>
            <TableCell align="right">{show(factOf(a.fact), a.previousValue ?? a.agencyValue)}</TableCell>
            <TableCell align="right">{show(factOf(a.fact), a.appraisedValue)}</TableCell>
            <TableCell>{a.reason}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
