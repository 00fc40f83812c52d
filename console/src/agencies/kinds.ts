import type { Lt } from '../common/useLt';

/**
 * The kinds of agency the regulations name, in the words of their annexes. An agency record keeps
 * the code (cohort rules compare it); people read and pick the words. A kind not listed here is
 * still accepted and shown as written.
 */
export const AGENCY_KINDS: { value: string; label: Lt }[] = [
  { value: 'office', label: { vi: 'Văn phòng', en: 'Office' } },
  { value: 'department', label: { vi: 'Sở, ngành', en: 'Department' } },
  { value: 'board', label: { vi: 'Ban', en: 'Board' } },
  { value: 'inspectorate', label: { vi: 'Thanh tra', en: 'Inspectorate' } },
  { value: 'district', label: { vi: 'Huyện, thành phố', en: 'District' } },
  { value: 'province', label: { vi: 'Tỉnh, thành phố trực thuộc trung ương', en: 'Province' } },
];

export const kindLabel = (kind: string | null | undefined): Lt | string => AGENCY_KINDS.find((k) => k.value === kind)?.label ?? kind ?? '';
