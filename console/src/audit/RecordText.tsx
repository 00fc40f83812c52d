import { ReferenceField, useRecordContext } from 'react-admin';
import { useLt, type Lt } from '../common/useLt';

// Resources the console shows, each with its record representation (name, title, agency…); a
// sign-in or sign-out is recorded against the user's account.
const SHOWN = ['agencies', 'users', 'rule-sets', 'versions', 'periods', 'submissions', 'evaluations', 'published-rankings'];
const RECORDED_AS: Record<string, string> = { sessions: 'users' };

const nameIn = (value: unknown): Lt | string | undefined => {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  return (v.name ?? v.title ?? v.agencyName ?? v.username ?? v.fullName) as Lt | string | undefined;
};

/**
 * The record an audit entry is about, by its name and linked to it: "Sở Y tế", "Kỳ đánh giá năm
 * 2021", not a UUID. A record since deleted is named from what the entry kept of it.
 */
export const RecordText = (_props: { source?: string; label?: string }) => {
  const entry = useRecordContext();
  const lt = useLt();
  if (!entry) return null;
  const kept = lt(nameIn(entry.after) ?? nameIn(entry.before));
  const fallback = <span title={String(entry.resourceId)}>{kept || String(entry.resourceId)}</span>;
  const reference = RECORDED_AS[entry.resource] ?? entry.resource;
  if (!SHOWN.includes(reference) || entry.action === 'delete') return fallback;
  return <ReferenceField source="resourceId" reference={reference} link="show" emptyText={kept || String(entry.resourceId)} />;
};
