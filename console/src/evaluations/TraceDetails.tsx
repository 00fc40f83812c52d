import { Box, Chip, Stack, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { useGetOne, useRecordContext, useTranslate } from 'react-admin';
import { type CriterionTrace, type RuleSetVersion, viDay } from '../../../server/engine';
import { useLt } from '../common/useLt';
import { useFormat } from '../common/useFormat';

/** Numbers, yes/no and days as a Vietnamese reader writes them (15/12/2024, not 2024-12-15), in lists too. */
const valueText = (v: unknown, number: (n: number, d?: number) => string, yes: string, no: string): string =>
  v === undefined || v === null
    ? '—'
    : typeof v === 'number'
      ? number(v, 4)
      : typeof v === 'boolean'
        ? v
          ? yes
          : no
        : Array.isArray(v)
          ? v.map((item) => valueText(item, number, yes, no)).join('; ')
          : viDay(String(v));

/** What the engine did for one criterion: values read, each condition and whether it held, the formula. */
export const TraceDetails = ({ trace }: { trace: CriterionTrace }) => {
  const translate = useTranslate();
  const lt = useLt();
  const f = useFormat();
  const yes = translate('chiso.common.yes');
  const no = translate('chiso.common.no');
  const values = Object.entries(trace.values ?? {});
  // Facts by their labels in the version the evaluation was computed under (cached for the page).
  const evaluation = useRecordContext();
  const { data: version } = useGetOne(
    'versions',
    { id: evaluation?.versionId, meta: { withDocument: true } },
    { enabled: !!evaluation?.versionId, staleTime: Infinity },
  );
  const doc = version?.document as RuleSetVersion | undefined;
  const factName = (id: string, path?: string) => {
    if (id === 'agency') {
      const attr = String(path ?? '').replace(/^\$\./, '');
      const declared = doc?.agencyAttributes?.find((a) => a.id === attr)?.label;
      const builtIn = attr === 'kind' ? translate('chiso.common.attrKind') : attr === 'name' ? translate('chiso.common.attrName') : '';
      return `${translate('chiso.condition.agency')} › ${lt(declared) || builtIn || attr}`;
    }
    return lt(doc?.facts?.find((x) => x.id === id)?.label) || id;
  };
  return (
    <Box sx={{ pl: 2, py: 1, borderLeft: 2, borderColor: 'divider' }} data-testid="trace">
      <Typography variant="caption" color="text.secondary">
        {translate(`chiso.method.${trace.method}`, { _: trace.method })}
      </Typography>
      {values.length > 0 && (
        <Table size="small" sx={{ maxWidth: 520 }}>
          <TableBody>
            {values.map(([k, v]) => (
              <TableRow key={k}>
                <TableCell title={k}>{factName(k)}</TableCell>
                <TableCell>{valueText(v, f.number, yes, no)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {trace.conditions?.length > 0 && (
        <Stack spacing={0.5} sx={{ mt: 1 }}>
          {trace.conditions.map((c, i) => (
            <Stack key={i} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <Chip size="small" color={c.holds ? 'success' : 'default'} label={c.holds ? '✓' : '✗'} />
              <Typography variant="body2">
                {factName(c.fact, c.path)} ({valueText(c.factValue, f.number, yes, no)}){' '}
                {translate(`chiso.operator.${c.operator}`, { _: c.operator })} {valueText(c.value, f.number, yes, no)}
              </Typography>
            </Stack>
          ))}
        </Stack>
      )}
      {trace.matched?.length ? (
        <Typography variant="body2" sx={{ mt: 1 }}>
          {translate('chiso.evaluation.matched')}: {trace.matched.map((m) => lt(m.label) || `#${m.index + 1}`).join('; ')}
        </Typography>
      ) : null}
      {trace.formula && (
        <Typography variant="body2" sx={{ mt: 1, fontFamily: 'monospace' }} data-testid="trace-formula">
          {f.numbersIn(trace.formula)}
        </Typography>
      )}
      {trace.best && (
        <Typography variant="body2">
          {translate('chiso.evaluation.best')}: {f.number(trace.best, 20)}
        </Typography>
      )}
      {trace.parts?.map((p, i) => (
        <TraceDetails key={i} trace={p} />
      ))}
    </Box>
  );
};
