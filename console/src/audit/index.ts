import type { ResourceProps } from 'react-admin';
import History from '@mui/icons-material/History';
import { AuditList } from './AuditList';
import { AuditShow } from './AuditShow';

export const audit: Partial<ResourceProps> = { list: AuditList, show: AuditShow, icon: History };
