import type { ResourceProps } from 'react-admin';
import { lazyNamed } from '../common/lazyNamed';
import People from '@mui/icons-material/People';

const UserList = lazyNamed(() => import('./UserList'), 'UserList');
const UserEdit = lazyNamed(() => import('./UserEdit'), 'UserEdit');
const UserCreate = lazyNamed(() => import('./UserCreate'), 'UserCreate');

export const users: Partial<ResourceProps> = {
  list: UserList,
  edit: UserEdit,
  create: UserCreate,
  icon: People,
  recordRepresentation: 'username',
};
