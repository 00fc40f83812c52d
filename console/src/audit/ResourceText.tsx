import { useRecordContext, useTranslate, type TranslateFunction } from 'react-admin';

/** "submissions" → "Bản tự đánh giá": the audited resource in words. */
export const resourceLabel = (translate: TranslateFunction, resource: string): string =>
  translate(`resources.${resource}.name`, { smart_count: 1, _: resource });

export const ResourceText = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const resource = String(record?.resource ?? '');
  return <span title={resource}>{resourceLabel(translate, resource)}</span>;
};
