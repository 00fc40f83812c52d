import type { ResourceProps } from 'react-admin';
import Rule from '@mui/icons-material/Rule';
import { RuleSetList } from './RuleSetList';
import { RuleSetShow } from './RuleSetShow';
import { RuleSetEdit } from './RuleSetEdit';

export const ruleSets: Partial<ResourceProps> = {
  list: RuleSetList,
  show: RuleSetShow,
  edit: RuleSetEdit,
  icon: Rule,
  recordRepresentation: 'id',
};
