import { Tooltip } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useFormat } from '../common/useFormat';

/**
 * "15/09/2021 – 12/04/2023"; a version ended by its successor before its own end date shows the day
 * it ended, struck through from the date it had declared.
 */
export const EffectivePeriod = ({
  record,
}: {
  record: { effectiveFrom?: string; effectiveTo?: string | null; endedOn?: string | null; [k: string]: unknown };
}) => {
  const f = useFormat();
  const translate = useTranslate();
  const declared = record.effectiveTo ? f.date(record.effectiveTo) : translate('chiso.common.openEnded');
  if (!record.endedOn)
    return (
      <span>
        {f.date(record.effectiveFrom)} – {declared}
      </span>
    );
  return (
    <Tooltip title={translate('chiso.version.endedTooltip', { declared })}>
      <span data-ended-on={record.endedOn}>
        {f.date(record.effectiveFrom)} – {f.date(record.endedOn)} <s style={{ opacity: 0.6 }}>{declared}</s>
      </span>
    </Tooltip>
  );
};
