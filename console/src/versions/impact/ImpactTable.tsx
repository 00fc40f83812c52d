import { Box, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { StandingCells } from '../../common/StandingCells';
import { ScrollTable, changedRow } from '../../common/ScrollTable';
import type { CohortGroup } from '../../rankings/cohortOrder';
import type { ImpactRow } from './computeImpact';

/**
 * Before (stored) and after (this draft), agency by agency, one table per cohort under the cohort's
 * name, since ranks are counted within a cohort; changed rows stand out.
 */
export const ImpactTable = ({ groups }: { groups: (CohortGroup<ImpactRow> & { name: string })[] }) => {
  const translate = useTranslate();
  return (
    <Box data-testid="impact-table">
      {groups.map((group) => (
        <Box key={group.cohort ?? ''} sx={{ mb: 3 }} data-cohort={group.cohort ?? ''}>
          <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 0.5 }} data-testid="impact-cohort">
            {group.name}
          </Typography>
          <ScrollTable>
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
              {group.rows.map((r) => (
                <TableRow
                  key={r.agencyId}
                  data-changed={r.bandChanged || r.rankChanged ? 'true' : 'false'}
                  data-rank={r.after?.rank ?? ''}
                  data-total={r.after?.total ?? ''}
                  sx={r.bandChanged ? changedRow() : undefined}
                >
                  <TableCell>{r.agencyName}</TableCell>
                  <StandingCells {...r} />
                </TableRow>
              ))}
            </TableBody>
          </ScrollTable>
        </Box>
      ))}
    </Box>
  );
};
