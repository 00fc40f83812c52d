import { useFormat } from '../common/useFormat';

/** "2245/QĐ-UBND, 12/10/2021, UBND tỉnh Sơn La". */
export const LegalBasisText = ({ value }: { value?: { decision?: string; date?: string; issuer?: string } | null }) => {
  const f = useFormat();
  if (!value) return <span>—</span>;
  return (
    <span>
      <strong>{value.decision}</strong>
      {value.date ? `, ${f.date(value.date)}` : ''}
      {value.issuer ? `, ${value.issuer}` : ''}
    </span>
  );
};
