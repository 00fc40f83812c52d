import type { ResourceProps } from 'react-admin';
import { lazyNamed } from '../common/lazyNamed';
import Rule from '@mui/icons-material/Rule';

const RuleSetList = lazyNamed(() => import('./RuleSetList'), 'RuleSetList');
const RuleSetShow = lazyNamed(() => import('./RuleSetShow'), 'RuleSetShow');
const RuleSetEdit = lazyNamed(() => import('./RuleSetEdit'), 'RuleSetEdit');

export const ruleSets: Partial<ResourceProps> = {
  list: RuleSetList,
  show: RuleSetShow,
  edit: RuleSetEdit,
  icon: Rule,
  recordRepresentation: (r) => r.title?.vi ?? r.id,
};
