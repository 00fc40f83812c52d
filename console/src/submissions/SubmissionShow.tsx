import { Alert, Box, Button, Card, CardContent, LinearProgress, Stack, Typography } from '@mui/material';
import Edit from '@mui/icons-material/Edit';
import { Show, useCanAccess, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { StatusChip } from '../common/StatusChip';
import { useFormat } from '../common/useFormat';
import { useLt } from '../common/useLt';
import { useSubmissionContext } from './useSubmissionContext';
import { factGroups } from './factGroups';
import { AppraisalTable } from './AppraisalTable';
import { AppraisalHistory } from './AppraisalHistory';
import { EvaluateSubmissionButton } from './EvaluateSubmissionButton';
import { ZeroCriterion } from './ZeroCriterion';
import { SubmissionTrail } from '../layout/trails';
import { replyWindowOf, scheduleOf } from '../periods/schedule';

const SubmissionView = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const refresh = useRefresh();
  const f = useFormat();
  const lt = useLt();
  const { data, error } = useSubmissionContext(record);
  const { canAccess: mayAppraise } = useCanAccess({ resource: 'submissions', action: 'appraise' });
  const { canAccess: mayEdit } = useCanAccess({ resource: 'submissions', action: 'edit', record });
  const { canAccess: mayReply } = useCanAccess({ resource: 'appraisals', action: 'reply' });
  if (error) return <Alert severity="error">{error.message}</Alert>;
  if (!record || !data) return <LinearProgress />;
  const canAppraise = !!mayAppraise && record.status !== 'draft' && ['open', 'appraisal'].includes(data.period.status);
  const groups = factGroups(data.version, data.cohort, true);
  const schedule = data.period.status === 'appraisal' ? scheduleOf(data.period) : null;
  const replyWindow = schedule ? replyWindowOf(schedule) : null;
  return (
    <>
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'center' } }}>
            <Box sx={{ flex: 1 }}>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                <Typography variant="h5" component="h1">
                  {record.agencyName}
                </Typography>
                <StatusChip status={record.status} />
              </Stack>
              <Typography variant="body2" color="text.secondary">
                {data.period.title} · {translate('chiso.submission.revision', { n: record.revision })}
                {record.submittedAt ? ` · ${translate('chiso.submission.submittedAt', { at: f.dateTime(record.submittedAt) })}` : ''}
                {data.cohort
                  ? ` · ${translate('chiso.common.cohort')}: ${lt(data.version.cohorts.find((c) => c.id === data.cohort)?.name) || data.cohort}`
                  : ''}
              </Typography>
            </Box>
            {mayEdit && record.status === 'draft' && (
              <Button component={Link} to={`/submissions/${record.id}`} variant="contained" startIcon={<Edit />}>
                {translate('ra.action.edit')}
              </Button>
            )}
            <EvaluateSubmissionButton record={record} />
          </Stack>
          {canAppraise && (
            <Alert severity="info" sx={{ mt: 2 }}>
              {translate('chiso.appraisal.help')}
            </Alert>
          )}
          {replyWindow && mayReply && (
            <Alert
              severity="info"
              sx={{ mt: 2 }}
              action={
                <Button
                  color="inherit"
                  size="small"
                  onClick={() => document.getElementById('replies')?.scrollIntoView({ behavior: 'smooth' })}
                >
                  {translate('chiso.reply.goTo')}
                </Button>
              }
            >
              {translate('chiso.schedule.replyWindow', replyWindow)}
            </Alert>
          )}
          <ZeroCriterion
            submissionId={String(record.id)}
            version={data.version}
            cohort={data.cohort}
            zeroed={record.zeroedCriteria ?? {}}
            canZero={canAppraise}
            onChanged={refresh}
          />
        </CardContent>
      </Card>
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <AppraisalTable record={record} groups={groups} canAppraise={canAppraise} onChanged={refresh} />
        </CardContent>
      </Card>
      <Card id="replies">
        <CardContent>
          <Typography variant="h6" sx={{ mb: 1 }}>
            {translate('chiso.reply.section')}
          </Typography>
          {replyWindow && (
            <Alert severity="info" sx={{ mb: 1 }} data-testid="submission-reply-window">
              {translate('chiso.schedule.replyWindow', replyWindow)}
              {mayReply && <Typography variant="body2">{translate('chiso.reply.help')}</Typography>}
            </Alert>
          )}
          <AppraisalHistory
            submissionId={String(record.id)}
            facts={data.version.facts}
            criteria={data.version.criteria}
            evidence={record.evidence ?? []}
            periodStatus={data.period.status}
            onChanged={refresh}
          />
        </CardContent>
      </Card>
    </>
  );
};

/** The appraisal view: what the agency reported, what the evaluator set, and why. */
export const SubmissionShow = () => (
  <Show component="div" actions={false}>
    <SubmissionTrail />
    <SubmissionView />
  </Show>
);
