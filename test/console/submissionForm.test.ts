// What an agency's self-assessment form asks (console/src/submissions/factGroups.ts) and how it
// checks the answers before sending them (console/src/submissions/factValidators.ts).
import { describe, expect, it } from 'vitest';
import { factGroups } from '../../console/src/submissions/factGroups';
import { factValidators } from '../../console/src/submissions/factValidators';
import { i18nProvider } from '../../console/src/i18n/i18nProvider';
import type { Fact, RuleSetVersion } from '../../server/engine';
import minimal from '../fixtures/minimal-version.json';

const version = (): RuleSetVersion => structuredClone(minimal) as unknown as RuleSetVersion;
const ids = (groups: ReturnType<typeof factGroups>) => groups.map((g) => [g.code, g.facts.map((f) => f.id)]);

describe('factGroups: the form reads like the regulation', () => {
  it("groups the facts under the main index that uses them, in the version's order", () => {
    const groups = factGroups(version(), 'tinh');
    expect(ids(groups)).toEqual([
      ['1', ['co_ban_chi_dao', 'chu_tri', 'so_cuoc_hop']],
      ['2', ['ho_so_truc_tuyen', 'tong_ho_so', 'ty_le_hoan_thanh', 'so_bao_cao_tre', 'ngay_ban_hanh', 'ghi_chu']],
    ]);
    expect(groups[0].title).toEqual({ vi: 'Chỉ đạo, điều hành', en: 'Leadership' });
  });

  it('an agency is not asked for what the evaluator enters, nor for facts of another cohort', () => {
    const asked = factGroups(version(), 'tinh').flatMap((g) => g.facts.map((f) => f.id));
    expect(asked).not.toContain('diem_tham_dinh'); // enteredBy: evaluator
    expect(asked).not.toContain('so_dich_vu_cong'); // cohorts: [huyen]
    // a district is asked for its public services
    expect(factGroups(version(), 'huyen').flatMap((g) => g.facts.map((f) => f.id))).toContain('so_dich_vu_cong');
  });

  it("the evaluator's form includes the facts the evaluator enters", () => {
    const asked = factGroups(version(), 'tinh', true).flatMap((g) => g.facts.map((f) => f.id));
    expect(asked).toContain('diem_tham_dinh');
  });

  it('every asked fact appears exactly once, even when two indices read it', () => {
    const doc = version();
    // index 2 also reads so_cuoc_hop now
    doc.criteria[1].children!.push({
      code: '2.7',
      kind: 'criterion',
      title: { vi: 'Họp về dịch vụ công' },
      max: 1,
      scoring: { method: 'yesNo', when: { fact: 'so_cuoc_hop', operator: 'greaterThan', value: 0 } },
    } as any);
    const all = factGroups(doc, 'tinh').flatMap((g) => g.facts.map((f) => f.id));
    expect(all.filter((id) => id === 'so_cuoc_hop')).toHaveLength(1);
    expect(factGroups(doc, 'tinh')[0].facts.map((f) => f.id)).toContain('so_cuoc_hop');
    expect(new Set(all).size).toBe(all.length);
  });

  it('facts no criterion reads yet are still asked, in a last group without a code', () => {
    const doc = version();
    doc.facts.push({ id: 'so_can_bo', type: 'integer', label: { vi: 'Số cán bộ' } } as Fact);
    const groups = factGroups(doc, 'tinh');
    expect(groups.at(-1)).toMatchObject({ code: null, title: null });
    expect(groups.at(-1)!.facts.map((f) => f.id)).toEqual(['so_can_bo']);
  });

  it('facts read in an applicability condition count as used by that index', () => {
    const doc = version();
    doc.facts.push({ id: 'co_bo_phan_mot_cua', type: 'boolean', label: { vi: 'Có bộ phận một cửa' } } as Fact);
    doc.criteria[1].applicableWhen = { fact: 'co_bo_phan_mot_cua', operator: 'equal', value: true } as any;
    expect(factGroups(doc, 'tinh')[1].facts.map((f) => f.id)).toContain('co_bo_phan_mot_cua');
  });

  it("under a group node, the main indices are the group's children", () => {
    const doc = version();
    doc.criteria = [{ code: 'A', kind: 'group', title: { vi: 'Nhóm A' }, children: doc.criteria } as any];
    expect(factGroups(doc, 'tinh').map((g) => g.code)).toEqual(['1', '2']);
  });

  it('with no cohort known yet, every agency-entered fact is asked', () => {
    const all = factGroups(version(), null).flatMap((g) => g.facts.map((f) => f.id));
    expect(all).toContain('so_dich_vu_cong');
    expect(all).not.toContain('diem_tham_dinh');
  });
});

describe('factValidators: the form refuses what the server would refuse', () => {
  const fact = (f: Partial<Fact>): Fact => ({ id: 'x', type: 'integer', label: { vi: 'x' }, ...f }) as Fact;
  /** The Vietnamese messages a user sees for a value (none when valid). */
  const problems = (f: Fact, value: unknown): string[] =>
    factValidators(f)
      .map((validate) => validate(value, {}, {} as any))
      .filter((r) => r !== undefined && r !== null)
      .map((r: any) => (typeof r === 'string' ? i18nProvider.translate(r) : i18nProvider.translate(r.message, r.args)));

  const meetings = fact({ id: 'so_cuoc_hop', type: 'integer', minimum: 0 });

  it('a required fact must be filled in', () => {
    expect(problems(meetings, undefined)).toEqual(['Bắt buộc nhập']);
    expect(problems(meetings, '')).toEqual(['Bắt buộc nhập']);
    expect(problems(meetings, 0)).toEqual([]);
  });

  it('an optional fact may stay empty, but what is entered is still checked', () => {
    const late = fact({ id: 'so_bao_cao_tre', minimum: 0, required: false });
    expect(problems(late, undefined)).toEqual([]);
    expect(problems(late, '')).toEqual([]);
    expect(problems(late, -2)).toEqual(['Phải lớn hơn hoặc bằng 0']);
  });

  it('bounds: minimum and maximum are inclusive', () => {
    const rate = fact({ id: 'ty_le', type: 'number', minimum: 0, maximum: 100 });
    expect(problems(rate, 0)).toEqual([]);
    expect(problems(rate, 100)).toEqual([]);
    expect(problems(rate, 100.5)).toEqual(['Phải nhỏ hơn hoặc bằng 100']);
    expect(problems(rate, -0.1)).toEqual(['Phải lớn hơn hoặc bằng 0']);
  });

  it('an integer fact refuses decimals; a number fact accepts them', () => {
    expect(problems(meetings, 2.5)).toEqual(['Phải là số nguyên']);
    expect(problems(meetings, '3')).toEqual([]);
    expect(problems(fact({ type: 'number' }), 2.5)).toEqual([]);
  });
});
