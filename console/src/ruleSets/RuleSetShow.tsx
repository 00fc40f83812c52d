import { DataTable, EditButton, ReferenceManyField, Show, SimpleShowLayout, useCanAccess, type RaRecord } from 'react-admin';
import { RuleSetTrail } from '../layout/trails';
import { LtText } from '../common/Fmt';
import { StatusChip } from '../common/StatusChip';
import { EffectivePeriod } from '../versions/EffectivePeriod';
import { LegalBasisText } from '../versions/LegalBasisText';

const Actions = () => {
  const { canAccess } = useCanAccess({ resource: 'rule-sets', action: 'edit' });
  return <RuleSetTrail>{canAccess && <EditButton />}</RuleSetTrail>;
};

/** A rule set and the history of its versions. */
export const RuleSetShow = () => (
  <Show actions={<Actions />}>
    <SimpleShowLayout>
      <LtText source="title" />
      <LtText source="description" />
      <ReferenceManyField
        reference="versions"
        target="ruleSet"
        sort={{ field: 'effectiveFrom', order: 'DESC' }}
        label="chiso.ruleSet.versions"
      >
        <DataTable rowClick={(id) => `/versions/${id}`} bulkActionButtons={false}>
          <DataTable.Col source="version" />
          <DataTable.Col source="title" field={LtText} />
          <DataTable.Col source="status" render={(r: RaRecord) => <StatusChip status={r.status} />} />
          <DataTable.Col
            source="effectiveFrom"
            label="resources.versions.fields.effective"
            render={(r: RaRecord) => <EffectivePeriod record={r} />}
          />
          <DataTable.Col source="legalBasis" disableSort render={(r: RaRecord) => <LegalBasisText value={r.legalBasis} />} />
        </DataTable>
      </ReferenceManyField>
    </SimpleShowLayout>
  </Show>
);
