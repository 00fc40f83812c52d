import type { ResourceProps } from 'react-admin';
import { lazyNamed } from '../common/lazyNamed';
import EventNote from '@mui/icons-material/EventNote';

const PeriodList = lazyNamed(() => import('./PeriodList'), 'PeriodList');
const PeriodShow = lazyNamed(() => import('./PeriodShow'), 'PeriodShow');
const PeriodCreate = lazyNamed(() => import('./PeriodCreate'), 'PeriodCreate');

export const periods: Partial<ResourceProps> = {
  list: PeriodList,
  show: PeriodShow,
  create: PeriodCreate,
  icon: EventNote,
  recordRepresentation: 'title',
};
