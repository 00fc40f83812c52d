import { useGetList, useRecordContext } from 'react-admin';

/** Who did it, by name ("Cán bộ thẩm định Sở TT&TT"), the account name beside it. */
export const ActorText = (_props: { source?: string; label?: string }) => {
  const entry = useRecordContext();
  // One list for the whole page (react-query shares it between rows).
  const { data: users } = useGetList('users', { pagination: { page: 1, perPage: 1000 }, sort: { field: 'username', order: 'ASC' } });
  const actor = String(entry?.actor ?? '');
  const fullName = users?.find((u) => u.username === actor)?.fullName;
  return <span title={actor}>{fullName ? `${fullName} (${actor})` : actor}</span>;
};
