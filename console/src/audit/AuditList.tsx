import { DataTable, List, SelectInput, TextInput, TopToolbar, useCanAccess, useListContext, useTranslate } from 'react-admin';
import { DateTimeText } from '../common/Fmt';
import { DayFilter } from '../common/DayInput';
import { ExportCsvButton } from '../common/ExportCsvButton';
import { csvDateTime } from '../common/tableCsv';
import { dataProvider } from '../providers/dataProvider';
import { AUDIT_ACTIONS, AUDIT_RESOURCES } from '../../../server/api/auditVocabulary';
import { VerifyChainButton } from './VerifyChainButton';
import { ActionText, actionLabel } from './ActionText';
import { ResourceText, resourceLabel } from './ResourceText';
import { RecordText } from './RecordText';
import { ActorText } from './ActorText';

// `to` is inclusive of the whole day: the server compares timestamps, so send the next midnight.
// What was done and to what are picked from the words of the log's own vocabulary.
const ResourceFilter = (props: { source: string; alwaysOn?: boolean }) => {
  const translate = useTranslate();
  return <SelectInput {...props} choices={AUDIT_RESOURCES.map((id) => ({ id, name: resourceLabel(translate, id) }))} />;
};
const ActionFilter = (props: { source: string; alwaysOn?: boolean }) => {
  const translate = useTranslate();
  return <SelectInput {...props} choices={AUDIT_ACTIONS.map((id) => ({ id, name: actionLabel(translate, id) }))} />;
};

const filters = [
  <TextInput source="actor" key="actor" alwaysOn />,
  <ResourceFilter source="resource" key="resource" alwaysOn />,
  <ActionFilter source="action" key="action" />,
  <DayFilter source="from" key="from" alwaysOn />,
  <DayFilter source="to" key="to" alwaysOn />,
];

const COLUMNS = ['id', 'at', 'actor', 'action', 'resource', 'resourceId'] as const;

/** Every entry the list's filters select, in its order (all pages, not only the one shown), as CSV. */
const ExportAudit = () => {
  const translate = useTranslate();
  const { filterValues, sort, total } = useListContext();
  const table = async () => {
    const entries = await dataProvider.getAll('audit', filterValues, [sort.field, sort.order]);
    return {
      header: COLUMNS.map((c) => translate(`resources.audit.fields.${c}`)),
      rows: entries.map((e) => [
        e.id,
        csvDateTime(e.at),
        e.actor,
        actionLabel(translate, e.action),
        resourceLabel(translate, e.resource),
        e.resourceId,
      ]),
    };
  };
  return <ExportCsvButton fileName="nhat-ky-kiem-tra" table={table} disabled={!total} testId="export-audit-csv" />;
};

const Actions = () => {
  const { canAccess } = useCanAccess({ resource: 'audit', action: 'verify' });
  return (
    <TopToolbar>
      <ExportAudit />
      {canAccess && <VerifyChainButton />}
    </TopToolbar>
  );
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
