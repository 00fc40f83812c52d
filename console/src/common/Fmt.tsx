import { useRecordContext, type RaRecord } from 'react-admin';
import { useFormat } from './useFormat';
import { useLt } from './useLt';

// A field of a record by its react-admin source path ("result.total"): whatever the record holds there.
const read = (record: RaRecord | undefined, source: string) =>
  source.split('.').reduce<RaRecord[string]>((v, k) => (v == null ? v : v[k]), record);

/** Field components for lists and shows: formatted with the UI locale. */
const DateText = ({ source, time = false }: { source: string; time?: boolean; label?: string }) => {
  const record = useRecordContext();
  const f = useFormat();
  const v = read(record, source);
  return <span>{time ? f.dateTime(v) : f.date(v)}</span>;
};

export const NumberText = ({ source, digits = 2 }: { source: string; digits?: number; label?: string }) => {
  const record = useRecordContext();
  const f = useFormat();
  return <span>{f.number(read(record, source), digits)}</span>;
};

export const LtText = ({ source }: { source: string; label?: string }) => {
  const record = useRecordContext();
  const lt = useLt();
  return <span>{lt(read(record, source))}</span>;
};

export const DateTimeText = ({ source }: { source: string; label?: string }) => <DateText source={source} time />;
