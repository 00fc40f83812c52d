import { useRecordContext, useTranslate, type TranslateFunction } from 'react-admin';

/** "version.publish", "add-evidence" → "Ban hành phiên bản" where we know the words; the code otherwise. */
export const actionLabel = (translate: TranslateFunction, action: string): string =>
  translate(`chiso.auditAction.${action.replace(/[.-]/g, '_')}`, { _: action });

export const ActionText = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const action = String(record?.action ?? '');
  return <span title={action}>{actionLabel(translate, action)}</span>;
};
