import { DataTable, ExportButton, List, TextInput, TopToolbar } from 'react-admin';
import { DateTimeText } from '../common/Fmt';
import { HashText } from '../common/HashText';
import { DecisionColumn } from './DecisionText';
import { HomeAffairsExportButton } from './HomeAffairsExportButton';

const Actions = () => (
  <TopToolbar>
    <ExportButton />
    <HomeAffairsExportButton />
  </TopToolbar>
);

/** Frozen, published rankings: what was announced, under which decision and version, with its hash, and which is in force. */
export const PublishedRankingList = () => (
  <List
    filters={[<TextInput source="ruleSet" key="ruleSet" alwaysOn />]}
    actions={<Actions />}
    sort={{ field: 'publishedAt', order: 'DESC' }}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col disableSort source="periodTitle" />
      <DataTable.Col source="year" />
      <DataTable.Col source="ruleSet" />
      <DataTable.Col disableSort source="versionLabel" />
      <DataTable.Col disableSort source="decision" field={DecisionColumn} />
      <DataTable.Col source="hash" field={HashText} disableSort />
      <DataTable.Col source="publishedAt" field={DateTimeText} />
      <DataTable.Col disableSort source="publishedBy" />
    </DataTable>
  </List>
);
