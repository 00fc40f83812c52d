import { useLocaleState } from 'react-admin';
import { intlTag } from '../api/locale';

/** vi-VN (or en-GB) numbers and dates through Intl, so 85,5 and 31/12/2021 read naturally. */
export const useFormat = () => {
  const [locale] = useLocaleState();
  const tag = intlTag(locale);
  const number = (value: number | string | null | undefined, maxDigits = 2) => {
    if (value === null || value === undefined || value === '') return '—';
    const n = typeof value === 'number' ? value : Number(value);
    return Number.isFinite(n) ? new Intl.NumberFormat(tag, { maximumFractionDigits: maxDigits }).format(n) : String(value);
  };
  const date = (value: string | null | undefined) => {
    if (!value) return '—';
    // date-only values are calendar dates: format them without a time-zone shift
    const d = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00`) : new Date(value);
    return Number.isNaN(d.getTime())
      ? value
      : new Intl.DateTimeFormat(tag, { day: '2-digit', month: '2-digit', year: 'numeric' }).format(d);
  };
  const dateTime = (value: string | null | undefined) => {
    if (!value) return '—';
    const d = new Date(value);
    return Number.isNaN(d.getTime())
      ? value
      : new Intl.DateTimeFormat(tag, { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(d);
  };
  return { number, date, dateTime, tag };
};
