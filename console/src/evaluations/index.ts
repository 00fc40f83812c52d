import type { ResourceProps } from 'react-admin';
import { lazyNamed } from '../common/lazyNamed';
import Grading from '@mui/icons-material/Grading';

const EvaluationList = lazyNamed(() => import('./EvaluationList'), 'EvaluationList');
const EvaluationShow = lazyNamed(() => import('./EvaluationShow'), 'EvaluationShow');

export const evaluations: Partial<ResourceProps> = {
  list: EvaluationList,
  show: EvaluationShow,
  icon: Grading,
  recordRepresentation: 'agencyName',
};
