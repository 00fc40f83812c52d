import { DataTable, DateInput, List, TextInput, TopToolbar, useCanAccess, useListContext, useTranslate } from 'react-admin';
import { DateTimeText } from '../common/Fmt';
import { ExportCsvButton } from '../common/ExportCsvButton';
import { csvDateTime } from '../common/tableCsv';
import { dataProvider } from '../providers/dataProvider';
import { VerifyChainButton } from './VerifyChainButton';
import { ActionText, actionLabel } from './ActionText';
import { ResourceText, resourceLabel } from './ResourceText';

// `to` is inclusive of the whole day: the server compares timestamps, so send the next midnight.
const filters = [
  <TextInput source="actor" key="actor" alwaysOn />,
  <TextInput source="resource" key="resource" alwaysOn />,
  <TextInput source="action" key="action" />,
  <DateInput source="from" key="from" alwaysOn />,
  <DateInput source="to" key="to" alwaysOn />,
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
      <DataTable.Col source="actor" />
      <DataTable.Col source="action" field={ActionText} />
      <DataTable.Col source="resource" field={ResourceText} />
      <DataTable.Col disableSort source="resourceId" />
    </DataTable>
  </List>
);
