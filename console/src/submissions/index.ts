import type { ResourceProps } from 'react-admin';
import { lazyNamed } from '../common/lazyNamed';
import Assignment from '@mui/icons-material/Assignment';

const SubmissionList = lazyNamed(() => import('./SubmissionList'), 'SubmissionList');
const SubmissionEdit = lazyNamed(() => import('./SubmissionEdit'), 'SubmissionEdit');
const SubmissionShow = lazyNamed(() => import('./SubmissionShow'), 'SubmissionShow');

export const submissions: Partial<ResourceProps> = {
  list: SubmissionList,
  edit: SubmissionEdit,
  show: SubmissionShow,
  icon: Assignment,
  recordRepresentation: 'agencyName',
};
