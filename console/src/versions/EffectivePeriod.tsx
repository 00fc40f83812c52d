import { useTranslate } from 'react-admin';
import { useFormat } from '../common/useFormat';

/** "01/01/2021 – 31/12/2021" or "01/01/2022 – nay". */
export const EffectivePeriod = ({ record }: { record: { effectiveFrom?: string; effectiveTo?: string | null; [k: string]: any } }) => {
  const f = useFormat();
  const translate = useTranslate();
  return (
    <span>
      {f.date(record.effectiveFrom)} – {record.effectiveTo ? f.date(record.effectiveTo) : translate('chiso.common.openEnded')}
    </span>
  );
};
