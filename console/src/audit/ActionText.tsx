import { useRecordContext, useTranslate } from 'react-admin';

/** "version.publish", "add-evidence" → "Ban hành phiên bản" where we know the words; the code otherwise. */
export const ActionText = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const action = String(record?.action ?? '');
  return <span title={action}>{translate(`chiso.auditAction.${action.replace(/[.-]/g, '_')}`, { _: action })}</span>;
};
