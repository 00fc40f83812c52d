import { useLocaleState } from 'react-admin';

export interface Lt {
  vi: string;
  en?: string;
}

/** Picks the UI language from a {vi, en} text, falling back to Vietnamese (the legal text). */
const pickLt = (text: Lt | string | null | undefined, locale: string): string => {
  if (text == null) return '';
  if (typeof text === 'string') return text;
  return (locale === 'en' ? text.en || text.vi : text.vi || text.en) ?? '';
};

export const useLt = () => {
  const [locale] = useLocaleState();
  return (text: Lt | string | null | undefined) => pickLt(text, locale);
};
