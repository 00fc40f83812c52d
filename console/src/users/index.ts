import type { ResourceProps } from 'react-admin';
import People from '@mui/icons-material/People';
import { UserList } from './UserList';
import { UserEdit } from './UserEdit';
import { UserCreate } from './UserCreate';

export const users: Partial<ResourceProps> = {
  list: UserList,
  edit: UserEdit,
  create: UserCreate,
  icon: People,
  recordRepresentation: 'username',
};
