import {
  CreateButton,
  DataTable,
  FilterButton,
  List,
  SearchInput,
  SelectInput,
  TextInput,
  TopToolbar,
  useCanAccess,
  type RaRecord,
} from 'react-admin';
import { StatusChip } from '../common/StatusChip';
import { DateTimeText, LtText } from '../common/Fmt';
import { EffectivePeriod } from './EffectivePeriod';
import { LegalBasisText } from './LegalBasisText';
import { CopyButton } from './actions/CopyButton';

const filters = [
  <SearchInput source="q" alwaysOn key="q" />,
  <TextInput source="ruleSet" key="ruleSet" />,
  <SelectInput
    source="status"
    key="status"
    choices={[
      { id: 'draft', name: 'chiso.status.draft' },
      { id: 'published', name: 'chiso.status.published' },
      { id: 'retired', name: 'chiso.status.retired' },
    ]}
  />,
];

const Actions = () => {
  const { canAccess } = useCanAccess({ resource: 'versions', action: 'create' });
  return (
    <TopToolbar>
      <FilterButton />
      {canAccess && <CreateButton />}
    </TopToolbar>
  );
};

/** Every version of every rule set, with its status, effective period and legal basis. */
export const VersionList = () => {
  const { canAccess: canCopy } = useCanAccess({ resource: 'versions', action: 'copy' });
  return (
    <List filters={filters} actions={<Actions />} sort={{ field: 'effectiveFrom', order: 'DESC' }}>
      <DataTable rowClick={(id) => `/versions/${id}`} bulkActionButtons={false}>
        <DataTable.Col source="ruleSet" />
        <DataTable.Col source="version" />
        <DataTable.Col source="title" field={LtText} />
        <DataTable.Col source="status" render={(r: RaRecord) => <StatusChip status={r.status} />} />
        <DataTable.Col
          source="effectiveFrom"
          label="resources.versions.fields.effective"
          render={(r: RaRecord) => <EffectivePeriod record={r} />}
        />
        <DataTable.Col source="legalBasis" disableSort render={(r: RaRecord) => <LegalBasisText value={r.legalBasis} />} />
        <DataTable.Col source="updatedAt" field={DateTimeText} />
        {canCopy && <DataTable.Col label="" disableSort render={(r: RaRecord) => <CopyButton record={r} variant="outlined" compact />} />}
      </DataTable>
    </List>
  );
};
