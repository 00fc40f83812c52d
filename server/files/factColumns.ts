// How a version's facts appear as spreadsheet columns: header text with the unit, what a cell may
// hold in words, and the header matching the importer uses. The template writes these headers and
// the importer recognises them, so both sides share this one file.
import { formatNumber, type Fact, type RuleSetVersion } from '../engine';

export const AGENCY_ID = { vi: 'Mã cơ quan', en: 'Agency id' };
export const AGENCY_NAME = { vi: 'Tên cơ quan', en: 'Agency' };
export const COHORT = { vi: 'Khối', en: 'Cohort' };

/** Columns people commonly add and the importer leaves alone (templates made before the cohort column was "Khối" said "Nhóm đánh giá"). */
const IGNORED_HEADERS = [
  'stt',
  'tt',
  'no',
  'no.',
  'ghi chú',
  'ghi chu',
  'note',
  'notes',
  'nhóm',
  'nhóm đánh giá',
  'cohort',
  COHORT.vi,
  COHORT.en,
];

export const BOOLEAN_OPTIONS = { yes: 'Có', no: 'Không' };

/** Facts the agencies fill in themselves: the template's columns. */
export const agencyFacts = (version: RuleSetVersion): Fact[] => version.facts.filter((f) => (f.enteredBy ?? 'agency') === 'agency');

export const isPercent = (fact: Fact): boolean => fact.unit?.vi.trim() === '%' || fact.unit?.en?.trim() === '%';

/** "Tỷ lệ hồ sơ trực tuyến (%)". */
export function factHeader(fact: Fact, lang: 'vi' | 'en' = 'vi'): string {
  const label = lang === 'en' ? (fact.label.en ?? fact.label.vi) : fact.label.vi;
  const unit = lang === 'en' ? (fact.unit?.en ?? fact.unit?.vi) : fact.unit?.vi;
  return unit ? `${label} (${unit})` : label;
}

/** Numbers the Vietnamese way: "82,5". */
export const viNumber = (n: number): string => formatNumber(n, 'vi');

/** What a cell of this fact may hold, in words, for the instructions sheet and cell notes. */
export function allowedValues(fact: Fact): { vi: string; en: string } {
  const range = (vi: string, en: string) => {
    const { minimum: lo, maximum: hi } = fact;
    if (lo !== undefined && hi !== undefined)
      return {
        vi: `${vi} từ ${viNumber(lo)} đến ${viNumber(hi)}`,
        en: `${en} from ${formatNumber(lo, 'en')} to ${formatNumber(hi, 'en')}`,
      };
    if (lo !== undefined) return { vi: `${vi} từ ${viNumber(lo)} trở lên`, en: `${en} of at least ${formatNumber(lo, 'en')}` };
    if (hi !== undefined) return { vi: `${vi} không quá ${viNumber(hi)}`, en: `${en} of at most ${formatNumber(hi, 'en')}` };
    return { vi, en };
  };
  switch (fact.type) {
    case 'number': {
      const r = range('Số', 'A number');
      return isPercent(fact) ? { vi: `${r.vi} (nhập 82,5 hoặc 82,5%)`, en: `${r.en} (enter 82.5 or 82.5%)` } : r;
    }
    case 'integer':
      return range('Số nguyên', 'A whole number');
    case 'boolean':
      return { vi: 'Có hoặc Không', en: 'Có (yes) or Không (no)' };
    case 'enum':
      return {
        vi: `Chọn một trong: ${fact.options!.map((o) => o.label.vi).join('; ')}`,
        en: `One of: ${fact.options!.map((o) => o.label.en ?? o.label.vi).join('; ')}`,
      };
    case 'date':
      return { vi: 'Ngày, dạng dd/mm/yyyy', en: 'A date, dd/mm/yyyy' };
    case 'text':
      return { vi: 'Văn bản', en: 'Text' };
  }
}

/** Header text compared loosely: case, spacing, Unicode normalisation and a trailing "*" do not matter. */
export const normalizeHeader = (text: string): string =>
  text
    .normalize('NFC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/\s*\*$/, '')
    .trim();

export type HeaderMeaning = { kind: 'agencyId' } | { kind: 'agencyName' } | { kind: 'ignored' } | { kind: 'fact'; fact: Fact };

/** Builds the matcher once per version: a header may be the fact id, its label, or its label with unit, vi or en. */
export function headerMatcher(version: RuleSetVersion): (header: string) => HeaderMeaning | undefined {
  const known = new Map<string, HeaderMeaning>();
  const add = (text: string | undefined, meaning: HeaderMeaning) => {
    if (text && !known.has(normalizeHeader(text))) known.set(normalizeHeader(text), meaning);
  };
  for (const text of [AGENCY_ID.vi, AGENCY_ID.en, 'agency', 'agencyId', 'id', 'mã đơn vị']) add(text, { kind: 'agencyId' });
  for (const text of [AGENCY_NAME.vi, AGENCY_NAME.en, 'name', 'tên đơn vị', 'cơ quan', 'đơn vị']) add(text, { kind: 'agencyName' });
  for (const fact of version.facts) {
    const meaning: HeaderMeaning = { kind: 'fact', fact };
    for (const text of [fact.id, factHeader(fact, 'vi'), factHeader(fact, 'en'), fact.label.vi, fact.label.en]) add(text, meaning);
  }
  for (const text of IGNORED_HEADERS) add(text, { kind: 'ignored' });
  return (header) => known.get(normalizeHeader(header));
}
