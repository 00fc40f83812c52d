// The UI language, readable outside React: every request sends it as Accept-Language so the
// server answers problem+json messages in the language the user reads.
export type Locale = 'vi' | 'en';

let current: Locale = (() => {
  try {
    const stored = window.localStorage.getItem('RaStore.locale');
    if (stored && JSON.parse(stored) === 'en') return 'en';
  } catch {
    // private mode or malformed value: keep Vietnamese
  }
  return 'vi';
})();

export const getLocale = (): Locale => current;
export const setLocale = (locale: string): void => {
  current = locale === 'en' ? 'en' : 'vi';
  document.documentElement.lang = current;
};

/** BCP 47 tag for Intl formatting. */
export const intlTag = (locale: string = current): string => (locale === 'en' ? 'en-GB' : 'vi-VN');
