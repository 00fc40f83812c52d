// One rule-set version that uses every field of the format at least once (every method, condition
// form, cohort option, band, result field, tie-breaker and test case), and submissions that reach
// every branch of it: the ground for the no-silent-fields test.
import type { Fact, FactValues, Node, RuleSetVersion, SubmissionInput } from '../../../server/engine/schemaTypes';

const t = (vi: string, en: string) => ({ vi, en });
const num = (id: string, extra: Partial<Fact> = {}): Fact => ({
  id,
  type: 'number',
  label: t(`Chỉ tiêu ${id}`, `Figure ${id}`),
  minimum: 0,
  ...extra,
});
const crit = (code: string, max: number, scoring: Node['scoring'], extra: Partial<Node> = {}): Node => ({
  code,
  kind: 'criterion',
  title: t(`Tiêu chí ${code}`, `Criterion ${code}`),
  max,
  scoring,
  ...extra,
});

export function everyField(): RuleSetVersion {
  // `$schema` (the editor's hint) is not in the generated type.
  return { $schema: '../../schemas/ruleset.schema.json', ...version() } as RuleSetVersion;
}

function version(): RuleSetVersion {
  return {
    schemaVersion: 1,
    ruleSet: 'moi-truong',
    ruleSetTitle: t('Bộ chỉ số mọi trường', 'Every-field index'),
    version: '2024',
    title: t('Bộ chỉ số mọi trường năm 2024', 'Every-field index 2024'),
    legalBasis: {
      decision: '99/QĐ-UBND',
      date: '2024-01-15',
      issuer: 'Ủy ban nhân dân tỉnh',
      title: t('Ban hành Bộ chỉ số mọi trường', 'Issuing the every-field index'),
      url: 'https://example.gov.vn/99-qd-ubnd',
    },
    effective: { from: '2024-01-01', to: '2024-12-31' },
    changeNote: t('Bản đầu tiên', 'First version'),
    numeric: { arithmetic: 'decimal', places: 2, rounding: 'halfUp', roundCriteria: false, classifyOn: 'exact', floorAtZero: true },
    agencyAttributes: [
      { id: 'co_dich_vu_cong', type: 'boolean', label: t('Có dịch vụ công', 'Has public services') },
      {
        id: 'hang',
        type: 'enum',
        label: t('Hạng đơn vị', 'Grade'),
        options: [
          { value: 'I', label: t('Hạng I', 'Grade I') },
          { value: 'II', label: t('Hạng II', 'Grade II') },
        ],
      },
    ],
    facts: [
      {
        id: 'co_ke_hoach',
        type: 'boolean',
        label: t('Có kế hoạch', 'Has a plan'),
        help: t('Kế hoạch năm', 'The yearly plan'),
        evidence: 'required',
        source: t('Văn phòng', 'The office'),
      },
      {
        id: 'chu_tri',
        type: 'enum',
        label: t('Người chủ trì', 'Chaired by'),
        options: [
          { value: 'chu_tich', label: t('Chủ tịch', 'Chairman') },
          { value: 'pho', label: t('Phó Chủ tịch', 'Deputy') },
          { value: 'khong', label: t('Không', 'None') },
        ],
      },
      num('da_xu_ly', { atMostFact: 'tiep_nhan', unit: t('hồ sơ', 'files') }),
      num('tiep_nhan', { unit: t('hồ sơ', 'files') }),
      num('ty_le', { maximum: 100, unit: t('%', '%') }),
      { ...num('so_ung_dung'), type: 'integer' },
      num('bang_thong'),
      { ...num('bao_cao_tre'), type: 'integer', required: false },
      num('diem_tham_dinh', { maximum: 5, enteredBy: 'evaluator' }),
      { id: 'ngay_ban_hanh', type: 'date', label: t('Ngày ban hành kế hoạch', 'Plan issued on') },
      { id: 'ghi_chu', type: 'text', label: t('Ghi chú', 'Note'), required: false, evidence: 'none' },
      num('so_xa', { cohorts: ['huyen'] }),
    ],
    cohorts: [
      {
        id: 'tinh',
        name: t('Cơ quan cấp tỉnh', 'Provincial agencies'),
        membership: {
          any: [
            { fact: 'agency', path: '$.kind', operator: 'equal', value: 'department' },
            { fact: 'agency', path: '$.kind', operator: 'equal', value: 'office' },
          ],
        },
        maxScore: 100,
        ranked: true,
        notApplicable: 'rescale',
      },
      {
        id: 'huyen',
        name: t('UBND cấp huyện', 'Districts'),
        membership: { all: [{ fact: 'agency', path: '$.kind', operator: 'equal', value: 'district' }] },
        maxScore: 110,
        ranked: true,
        bands: {
          basis: 'percentage',
          levels: [
            { id: 'tot', label: t('Tốt', 'Good'), min: 80, color: '#2e7d32' },
            { id: 'yeu', label: t('Yếu', 'Weak'), min: 0, color: '#c62828' },
          ],
        },
      },
    ],
    bands: {
      basis: 'points',
      levels: [
        { id: 'tot', label: t('Tốt', 'Good'), min: 85, color: '#2e7d32' },
        { id: 'kha', label: t('Khá', 'Fair'), min: 70, color: '#1565c0' },
        { id: 'trung_binh', label: t('Trung bình', 'Average'), min: 50, color: '#f9a825' },
        { id: 'yeu', label: t('Yếu', 'Weak'), min: 0, color: '#c62828' },
      ],
    },
    ranking: {
      by: 'total',
      order: 'descending',
      ties: 'shareAndSkip',
      tieBreakers: [{ node: '1', order: 'descending' }],
      average: 'meanOfCohortMeans',
    },
    resultFields: [{ id: 'chi_so', label: t('Chỉ số', 'Index'), source: 'total', multiplier: 0.01, places: 3, rounding: 'halfUp' }],
    criteria: [
      {
        code: '1',
        id: 'chi-dao',
        kind: 'index',
        title: t('Chỉ đạo, điều hành', 'Leadership'),
        description: t('Các tiêu chí về chỉ đạo', 'Leadership criteria'),
        max: 40,
        maxByCohort: { huyen: 45 },
        legalRef: 'Điều 4 khoản 1',
        provisional: true,
        source: 'Mẫu để kiểm tra',
        children: [
          crit(
            '1.1',
            10,
            {
              method: 'yesNo',
              when: { all: [{ fact: 'co_ke_hoach', operator: 'equal', value: true, name: 'co-ke-hoach' }], name: 'ke-hoach' },
            },
            {
              id: 'ke-hoach',
              legalRef: 'Điều 4 khoản 1 điểm a',
              evidence: t('Kế hoạch đã ký', 'The signed plan'),
              maxByCohort: { huyen: 15 },
            },
          ),
          crit('1.2', 10, {
            method: 'cases',
            cases: [
              {
                when: { fact: 'chu_tri', operator: 'equal', value: 'chu_tich' },
                fraction: 1,
                label: t('Chủ tịch chủ trì', 'Chairman chairs'),
              },
              { when: { fact: 'chu_tri', operator: 'equal', value: 'pho' }, points: 5, label: t('Phó Chủ tịch chủ trì', 'Deputy chairs') },
            ],
          }),
          crit('1.3', 10, {
            method: 'parts',
            parts: [
              {
                when: { any: [{ fact: 'co_ke_hoach', operator: 'equal', value: true }], name: 'mot' },
                fraction: 0.5,
                label: t('Có kế hoạch', 'Has a plan'),
              },
              {
                when: { not: { fact: 'chu_tri', operator: 'equal', value: 'khong' }, name: 'hai' },
                points: 5,
                label: t('Có người chủ trì', 'Someone chairs'),
              },
            ],
          }),
          crit('1.4', 10, {
            method: 'yesNo',
            when: { fact: 'ngay_ban_hanh', operator: 'dateOnOrBefore', value: { periodDate: '03-31', yearOffset: 0 } },
          }),
        ],
      },
      {
        code: '2',
        id: 'xu-ly',
        kind: 'index',
        title: t('Giải quyết hồ sơ', 'Processing files'),
        max: 45,
        maxByCohort: { huyen: 50 },
        children: [
          crit('2.1', 10, { method: 'proportional', numerator: 'da_xu_ly', denominator: 'tiep_nhan', onZeroDenominator: 'zero' }),
          crit('2.2', 10, { method: 'gatedProportional', numerator: 'ty_le', denominator: 100, gate: 0.5, onZeroDenominator: 'zero' }),
          crit('2.3', 10, {
            method: 'tiers',
            value: { numerator: 'da_xu_ly', denominator: 'tiep_nhan', percent: true, onZeroDenominator: 'zero' },
            tiers: [
              { from: 90, points: 10, label: t('Từ 90%', 'From 90%') },
              { from: 50, to: 90, fraction: 0.5, label: t('Từ 50% đến dưới 90%', '50% to under 90%') },
            ],
          }),
          crit(
            '2.4',
            5,
            { method: 'countCap', fact: 'so_ung_dung', unit: 1, cap: 4 },
            {
              applicableWhen: { fact: 'agency', path: '$.co_dich_vu_cong', operator: 'equal', value: true },
            },
          ),
          crit('2.5', 10, { method: 'relativeToBest', value: { fact: 'bang_thong' }, onZeroDenominator: 'zero' }),
          crit('2.6', 5, { method: 'tiers', value: { fact: 'so_xa' }, tiers: [{ from: 1, points: 5 }] }, { cohorts: ['huyen'] }),
        ],
      },
      {
        code: '3',
        id: 'khac',
        kind: 'group',
        title: t('Nội dung khác', 'Other'),
        max: 15,
        capped: true,
        children: [
          crit('3.1', 10, {
            method: 'composite',
            parts: [
              {
                label: t('Kế hoạch', 'Plan'),
                max: 6,
                scoring: { method: 'yesNo', when: { fact: 'co_ke_hoach', operator: 'equal', value: true } },
              },
              { label: t('Ứng dụng', 'Applications'), max: 4, scoring: { method: 'countCap', fact: 'so_ung_dung', unit: 2 } },
            ],
          }),
          crit('3.2', 5, {
            method: 'bestOf',
            options: [
              { label: t('Theo tỷ lệ', 'By rate'), scoring: { method: 'proportional', numerator: 'ty_le', denominator: 100 } },
              { label: t('Theo ứng dụng', 'By applications'), scoring: { method: 'countCap', fact: 'so_ung_dung', unit: 1 } },
            ],
          }),
          crit('3.3', 2, { method: 'deduction', fact: 'bao_cao_tre', perUnit: 0.5, start: 2, floor: 0 }),
          crit('3.4', 0, { method: 'deduction', fact: 'bao_cao_tre', perUnit: 0.25, floor: -1 }),
          crit('3.5', 5, { method: 'manual', fact: 'diem_tham_dinh', min: 0 }),
          crit('3.6', 0, { method: 'notScored', facts: ['ghi_chu'] }),
          crit('3.7', 0, { method: 'notApplicable', reason: t('Bỏ từ năm 2024', 'Dropped from 2024') }),
          crit(
            '3.8',
            5,
            { method: 'yesNo', when: { fact: 'co_ke_hoach', operator: 'equal', value: { fact: 'agency', path: '$.co_dich_vu_cong' } } },
            {
              applicableWhen: { fact: 'agency', path: '$.co_dich_vu_cong', operator: 'equal', value: true },
            },
          ),
        ],
      },
    ],
    tests: [
      {
        name: 'Sở A đủ điểm chỉ đạo',
        description: 'Ca kiểm thử mẫu',
        year: 2024,
        agency: { id: 'so-a', name: 'Sở A', kind: 'department', co_dich_vu_cong: true },
        facts: facts(0),
        peers: [{ agency: { id: 'so-b', name: 'Sở B', kind: 'department', co_dich_vu_cong: false }, facts: facts(1) }],
        expect: {
          cohort: 'tinh',
          total: 88,
          max: 100,
          percentage: 88,
          band: 'tot',
          points: { '1.1': 10 },
          results: { chi_so: 0.88 },
          average: 70.32,
          cohortAverages: { tinh: 70.32 },
        },
      },
    ],
  };
}

