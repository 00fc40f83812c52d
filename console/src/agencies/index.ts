import type { ResourceProps } from 'react-admin';
import { lazyNamed } from '../common/lazyNamed';
import AccountBalance from '@mui/icons-material/AccountBalance';

const AgencyList = lazyNamed(() => import('./AgencyList'), 'AgencyList');
const AgencyEdit = lazyNamed(() => import('./AgencyEdit'), 'AgencyEdit');
const AgencyCreate = lazyNamed(() => import('./AgencyCreate'), 'AgencyCreate');
const AgencyShow = lazyNamed(() => import('./AgencyShow'), 'AgencyShow');

export const agencies: Partial<ResourceProps> = {
  list: AgencyList,
  edit: AgencyEdit,
  create: AgencyCreate,
  show: AgencyShow,
  icon: AccountBalance,
  recordRepresentation: 'name',
};
