import { useRecordContext, useTranslate } from 'react-admin';

/** "submissions" → "Bản tự đánh giá": the audited resource in words. */
export const ResourceText = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const resource = String(record?.resource ?? '');
  return <span title={resource}>{translate(`resources.${resource}.name`, { smart_count: 1, _: resource })}</span>;
};
