import { useLocaleState } from 'react-admin';
import { intlTag } from '../api/locale';

/** Moments (publication, audit entries) are shown in Việt Nam time, where the decisions are dated. */
const VIETNAM = { timeZone: 'Asia/Ho_Chi_Minh' } as const;

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
    // date-only values are calendar dates: format them without a time-zone shift; a moment is
    // dated where the province is, whatever the browser's zone
    const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
    const d = dayOnly ? new Date(`${value}T00:00:00`) : new Date(value);
    return Number.isNaN(d.getTime())
      ? value
      : new Intl.DateTimeFormat(tag, { day: '2-digit', month: '2-digit', year: 'numeric', ...(dayOnly ? {} : VIETNAM) }).format(d);
  };
  const dateTime = (value: string | null | undefined) => {
    if (!value) return '—';
    const d = new Date(value);
    return Number.isNaN(d.getTime())
      ? value
      : new Intl.DateTimeFormat(tag, {
          day: '2-digit',
          month: '2-digit',
          year: 'numeric',
          hour: '2-digit',
          minute: '2-digit',
          ...VIETNAM,
        }).format(d);
  };
  /**
   * Text the engine wrote with English numbers ("41 ÷ 50 × 20 = 16.4", "min(3.5, 5)": a trace's
   * formula, stored as part of the hashed record) with each number in the UI's format; where the
   * decimal separator is a comma, arguments are separated by semicolons, as in Vietnamese Excel.
   */
  const numbersIn = (text: string) => {
    const decimalComma = new Intl.NumberFormat(tag).format(1.5).includes(',');
    const separated = decimalComma ? text.replace(/, /g, '; ') : text;
    return separated.replace(/\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g, (m) => number(m.replace(/,/g, ''), 20));
  };
  return { number, date, dateTime, numbersIn, tag };
};
