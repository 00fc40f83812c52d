import type { ResourceProps } from 'react-admin';
import AccountTree from '@mui/icons-material/AccountTree';
import { VersionList } from './VersionList';
import { VersionEditorPage } from './VersionEditorPage';
import { VersionCreate } from './VersionCreate';

// One page for edit and show: drafts are editable, other versions open read-only.
export const versions: Partial<ResourceProps> = {
  list: VersionList,
  edit: VersionEditorPage,
  show: VersionEditorPage,
  create: VersionCreate,
  icon: AccountTree,
  recordRepresentation: (r) => `${r.ruleSet} ${r.version}`,
};
