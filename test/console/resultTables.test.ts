// The console's result tables as files and in order (console/src/common/tableCsv.ts,
// console/src/rankings/cohortOrder.ts): a CSV that Excel on Vietnamese Windows opens with its
// diacritics, decimal commas and no live formula; rows cohort by cohort, by rank, then by name.
import { describe, expect, it } from 'vitest';
import { csvDateTime, fileSlug, tableCsv } from '../../console/src/common/tableCsv';
import { groupByCohort, inRankingOrder, type Placed } from '../../console/src/rankings/cohortOrder';

describe('tableCsv', () => {
  it('writes a BOM, semicolons, decimal commas without grouping, quoted and neutralized text', () => {
    const text = tableCsv({
      header: ['Cơ quan', 'Tổng điểm', 'Chênh lệch', 'Thứ hạng'],
      rows: [
        ['Sở Tư pháp', 86.24, -1.5, 6],
        ['=HYPERLINK("http://x","y")', 1234.5, null, undefined],
        ['Ban; Dân tộc', 0, 0, 1],
      ],
    });
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.slice(1).split('\r\n')).toEqual([
      'Cơ quan;Tổng điểm;Chênh lệch;Thứ hạng',
      'Sở Tư pháp;86,24;-1,5;6',
      `"'=HYPERLINK(""http://x"",""y"")";1234,5;;`,
      '"Ban; Dân tộc";0;0;1',
      '',
    ]);
  });

  it('names files in ASCII and writes times day first', () => {
    expect(fileSlug('Đánh giá Chỉ số chuyển đổi số năm 2021 — tỉnh Sơn La')).toBe('danh-gia-chi-so-chuyen-doi-so-nam-2021-tinh-son-la');
    expect(fileSlug('')).toBe('bang');
    const at = new Date(2026, 11, 1, 9, 5).toISOString();
    expect(csvDateTime(at)).toBe('01/12/2026 09:05');
  });
});

interface Row extends Placed {
  id: string;
}

const row = (id: string, cohort: string | null, rank: number | null, name: string): Row => ({ id, cohort, rank, name });

describe('ranking order', () => {
  const rows = [
    row('huyen-a', 'huyen', 2, 'UBND huyện Mai Sơn'),
    row('so-b', 'so-nganh', 10, 'Sở Xây dựng'),
    row('none', null, null, 'Ban Quản lý dự án'),
    row('so-a', 'so-nganh', 10, 'Sở Công Thương'),
    row('huyen-b', 'huyen', 1, 'UBND thành phố Sơn La'),
    row('so-c', 'so-nganh', 1, 'Sở Thông tin và Truyền thông'),
    row('so-d', 'so-nganh', null, 'Sở Đặc biệt'),
  ];

  it('sorts by the version’s cohort order, then rank (unranked last), then Vietnamese name', () => {
    expect(inRankingOrder(rows, ['so-nganh', 'huyen'], (r) => r).map((r) => r.id)).toEqual([
      'so-c',
      'so-a', // tie at 10: "Công" before "Xây"
      'so-b',
      'so-d',
      'huyen-b',
      'huyen-a',
      'none',
    ]);
  });

  it('groups the same order by cohort, each cohort once', () => {
    const groups = groupByCohort(rows, ['so-nganh', 'huyen'], (r) => r);
    expect(groups.map((g) => [g.cohort, g.rows.map((r) => r.rank)])).toEqual([
      ['so-nganh', [1, 10, 10, null]],
      ['huyen', [1, 2]],
      [null, [null]],
    ]);
  });

  it('compares Vietnamese names letter by letter (Đ after D)', () => {
    const names = ['Sở Đ', 'Sở E', 'Sở D'].map((n, i) => row(String(i), 'c', 1, n));
    expect(inRankingOrder(names, ['c'], (r) => r).map((r) => r.name)).toEqual(['Sở D', 'Sở Đ', 'Sở E']);
  });
});
