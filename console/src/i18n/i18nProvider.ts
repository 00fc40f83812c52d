import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import { vi } from './vi';
import { en } from './en';
import { getLocale, setLocale } from '../api/locale';
import { type TranslationMessages } from 'react-admin';

const catalogs: Record<string, TranslationMessages> = {
  vi,
  en: { ...englishMessages, ...en },
};

const base = polyglotI18nProvider((locale) => catalogs[locale] ?? catalogs.vi, getLocale(), [
  { locale: 'vi', name: 'Tiếng Việt' },
  { locale: 'en', name: 'English' },
]);

/** Vietnamese first; the chosen language also goes to the server as Accept-Language. */
export const i18nProvider = {
  ...base,
  changeLocale: async (locale: string) => {
    setLocale(locale);
    return base.changeLocale(locale);
  },
};
