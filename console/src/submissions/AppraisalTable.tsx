import { useState } from 'react';
import { Button, Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import RateReview from '@mui/icons-material/RateReview';
import { useCanAccess, useTranslate, type RaRecord } from 'react-admin';
import type { Fact } from '../../../server/engine';
import type { FactGroup } from './factGroups';
import { useLt } from '../common/useLt';
import { useFactValue } from './useFactValue';
import { EvidenceList, type EvidenceItem } from './EvidenceList';
import { AppraiseDialog } from './AppraiseDialog';

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Agency value and evaluator value side by side, fact by fact, with the evidence between them. */
export const AppraisalTable = ({
  record,
  groups,
  canAppraise,
  onChanged,
}: {
  record: RaRecord;
  groups: FactGroup[];
  canAppraise: boolean;
  onChanged: () => void;
}) => {
  const translate = useTranslate();
  const lt = useLt();
  const show = useFactValue();
  const [editing, setEditing] = useState<Fact | null>(null);
  const { canAccess: mayReview } = useCanAccess({ resource: 'submissions', action: 'reviewEvidence' });
  const facts = record.facts ?? {};
  const appraised = record.appraisedFacts ?? {};
  const evidence: EvidenceItem[] = record.evidence ?? [];
  return (
    <>
      <Table size="small" data-testid="appraisal-table">
        <TableHead>
          <TableRow>
            <TableCell>{translate('chiso.appraisal.fact')}</TableCell>
            <TableCell align="right">{translate('chiso.appraisal.agencyValue')}</TableCell>
            <TableCell align="right">{translate('chiso.appraisal.appraisedValue')}</TableCell>
            <TableCell>{translate('chiso.appraisal.evidence')}</TableCell>
            {canAppraise && <TableCell />}
          </TableRow>
        </TableHead>
        <TableBody>
          {groups.flatMap((g) => [
            <TableRow key={`g-${g.code ?? 'other'}`}>
              <TableCell colSpan={canAppraise ? 5 : 4} sx={{ bgcolor: 'action.hover' }}>
                <Typography variant="subtitle2">
                  {g.code ? `${g.code}. ${lt(g.title)}` : translate('chiso.submission.otherFacts')}
                </Typography>
              </TableCell>
            </TableRow>,
            ...g.facts.map((fact) => {
              const has = Object.prototype.hasOwnProperty.call(appraised, fact.id);
              const changed = has && !same(appraised[fact.id], facts[fact.id]);
              return (
                <TableRow key={fact.id} data-fact-row={fact.id}>
                  <TableCell>
                    {lt(fact.label)}
                    {fact.enteredBy === 'evaluator' && (
                      <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                        {translate('chiso.enteredBy.evaluator')}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell
                    align="right"
                    sx={{ textDecoration: changed ? 'line-through' : undefined, color: changed ? 'text.secondary' : undefined }}
                  >
                    {show(fact, facts[fact.id])}
                  </TableCell>
                  <TableCell
                    align="right"
                    sx={{ fontWeight: changed ? 700 : undefined, color: changed ? 'secondary.main' : undefined }}
                    data-appraised={has ? 'true' : 'false'}
                  >
                    {has ? show(fact, appraised[fact.id]) : '—'}
                  </TableCell>
                  <TableCell>
                    <EvidenceList
                      items={evidence.filter((e) => e.key === fact.id)}
                      rule={fact.evidence}
                      canReview={canAppraise && !!mayReview}
                      onChanged={onChanged}
                    />
                  </TableCell>
                  {canAppraise && (
                    <TableCell>
                      <Tooltip title={translate('chiso.appraisal.title')}>
                        <Button
                          size="small"
                          startIcon={<RateReview />}
                          onClick={() => setEditing(fact)}
                          data-testid={`appraise-${fact.id}`}
                          sx={{ whiteSpace: 'nowrap' }}
                        >
                          {translate('chiso.appraisal.adjust')}
                        </Button>
                      </Tooltip>
                    </TableCell>
                  )}
                </TableRow>
              );
            }),
          ])}
        </TableBody>
      </Table>
      {editing && (
        <AppraiseDialog
          submissionId={String(record.id)}
          fact={editing}
          agencyValue={facts[editing.id]}
          current={appraised[editing.id] ?? facts[editing.id]}
          onClose={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            onChanged();
          }}
        />
      )}
    </>
  );
};
