import { DataTable, List, SearchInput, type RaRecord } from 'react-admin';
import { LtText } from '../common/Fmt';
import { LatestPublished } from './LatestPublished';

/** The families of rule sets (bộ chỉ số), each with its versions. */
export const RuleSetList = () => (
  <List filters={[<SearchInput source="q" alwaysOn key="q" />]} sort={{ field: 'id', order: 'ASC' }}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="id" />
      <DataTable.Col source="title" field={LtText} />
      <DataTable.Col source="versionCount" />
      <DataTable.Col source="latestPublished" disableSort render={(r: RaRecord) => <LatestPublished value={r.latestPublished} />} />
    </DataTable>
  </List>
);
