import type { ResourceProps } from 'react-admin';
import { lazyNamed } from '../common/lazyNamed';
import History from '@mui/icons-material/History';

const AuditList = lazyNamed(() => import('./AuditList'), 'AuditList');
const AuditShow = lazyNamed(() => import('./AuditShow'), 'AuditShow');

export const audit: Partial<ResourceProps> = { list: AuditList, show: AuditShow, icon: History };
