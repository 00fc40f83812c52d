import { useGetOne } from 'react-admin';
import { useLt } from './useLt';

/** A rule set's title in the UI language, as people name it ("Sơn La"), never its code; undefined while loading. */
export const useRuleSetTitle = (id: string | undefined): string | undefined => {
  const lt = useLt();
  const { data } = useGetOne('rule-sets', { id: id ?? '' }, { enabled: !!id, staleTime: 5 * 60_000 });
  return data ? lt(data.title) || undefined : undefined;
};
