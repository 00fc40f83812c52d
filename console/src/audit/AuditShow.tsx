import { Show, SimpleShowLayout, TextField, useRecordContext, useTranslate } from 'react-admin';
import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { DateTimeText } from '../common/Fmt';
import { ActionText } from './ActionText';
import { ResourceText } from './ResourceText';
import { RecordText } from './RecordText';
import { ActorText } from './ActorText';
import { changedFields } from './flatten';
import { useFormat } from '../common/useFormat';

/** Before and after as a list of changed fields, not as two blobs of JSON. */
const Changes = (_props: { label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const f = useFormat();
  // Numbers in the UI's format (94,54), yes/no in words; a field that was not there is a dash.
  const show = (v: unknown) =>
    v === undefined
      ? '—'
      : v === null
        ? 'null'
        : typeof v === 'number'
          ? f.number(v, 20)
          : typeof v === 'boolean'
            ? translate(v ? 'chiso.common.yes' : 'chiso.common.no')
            : String(v);
  if (!record) return null;
  const changes = changedFields(record.before ?? null, record.after ?? null);
  // "status" → "Trạng thái", "facts.staff_total" → "Số liệu › staff_total": the record's own field words.
  const fieldWords = (path: string) => {
    const [first, ...rest] = path.split('.');
    const word = translate(`resources.${record.resource}.fields.${first}`, { _: first });
    return [word, ...rest].join(' › ');
  };
  if (!changes.length) return <Typography variant="body2">{translate('chiso.audit.noFieldChanges')}</Typography>;
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell>{translate('chiso.audit.field')}</TableCell>
          <TableCell>{translate('chiso.audit.before')}</TableCell>
          <TableCell>{translate('chiso.audit.after')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {changes.map((c) => (
          <TableRow key={c.path}>
            <TableCell title={c.path}>{fieldWords(c.path)}</TableCell>
            <TableCell sx={{ color: 'error.main', wordBreak: 'break-word' }}>{show(c.before)}</TableCell>
            <TableCell sx={{ color: 'success.main', wordBreak: 'break-word' }}>{show(c.after)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

export const AuditShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="id" />
      <DateTimeText source="at" label="resources.audit.fields.at" />
      <ActorText label="resources.audit.fields.actor" />
      <ActionText label="resources.audit.fields.action" />
      <ResourceText label="resources.audit.fields.resource" />
      <RecordText label="resources.audit.fields.resourceId" />
      <Changes label="chiso.audit.changes" />
      <TextField source="hash" sx={{ fontFamily: 'monospace' }} />
      <TextField source="prevHash" sx={{ fontFamily: 'monospace' }} emptyText="—" />
    </SimpleShowLayout>
  </Show>
);