/** Facts of the i-th sample agency: values spread so that every branch is reached by someone. */
function facts(i: number): FactValues {
  const received = [40, 0, 100, 20, 10, 50][i % 6];
  return {
    co_ke_hoach: i % 3 !== 2,
    chu_tri: ['chu_tich', 'pho', 'khong'][i % 3],
    da_xu_ly: Math.min(received, [38, 0, 60, 20, 4, 50][i % 6]),
    tiep_nhan: received,
    ty_le: [95, 40, 70, 55, 100, 49][i % 6],
    so_ung_dung: [0, 2, 5, 7, 1, 3][i % 6],
    bang_thong: [20, 50, 10, 0, 35, 50][i % 6],
    bao_cao_tre: [0, 1, 3, 6, 0, 2][i % 6],
    diem_tham_dinh: [5, 2.5, 0, 4, 3, 1][i % 6],
    ngay_ban_hanh: ['2024-03-31', '2024-04-01', '2023-12-20', '2025-01-10', '2024-02-01', '2024-03-15'][i % 6],
    ghi_chu: `Ghi chú ${i}`,
    so_xa: [0, 3, 1, 0, 2, 5][i % 6],
  };
}

const AGENCIES = [
  { id: 'so-a', name: 'Sở A', kind: 'department', co_dich_vu_cong: true, hang: 'I' },
  { id: 'so-b', name: 'Sở B', kind: 'department', co_dich_vu_cong: false, hang: 'II' },
  { id: 'van-phong', name: 'Văn phòng', kind: 'office', co_dich_vu_cong: true, hang: 'I' },
  { id: 'so-c', name: 'Sở C', kind: 'department', co_dich_vu_cong: true, hang: 'II' },
  { id: 'huyen-a', name: 'UBND huyện A', kind: 'district', co_dich_vu_cong: true, hang: 'I' },
  { id: 'huyen-b', name: 'UBND huyện B', kind: 'district', co_dich_vu_cong: false, hang: 'II' },
  { id: 'huyen-c', name: 'UBND huyện C', kind: 'district', co_dich_vu_cong: true, hang: 'I' },
  { id: 'xa-a', name: 'UBND xã A', kind: 'commune', co_dich_vu_cong: true, hang: 'I' },
];

/** Eight agencies (four provincial, three districts, one in no cohort), two of them tied. */
export function everyFieldSubmissions(): SubmissionInput[] {
  const out = AGENCIES.map((agency, i) => ({ agency, facts: facts(i) }) as SubmissionInput);
  // so-c ties with so-a on the total but not on index 1 (a tie-breaker case).
  out[3] = { agency: AGENCIES[3], facts: { ...facts(0), chu_tri: 'pho', so_ung_dung: 5, bang_thong: 25 } };
  // so-d: two thirds of its files and of the best bandwidth (rounding), and late reports enough to
  // take its "other" group below zero (the floor at zero).
  out.push({
    agency: { id: 'so-d', name: 'Sở D', kind: 'department', co_dich_vu_cong: false, hang: 'II' },
    facts: {
      ...facts(2),
      co_ke_hoach: false,
      chu_tri: 'khong',
      da_xu_ly: 20,
      tiep_nhan: 30,
      ty_le: 0,
      so_ung_dung: 0,
      bang_thong: 16,
      bao_cao_tre: 20,
      diem_tham_dinh: 0,
    },
  });
  return out;
}
