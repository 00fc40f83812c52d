import { useGetList } from 'react-admin';

/** The period people are working on: the latest one still open or in appraisal, else the latest. */
export const useCurrentPeriod = () => {
  const { data, isPending } = useGetList('periods', { sort: { field: 'year', order: 'DESC' }, pagination: { page: 1, perPage: 50 } });
  const active = data?.find((p) => p.status === 'open' || p.status === 'appraisal');
  return { period: active ?? data?.[0], periods: data ?? [], isPending };
};
