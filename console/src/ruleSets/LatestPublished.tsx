import { Link } from 'react-router-dom';
import { useFormat } from '../common/useFormat';

/** The newest published version of a rule set, linked. */
export const LatestPublished = ({
  value,
}: {
  value?: { id?: string; version?: string; publishedAt?: string; effectiveFrom?: string } | null;
}) => {
  const f = useFormat();
  if (!value) return <span>—</span>;
  return (
    <span>
      {value.id ? (
        <Link to={`/versions/${value.id}`} onClick={(e) => e.stopPropagation()}>
          {value.version}
        </Link>
      ) : (
        value.version
      )}
      {value.effectiveFrom ? ` · ${f.date(value.effectiveFrom)}` : value.publishedAt ? ` · ${f.date(value.publishedAt)}` : ''}
    </span>
  );
};
