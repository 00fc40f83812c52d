import type { ResourceProps } from 'react-admin';
import EventNote from '@mui/icons-material/EventNote';
import { PeriodList } from './PeriodList';
import { PeriodShow } from './PeriodShow';
import { PeriodCreate } from './PeriodCreate';

export const periods: Partial<ResourceProps> = {
  list: PeriodList,
  show: PeriodShow,
  create: PeriodCreate,
  icon: EventNote,
  recordRepresentation: 'title',
};
