import { Box, Paper, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import type { CohortRanking } from '../../../server/engine';
import { BandChip, bandColor } from '../common/BandChip';
import { useFormat } from '../common/useFormat';
import { useLt } from '../common/useLt';

/**
 * One cohort's ranking: rank, agency, total, percentage and band, each row tinted by its band.
 * `own` marks an agency user's row, and only that row then links to results (the others'
 * evaluations are not the agency's to open).
 */
export const CohortRankingTable = ({ cohort, periodId, own }: { cohort: CohortRanking; periodId?: string; own?: string | null }) => {
  const translate = useTranslate();
  const f = useFormat();
  const lt = useLt();
  const resultKeys = [...new Set(cohort.entries.flatMap((e) => Object.keys(e.results ?? {})))];
  return (
    <Paper variant="outlined" sx={{ mb: 2 }} data-cohort={cohort.cohort}>
      <Box sx={{ p: 1.5, display: 'flex', gap: 2, alignItems: 'baseline', flexWrap: 'wrap' }}>
        <Typography variant="h6">{lt(cohort.name) || cohort.cohort}</Typography>
        <Typography variant="body2" color="text.secondary">
          {translate('chiso.ranking.cohortSummary', {
            n: cohort.entries.length,
            max: f.number(cohort.max),
            average: f.number(cohort.average),
          })}
          {!cohort.ranked && ` · ${translate('chiso.ranking.notRanked')}`}
        </Typography>
      </Box>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell align="right">{translate('chiso.ranking.rank')}</TableCell>
            <TableCell>{translate('chiso.common.agency')}</TableCell>
            <TableCell align="right">{translate('chiso.ranking.total')}</TableCell>
            <TableCell align="right">%</TableCell>
            {resultKeys.map((k) => (
              <TableCell key={k} align="right">
                {k.toUpperCase()}
              </TableCell>
            ))}
            <TableCell>{translate('chiso.ranking.band')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {cohort.entries.map((e) => (
            <TableRow
              key={e.agencyId}
              sx={{ borderLeft: 6, borderLeftColor: bandColor(e.band) }}
              data-agency={e.agencyId}
              data-rank={e.rank ?? ''}
              data-own={own === e.agencyId ? 'true' : undefined}
              selected={own === e.agencyId}
            >
              <TableCell align="right" sx={{ fontWeight: 700 }}>
                {e.rank ?? '—'}
              </TableCell>
              <TableCell>
                {periodId && (own === undefined || own === e.agencyId) ? (
                  <Link to={`/evaluations?filter=${encodeURIComponent(JSON.stringify({ periodId, agencyId: e.agencyId }))}`}>
                    {e.agencyName}
                  </Link>
                ) : (
                  e.agencyName
                )}
              </TableCell>
              <TableCell align="right">{f.number(e.total)}</TableCell>
              <TableCell align="right">{f.number(e.percentage)}</TableCell>
              {resultKeys.map((k) => (
                <TableCell key={k} align="right">
                  {f.number(e.results?.[k], 4)}
                </TableCell>
              ))}
              <TableCell>
                <BandChip band={e.band} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Paper>
  );
};
