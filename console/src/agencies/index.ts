import type { ResourceProps } from 'react-admin';
import AccountBalance from '@mui/icons-material/AccountBalance';
import { AgencyList } from './AgencyList';
import { AgencyEdit } from './AgencyEdit';
import { AgencyCreate } from './AgencyCreate';
import { AgencyShow } from './AgencyShow';

export const agencies: Partial<ResourceProps> = {
  list: AgencyList,
  edit: AgencyEdit,
  create: AgencyCreate,
  show: AgencyShow,
  icon: AccountBalance,
  recordRepresentation: 'name',
};
