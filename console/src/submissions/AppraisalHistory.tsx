import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useCanAccess, useGetList, useTranslate } from 'react-admin';
import type { Fact, Node } from '../../../server/engine';
import { useFormat } from '../common/useFormat';
import { useLt } from '../common/useLt';
import { useFactValue } from './useFactValue';
import { ReplyCell } from './ReplyCell';
import type { EvidenceItem } from './EvidenceList';
import { factsUnder } from './factGroups';

const findNode = (nodes: readonly Node[], code: string): Node | undefined => {
  for (const n of nodes) {
    if (n.code === code) return n;
    const below = n.children ? findNode(n.children, code) : undefined;
    if (below) return below;
  }
  return undefined;
};

/**
 * Every appraisal of this submission — what changed, from what to what, why, by whom, when — and the
 * right of reply: the agency's answer to the newest appraisal of each fact or criterion, the evaluator's decision on it.
 */
export const AppraisalHistory = ({
  submissionId,
  facts,
  criteria = [],
  evidence = [],
  periodStatus,
  onChanged = () => undefined,
}: {
  submissionId: string;
  facts: Fact[];
  criteria?: readonly Node[];
  evidence?: EvidenceItem[];
  periodStatus?: string;
  onChanged?: () => void;
}) => {
  const translate = useTranslate();
  const f = useFormat();
  const lt = useLt();
  const show = useFactValue();
  const { canAccess: mayReply } = useCanAccess({ resource: 'appraisals', action: 'reply' });
  const { canAccess: mayResolve } = useCanAccess({ resource: 'appraisals', action: 'resolve' });
  const { data, refetch } = useGetList('appraisals', {
    filter: { submissionId },
    sort: { field: 'at', order: 'DESC' },
    pagination: { page: 1, perPage: 500 },
  });
  if (!data?.length) return <Typography variant="body2">{translate('chiso.appraisal.none')}</Typography>;
  const factOf = (id: string) => facts.find((x) => x.id === id);
  const seen = new Set<string>();
  const newest = new Set<string>();
  for (const a of data) {
    const key = a.fact ? `f:${a.fact}` : `c:${a.criterion}`;
    if (!seen.has(key)) newest.add(String(a.id));
    seen.add(key);
  }
  const inAppraisal = periodStatus === 'appraisal';
  const changed = () => {
    void refetch();
    onChanged();
  };
  const zeroText = (v: unknown) => translate(v === true ? 'chiso.zero.zeroed' : 'chiso.zero.restored');
  return (
    <Table size="small" data-testid="appraisal-history">
      <TableHead>
        <TableRow>
          <TableCell>{translate('chiso.appraisal.at')}</TableCell>
          <TableCell>{translate('chiso.appraisal.author')}</TableCell>
          <TableCell>{translate('chiso.appraisal.fact')}</TableCell>
          <TableCell align="right">{translate('chiso.appraisal.from')}</TableCell>
          <TableCell align="right">{translate('chiso.appraisal.to')}</TableCell>
          <TableCell>{translate('chiso.appraisal.reason')}</TableCell>
          <TableCell>{translate('chiso.reply.column')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {data.map((a) => {
          const fact = a.fact ? factOf(a.fact) : undefined;
          const node = a.criterion ? findNode(criteria, a.criterion) : undefined;
          const subject = a.fact ? lt(fact?.label) || a.fact : node ? `${a.criterion} «${lt(node.title)}»` : a.criterion;
          // The evidence a reply may cite: filed under the fact appraised, or under the item or a fact it reads.
          const evidenceKeys = new Set<string>([a.fact ?? a.criterion]);
          if (node) factsUnder(node, evidenceKeys);
          return (
            <TableRow key={a.id} data-appraisal={a.id}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{f.dateTime(a.at)}</TableCell>
              <TableCell>{a.author}</TableCell>
              <TableCell>{subject}</TableCell>
              <TableCell align="right">
                {a.fact ? show(fact, a.previousValue ?? a.agencyValue) : zeroText(a.previousValue ?? false)}
              </TableCell>
              <TableCell align="right">{a.fact ? show(fact, a.appraisedValue) : zeroText(a.appraisedValue)}</TableCell>
              <TableCell>{a.reason}</TableCell>
              <TableCell>
                <ReplyCell
                  appraisal={a}
                  fact={fact}
                  subject={subject}
                  evidence={evidence}
                  evidenceKeys={evidenceKeys}
                  canReply={!!mayReply && inAppraisal && newest.has(String(a.id))}
                  canResolve={!!mayResolve && inAppraisal}
                  onChanged={changed}
                  onEvidenceAdded={onChanged}
                />
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
};
