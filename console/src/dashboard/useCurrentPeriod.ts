import { useGetList, useStore } from 'react-admin';

/** The period people are working on: the latest one still open or in appraisal, else the latest. */
const useCurrentPeriod = () => {
  const { data, isPending } = useGetList('periods', { sort: { field: 'year', order: 'DESC' }, pagination: { page: 1, perPage: 50 } });
  const active = data?.find((p) => p.status === 'open' || p.status === 'appraisal');
  return { period: active ?? data?.[0], periods: data ?? [], isPending };
};

/**
 * What a list's filters open on: the rule set of the current period (two provinces' agencies share
 * names), once the periods are read; `pending` until then, as a list reads its defaults once.
 */
export const useCurrentRuleSetFilter = () => {
  const { period, isPending } = useCurrentPeriod();
  return { pending: isPending, defaults: period ? { ruleSet: period.ruleSet as string } : {} };
};

/**
 * The period the dashboard shows: the one last picked on this browser (react-admin's store keeps
 * it in localStorage), else the current one; a picked period since deleted falls back too.
 */
export const useChosenPeriod = () => {
  const { period: current, periods, isPending } = useCurrentPeriod();
  const [chosenId, choose] = useStore<string | null>('dashboard.periodId', null);
  const chosen = periods.find((p) => String(p.id) === chosenId);
  return { period: chosen ?? current, periods, isPending, choose: (id: string) => choose(id) };
};
