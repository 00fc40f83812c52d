import { Alert, Box, Divider, LinearProgress, Stack, Typography } from '@mui/material';
import { SaveButton, SimpleForm, Toolbar, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useSubmissionContext } from './useSubmissionContext';
import { factGroups } from './factGroups';
import { FactInput } from './FactInput';
import { EvidenceList, type EvidenceItem } from './EvidenceList';
import { EvidenceButton } from './EvidenceButton';
import { EvidenceRequirement, EvidenceSummary } from './RequiredEvidence';
import { evidenceAskedBy, evidenceMissing, evidenceRequired } from '../../../server/engine';
import { KeepTypedWork } from './KeepTypedWork';
import { SubmitSubmissionButton } from './SubmitSubmissionButton';
import { StatusChip } from '../common/StatusChip';
import { useLt } from '../common/useLt';

const FormToolbar = () => (
  <Toolbar sx={{ gap: 1 }}>
    <SaveButton data-testid="save-submission" />
    <SubmitSubmissionButton />
  </Toolbar>
);

/** Inputs generated from the pinned version's facts, grouped by main index, with evidence per fact. */
export const SubmissionForm = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const refresh = useRefresh();
  const lt = useLt();
  const { data, error } = useSubmissionContext(record);
  if (error) return <Alert severity="error">{error.message}</Alert>;
  if (!record || !data) return <LinearProgress />;
  const editable = record.status === 'draft' && data.period.status === 'open';
  const groups = factGroups(data.version, data.cohort);
  const evidence: EvidenceItem[] = record.evidence ?? [];
  const shown = groups.flatMap((g) => g.facts.map((f) => f.id));
  const inFormOrder = <T extends { id: string }>(facts: T[]): T[] => [...facts].sort((a, b) => shown.indexOf(a.id) - shown.indexOf(b.id));
  const required = evidenceRequired(data.version, data.cohort);
  const missing = inFormOrder(evidenceMissing(data.version, data.cohort, evidence));
  const missingIds = new Set(missing.map((f) => f.id));
  const askedBy = evidenceAskedBy(data.version);
  return (
    <SimpleForm toolbar={editable ? <FormToolbar /> : false} mode="onTouched" warnWhenUnsavedChanges sx={{ maxWidth: 1100 }}>
      <KeepTypedWork enabled={editable} />
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography variant="h5" component="h1">
          {record.agencyName}
        </Typography>
        <StatusChip status={record.status} />
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {data.period.title} · {lt(data.version.title)} · {translate('chiso.submission.revision', { n: record.revision })}
      </Typography>
      {!editable && (
        <Alert severity="info">
          {translate(record.status === 'draft' ? 'chiso.submission.periodNotOpen' : 'chiso.submission.alreadySubmitted')}
        </Alert>
      )}
      {groups.map((g) => (
        <Box key={g.code ?? 'other'} sx={{ width: '100%', mt: 2 }} data-group={g.code ?? 'other'}>
          <Typography variant="h6" sx={{ mb: 1 }}>
            {g.code ? `${g.code}. ${lt(g.title)}` : translate('chiso.submission.otherFacts')}
          </Typography>
          <Divider sx={{ mb: 2 }} />
          {g.facts.map((fact) => (
            <Box key={fact.id} sx={{ mb: 2, maxWidth: 760 }} data-fact-row={fact.id}>
              <FactInput fact={fact} disabled={!editable} facts={data.version.facts} />
              {fact.evidence === 'required' && (
                <EvidenceRequirement fact={fact} filed={!missingIds.has(fact.id)} askedBy={askedBy.get(fact.id) ?? []} />
              )}
              {fact.evidence !== 'none' && (
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mt: -1, flexWrap: 'wrap' }}>
                  <EvidenceList items={evidence.filter((e) => e.key === fact.id)} />
                  {editable && (
                    <EvidenceButton submissionId={String(record.id)} factKey={fact.id} label={lt(fact.label)} onAdded={refresh} />
                  )}
                </Stack>
              )}
            </Box>
          ))}
        </Box>
      ))}
      {editable && <EvidenceSummary required={required} missing={missing} />}
    </SimpleForm>
  );
};
