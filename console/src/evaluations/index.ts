import type { ResourceProps } from 'react-admin';
import Grading from '@mui/icons-material/Grading';
import { EvaluationList } from './EvaluationList';
import { EvaluationShow } from './EvaluationShow';

export const evaluations: Partial<ResourceProps> = {
  list: EvaluationList,
  show: EvaluationShow,
  icon: Grading,
  recordRepresentation: 'agencyName',
};
