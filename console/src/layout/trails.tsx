// The trail of each main show and edit page, read from the page's record: where it sits and the
// way back (a submission: its period's list, its period, itself).
import type { ReactNode } from 'react';
import { TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { useLt } from '../common/useLt';
import { Breadcrumbs, PageCrumbs, useListCrumb, usePeriodCrumb, useRuleSetCrumb, type Crumb } from './Breadcrumbs';

/** A toolbar with the trail on the left and the page's buttons (edit, show) on the right. */
const CrumbToolbar = ({ trail, children }: { trail: (Crumb | null | undefined | false)[]; children?: ReactNode }) => (
  <TopToolbar sx={{ justifyContent: 'space-between', alignItems: 'center', width: '100%' }}>
    <Breadcrumbs trail={trail} />
    {children}
  </TopToolbar>
);

const useEditCrumb = (): Crumb => ({ label: useTranslate()('ra.action.edit') });

export const RuleSetTrail = ({ edit = false, children }: { edit?: boolean; children?: ReactNode }) => {
  const record = useRecordContext();
  const lt = useLt();
  const list = useListCrumb('rule-sets');
  const self = useRuleSetCrumb(record?.id as string | undefined);
  const editing = useEditCrumb();
  if (!record) return null;
  return <CrumbToolbar trail={[list, edit ? self : { label: lt(record.title) }, edit && editing]}>{children}</CrumbToolbar>;
};

export const VersionTrail = ({ record }: { record: { ruleSet: string; version: string } }) => {
  const translate = useTranslate();
  const list = useListCrumb('rule-sets');
  const ruleSet = useRuleSetCrumb(record.ruleSet);
  return <PageCrumbs trail={[list, ruleSet, { label: `${translate('resources.versions.name', { smart_count: 1 })} ${record.version}` }]} />;
};

export const AgencyTrail = ({ edit = false, children }: { edit?: boolean; children?: ReactNode }) => {
  const record = useRecordContext();
  const list = useListCrumb('agencies');
  const editing = useEditCrumb();
  if (!record) return null;
  const self: Crumb = { label: record.name, to: `/agencies/${encodeURIComponent(String(record.id))}/show`, resource: 'agencies' };
  return <CrumbToolbar trail={[list, edit ? self : { label: record.name }, edit && editing]}>{children}</CrumbToolbar>;
};

export const PeriodTrail = () => {
  const record = useRecordContext();
  const list = useListCrumb('periods');
  return record ? <PageCrumbs trail={[list, { label: record.title }]} /> : null;
};

/** A submission under its period, in its appraisal view and in its form (with the form's buttons). */
export const SubmissionTrail = ({ children }: { children?: ReactNode }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const list = useListCrumb('periods');
  const period = usePeriodCrumb(record?.periodId as string | undefined);
  if (!record) return null;
  const self = translate('chiso.breadcrumbs.submissionOf', { agency: record.agencyName });
  return <CrumbToolbar trail={[list, period, { label: self }]}>{children}</CrumbToolbar>;
};

export const EvaluationTrail = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const list = useListCrumb('periods');
  const period = usePeriodCrumb(record?.periodId as string | undefined);
  if (!record) return null;
  const submission: Crumb = {
    label: translate('chiso.breadcrumbs.submissionOf', { agency: record.agencyName }),
    to: `/submissions/${record.submissionId}/show`,
    resource: 'submissions',
  };
  return <PageCrumbs trail={[list, period, submission, { label: translate('resources.evaluations.name', { smart_count: 1 }) }]} />;
};

export const PublishedRankingTrail = () => {
  const record = useRecordContext();
  const list = useListCrumb('published-rankings');
  return record ? <PageCrumbs trail={[list, { label: record.periodTitle }]} /> : null;
};
