// How findings and change lists name the things of a rule set, in Vietnamese and English.
import type { LocalizedText, Node } from './schemaTypes';

export type Bilingual = Required<LocalizedText>;
export const bi = (vi: string, en: string): Bilingual => ({ vi, en });

export const KINDS: Record<Node['kind'], Bilingual> = {
  group: bi('Nhóm', 'Group'),
  index: bi('Chỉ số', 'Index'),
  component: bi('Chỉ số thành phần', 'Component'),
  criterion: bi('Tiêu chí', 'Criterion'),
};

/** "Tiêu chí 2.1.3" / "Criterion 2.1.3". */
export const nodeName = (node: Pick<Node, 'kind' | 'code'>): Bilingual =>
  bi(`${KINDS[node.kind].vi} ${node.code}`, `${KINDS[node.kind].en} ${node.code}`);

/** A label in one language, English falling back to Vietnamese. */
export const text = (t: LocalizedText | undefined, lang: 'vi' | 'en', fallback = ''): string =>
  (lang === 'en' ? (t?.en ?? t?.vi) : t?.vi) ?? fallback;

/** Prefixes a message with the thing it is about: "Tiêu chí 1.1: …". */
export const about = (subject: Bilingual, message: Bilingual): Bilingual =>
  bi(`${subject.vi}: ${message.vi}`, `${subject.en}: ${message.en}`);

/** The fields of a result, an evaluation record and a ranking, in words: where a test case or a replay finds a difference. */
export const RESULT_FIELDS: Record<string, Bilingual> = {
  total: bi('tổng điểm', 'total'),
  totalExact: bi('tổng điểm (chính xác)', 'exact total'),
  max: bi('điểm tối đa', 'maximum'),
  percentage: bi('tỷ lệ điểm', 'percentage'),
  band: bi('xếp loại', 'band'),
  cohort: bi('khối', 'cohort'),
  average: bi('điểm trung bình chung', 'overall average'),
  points: bi('điểm', 'points'),
  status: bi('trạng thái', 'status'),
  rank: bi('thứ hạng', 'rank'),
  results: bi('kết quả', 'results'),
  trace: bi('diễn giải', 'trace'),
  zeroed: bi('chấm 0 điểm', 'scored 0'),
  hashes: bi('mã băm', 'hashes'),
  rescaledFrom: bi('quy đổi từ thang điểm', 'rescaled from'),
  agencyName: bi('tên cơ quan', 'agency name'),
};
