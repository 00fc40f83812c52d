import { useMemo } from 'react';
import { useGetOne } from 'react-admin';
import { useLt } from './useLt';

/** The cohorts a version defines, in its order, named in the UI language. */
export const useVersionCohorts = (versionId: string | undefined) => {
  const lt = useLt();
  // Lists of versions put their rows (without the document) in the getOne cache under no meta;
  // asking with a meta of our own keeps this query's record whole.
  const { data } = useGetOne(
    'versions',
    { id: versionId ?? '', meta: { withDocument: true } },
    { enabled: !!versionId, staleTime: 5 * 60_000 },
  );
  return useMemo(
    () => (data?.document?.cohorts ?? []).map((c: { id: string; name: unknown }) => ({ id: c.id, name: lt(c.name as never) })),
    [data, lt],
  ) as { id: string; name: string }[];
};
