import { DataTable, DateInput, List, TextInput, TopToolbar, useCanAccess } from 'react-admin';
import { DateTimeText } from '../common/Fmt';
import { VerifyChainButton } from './VerifyChainButton';
import { ActionText } from './ActionText';
import { ResourceText } from './ResourceText';
import { RecordText } from './RecordText';
import { ActorText } from './ActorText';

// `to` is inclusive of the whole day: the server compares timestamps, so send the next midnight.
const filters = [
  <TextInput source="actor" key="actor" alwaysOn />,
  <TextInput source="resource" key="resource" alwaysOn />,
  <TextInput source="action" key="action" />,
  <DateInput source="from" key="from" alwaysOn />,
  <DateInput source="to" key="to" alwaysOn />,
];

const Actions = () => {
  const { canAccess } = useCanAccess({ resource: 'audit', action: 'verify' });
  return <TopToolbar>{canAccess && <VerifyChainButton />}</TopToolbar>;
};

/** Every change, who and when: append-only, each entry chained to the previous by its hash. */
export const AuditList = () => (
  <List filters={filters} actions={<Actions />} sort={{ field: 'id', order: 'DESC' }} perPage={25}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="id" />
      <DataTable.Col source="at" field={DateTimeText} />
      <DataTable.Col source="actor" field={ActorText} />
      <DataTable.Col source="action" field={ActionText} />
      <DataTable.Col source="resource" field={ResourceText} />
      <DataTable.Col disableSort source="resourceId" field={RecordText} />
    </DataTable>
  </List>
);
