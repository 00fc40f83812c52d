// Wording of explanations in Vietnamese and English. Numbers are written from their exact decimal
// text (never through Intl), so an explanation is the same bytes on every machine.
import { Exact } from './exact';
import type { Fact } from './schemaTypes';
import { bi, text, type Bilingual } from './naming';

export { bi, type Bilingual };

/** "16,4" in Vietnamese, "16.4" in English; a repeating decimal is shown as "≈0,3333". */
export const num = (value: Exact | number, lang: 'vi' | 'en'): string => {
  let text = typeof value === 'number' ? String(value) : value.toString();
  if (typeof value !== 'number' && value.decimalPlaces() > 4) text = `≈${value.round(4).toString()}`;
  return lang === 'vi' ? text.replace('.', ',') : text;
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
