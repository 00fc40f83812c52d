import { Alert, Card, CardActionArea, CardContent, LinearProgress, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import type { PublicRankingSummary } from '../../../server/api/types';
import { useFormat } from '../common/useFormat';
import { useLt } from '../common/useLt';
import { usePublic } from './publicApi';
import { DecisionLine } from './DecisionLine';

/** The published rankings, grouped by rule set, newest year first. */
export const PublicRankingList = () => {
  const translate = useTranslate();
  const f = useFormat();
  const lt = useLt();
  const { data, error } = usePublic<PublicRankingSummary[]>('/rankings?range=%5B0%2C99%5D');
  if (error) return <Alert severity="error">{error}</Alert>;
  if (!data) return <LinearProgress />;
  const groups = new Map<string, PublicRankingSummary[]>();
  for (const r of data) groups.set(r.ruleSet, [...(groups.get(r.ruleSet) ?? []), r]);
  return (
    <>
      <Typography variant="h4" component="h1" gutterBottom>
        {translate('chiso.publicResults.title')}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 3 }}>
        {translate('chiso.publicResults.subtitle')}
      </Typography>
      {!data.length && <Alert severity="info">{translate('chiso.publicResults.empty')}</Alert>}
      {[...groups.values()].map((rows) => (
        <section key={rows[0].ruleSet} data-rule-set={rows[0].ruleSet}>
          <Typography variant="h5" component="h2" sx={{ mt: 2, mb: 1 }}>
            {lt(rows[0].ruleSetTitle)}
          </Typography>
          <Stack spacing={1.5}>
            {rows.map((r) => (
              <Card key={r.id} variant="outlined" data-ranking={r.id}>
                <CardActionArea component={Link} to={`/xep-hang/${r.id}`}>
                  <CardContent>
                    <Typography variant="h6">
                      {translate('chiso.publicResults.year', { year: r.year })} — {r.periodTitle}
                    </Typography>
                    <Typography variant="body2" color="text.secondary">
                      {lt(r.title)} · {translate('chiso.publicResults.version', { version: r.versionLabel })} ·{' '}
                      {translate('chiso.publicResults.published', { date: f.date(r.publishedAt) })}
                    </Typography>
                    <DecisionLine decision={r.decision} />
                  </CardContent>
                </CardActionArea>
              </Card>
            ))}
          </Stack>
        </section>
      ))}
    </>
  );
};
