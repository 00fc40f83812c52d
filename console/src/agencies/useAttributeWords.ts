import { useEffect, useState } from 'react';
import { useGetList, useTranslate } from 'react-admin';
import type { AgencyAttribute, RuleSetVersion } from '../../../server/engine';
import { dataProvider } from '../providers/dataProvider';
import { useLt } from '../common/useLt';

// Published documents do not change: one fetch per version for the whole visit.
const documents = new Map<string, Promise<RuleSetVersion | null>>();
const documentOf = (id: string) => {
  if (!documents.has(id))
    documents.set(
      id,
      dataProvider.getOne('versions', { id }).then(
        (r) => (r.data.document as RuleSetVersion) ?? null,
        () => null,
      ),
    );
  return documents.get(id)!;
};

/**
 * The agency attributes the rule sets' latest published versions declare, with their labels and
 * choices: an agency's record keeps codes (has_public_services: true), people read
 * "Có thủ tục hành chính, dịch vụ công: Có".
 */
export const useAttributeWords = () => {
  const lt = useLt();
  const translate = useTranslate();
  const { data: ruleSets } = useGetList('rule-sets', { pagination: { page: 1, perPage: 100 }, sort: { field: 'id', order: 'ASC' } });
  const ids = (ruleSets ?? []).map((r) => r.latestPublished?.id).filter((id): id is string => !!id);
  const key = ids.join(' ');
  // null until the declarations are read: codes are not shown in the meantime.
  const [defs, setDefs] = useState<AgencyAttribute[] | null>(null);
  useEffect(() => {
    let live = true;
    Promise.all(key ? key.split(' ').map(documentOf) : []).then((docs) => {
      const byId = new Map<string, AgencyAttribute>();
      for (const doc of docs) for (const a of doc?.agencyAttributes ?? []) if (!byId.has(a.id)) byId.set(a.id, a);
      if (live) setDefs([...byId.values()]);
    });
    return () => {
      live = false;
    };
  }, [key]);
  const def = (id: string) => defs?.find((a) => a.id === id);
  const label = (id: string) => lt(def(id)?.label) || id;
  const value = (id: string, v: unknown) => {
    if (v === true) return translate('chiso.common.yes');
    if (v === false) return translate('chiso.common.no');
    if (v === null || v === undefined || v === '') return '—';
    const option = def(id)?.options?.find((o) => o.value === v);
    return option ? lt(option.label) : String(v);
  };
  const describe = (attributes: Record<string, unknown> | undefined) =>
    !defs
      ? ''
      : Object.entries(attributes ?? {})
          .map(([k, v]) => `${label(k)}: ${value(k, v)}`)
          .join(' · ');
  return { defs: defs ?? [], def, label, value, describe };
};
