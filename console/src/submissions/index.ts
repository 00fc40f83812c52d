import type { ResourceProps } from 'react-admin';
import Assignment from '@mui/icons-material/Assignment';
import { SubmissionList } from './SubmissionList';
import { SubmissionEdit } from './SubmissionEdit';
import { SubmissionShow } from './SubmissionShow';

export const submissions: Partial<ResourceProps> = {
  list: SubmissionList,
  edit: SubmissionEdit,
  show: SubmissionShow,
  icon: Assignment,
  recordRepresentation: 'agencyName',
};
