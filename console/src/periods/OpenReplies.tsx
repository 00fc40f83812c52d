import { Card, CardContent, Typography } from '@mui/material';
import { DataTable, ReferenceField, ReferenceManyField, useCanAccess, useRecordContext, useTranslate, type RaRecord } from 'react-admin';
import { useFormat } from '../common/useFormat';

/**
 * In appraisal, the agencies' replies that wait for the evaluator's decision, oldest first, each
 * leading to the submission where it is resolved: what must be done before the period closes.
 */
export const OpenReplies = () => {
  const period = useRecordContext();
  const translate = useTranslate();
  const f = useFormat();
  const { canAccess } = useCanAccess({ resource: 'appraisals', action: 'resolve' });
  if (!canAccess || period?.status !== 'appraisal') return null;
  return (
    <Card sx={{ mb: 2 }} data-testid="open-replies">
      <CardContent>
        <Typography variant="h6">{translate('chiso.reply.waiting')}</Typography>
        <ReferenceManyField
          reference="appraisals"
          target="periodId"
          filter={{ replyOpen: true }}
          sort={{ field: 'at', order: 'ASC' }}
          perPage={200}
        >
          <DataTable
            rowClick={(_, __, r) => `/submissions/${r.submissionId}/show`}
            bulkActionButtons={false}
            empty={
              <Typography variant="body2" color="text.secondary">
                {translate('chiso.reply.noneWaiting')}
              </Typography>
            }
          >
            <DataTable.Col source="agencyId" disableSort label={translate('resources.agencies.name', { smart_count: 1 })}>
              <ReferenceField source="agencyId" reference="agencies" link={false} />
            </DataTable.Col>
            <DataTable.Col source="reason" disableSort label={translate('chiso.appraisal.reason')} />
            <DataTable.Col
              label={translate('chiso.reply.column')}
              render={(r: RaRecord) => `${r.reply?.text ?? ''} (${f.dateTime(r.reply?.createdAt)})`}
            />
          </DataTable>
        </ReferenceManyField>
      </CardContent>
    </Card>
  );
};
