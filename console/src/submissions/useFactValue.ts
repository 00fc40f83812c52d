import { useTranslate } from 'react-admin';
import type { Fact } from '../../../server/engine';
import { useFormat } from '../common/useFormat';
import { useLt } from '../common/useLt';

/** A fact value in words: 85,5 %, Có / Không, the option's label, a date. */
export const useFactValue = () => {
  const translate = useTranslate();
  const f = useFormat();
  const lt = useLt();
  return (fact: Fact | undefined, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (typeof value === 'boolean') return translate(value ? 'chiso.common.yes' : 'chiso.common.no');
    if (typeof value === 'number') return `${f.number(value, 4)}${fact?.unit ? ` ${lt(fact.unit)}` : ''}`;
    if (fact?.type === 'enum') return lt(fact.options?.find((o) => o.value === value)?.label) || String(value);
    if (fact?.type === 'date') return f.date(String(value));
    return String(value);
  };
};
