// Wording of explanations in Vietnamese and English. Numbers go to Intl.NumberFormat as exact
// decimal strings (never as doubles), so "1.000" and "94,54" carry every digit of the score.
import { Exact } from './exact';
import type { Fact } from './schemaTypes';
import { bi, text, type Bilingual } from './naming';

export { bi, type Bilingual };

const TAGS = { vi: 'vi-VN', en: 'en-GB' } as const;
const formats = new Map<string, Intl.NumberFormat>();

/**
 * The one number formatter of the server: "1.000", "94,54" in Vietnamese, "1,000", "94.54" in
 * English; with `places`, exactly that many decimals ("82,50"), rounded half up by Exact. Data files
 * (CSV) pass grouping = false, so a spreadsheet never reads "1.000" as one.
 */
export function formatNumber(value: Exact | number | string, lang: 'vi' | 'en', places?: number, grouping = true): string {
  const exact = value instanceof Exact ? value : Exact.of(value);
  const key = `${lang}:${places ?? ''}:${grouping}`;
  let format = formats.get(key);
  if (!format) {
    const digits = places === undefined ? { maximumFractionDigits: 20 } : { minimumFractionDigits: places, maximumFractionDigits: places };
    format = new Intl.NumberFormat(TAGS[lang], { ...digits, useGrouping: grouping });
    formats.set(key, format);
  }
  const text = places === undefined ? exact.toString() : exact.toFixed(places);
  return format.format(text as unknown as number);
}

/** "16,4" in Vietnamese, "16.4" in English; a repeating decimal is shown as "≈0,3333". */
export const num = (value: Exact | number, lang: 'vi' | 'en'): string => {
  if (typeof value !== 'number' && value.decimalPlaces() > 4) return `≈${formatNumber(value.round(4), lang)}`;
  return formatNumber(value, lang);
};

/** A value with its unit: "82%", "12 người". */
export const withUnit = (value: Exact, fact: Fact | undefined, lang: 'vi' | 'en'): string => {
  const unit = text(fact?.unit, lang);
  if (!unit) return num(value, lang);
  return unit === '%' ? `${num(value, lang)}%` : `${num(value, lang)} ${unit}`;
};

/** "4/5 điểm" / "4/5 points". */
export const outOf = (points: Exact, max: Exact): Bilingual =>
  bi(`${num(points, 'vi')}/${num(max, 'vi')} điểm`, `${num(points, 'en')}/${num(max, 'en')} points`);

/** Vietnamese regulations write bands as "từ X đến dưới Y", i.e. [X, Y). */
export function rangePhrase(from: number | undefined, to: number | undefined, unit: string, lang: 'vi' | 'en'): string {
  const f = (n: number) => `${num(n, lang)}${unit === '%' ? '%' : unit ? ` ${unit}` : ''}`;
  if (from !== undefined && to !== undefined)
    return lang === 'vi' ? `từ ${f(from)} đến dưới ${f(to)}` : `from ${f(from)} to under ${f(to)}`;
  if (from !== undefined) return lang === 'vi' ? `từ ${f(from)} trở lên` : `${f(from)} or more`;
  if (to !== undefined) return lang === 'vi' ? `dưới ${f(to)}` : `under ${f(to)}`;
  return lang === 'vi' ? 'mọi giá trị' : 'any value';
}
