import type { ResourceProps } from 'react-admin';
import { lazyNamed } from '../common/lazyNamed';
import AccountTree from '@mui/icons-material/AccountTree';

const VersionList = lazyNamed(() => import('./VersionList'), 'VersionList');
const VersionEditorPage = lazyNamed(() => import('./VersionEditorPage'), 'VersionEditorPage');
const VersionCreate = lazyNamed(() => import('./VersionCreate'), 'VersionCreate');

// One page for edit and show: drafts are editable, other versions open read-only.
export const versions: Partial<ResourceProps> = {
  list: VersionList,
  edit: VersionEditorPage,
  show: VersionEditorPage,
  create: VersionCreate,
  icon: AccountTree,
  recordRepresentation: (r) => (r.title?.vi ? `${r.title.vi} (${r.version})` : `${r.ruleSet} ${r.version}`),
};
