import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { diffVersions } from '../../server/engine/diff';
import type { RuleSetVersion } from '../../server/engine/schemaTypes';

const base: RuleSetVersion = JSON.parse(readFileSync(new URL('../fixtures/minimal-version.json', import.meta.url), 'utf8'));

function amended(change: (v: any) => void): RuleSetVersion {
  const v = structuredClone(base) as any;
  change(v);
  return v;
}

describe('diffVersions', () => {
  it('finds no change between a version and itself', () => {
    expect(diffVersions(base, structuredClone(base))).toEqual([]);
  });

  it('says a criterion maximum changed in plain words', () => {
    const changes = diffVersions(
      base,
      amended((v) => {
        v.criteria[0].children[2].max = 8;
        v.criteria[0].max = 28;
      }),
    );
    expect(changes).toEqual([
      {
        code: '1',
        kind: 'maxChanged',
        path: '/criteria/0/max',
        before: 30,
        after: 28,
        message: { vi: 'Chỉ số 1: điểm tối đa 30 → 28', en: 'Index 1: maximum 30 → 28' },
      },
      {
        code: '1.3',
        kind: 'maxChanged',
        path: '/criteria/0/children/2/max',
        before: 10,
        after: 8,
        message: { vi: 'Tiêu chí 1.3: điểm tối đa 10 → 8', en: 'Criterion 1.3: maximum 10 → 8' },
      },
    ]);
  });

  it('says a band threshold moved', () => {
    const changes = diffVersions(
      base,
      amended((v) => (v.bands.levels[0].min = 45)),
    );
    expect(changes.map((c) => [c.kind, c.code, c.message.vi, c.message.en])).toEqual([
      ['bandsChanged', 'tot', 'Ngưỡng xếp loại Tốt: 50 → 45', 'Threshold of band Good: 50 → 45'],
    ]);
  });

  it('reports cohort bands, maxima and membership', () => {
    const changes = diffVersions(
      base,
      amended((v) => {
        v.cohorts[1].bands.levels[1].min = 65.5;
        v.cohorts[1].maxScore = 700;
        v.cohorts[1].membership.value = 'huyen';
      }),
    );
    expect(changes.map((c) => [c.kind, c.code, c.path])).toEqual([
      ['cohortMaxChanged', 'huyen', '/cohorts/1/maxScore'],
      ['cohortMembershipChanged', 'huyen', '/cohorts/1/membership'],
      ['bandsChanged', 'kha', '/cohorts/1/bands/levels/1/min'],
    ]);
    expect(changes[2].message.vi).toBe('Khối UBND cấp huyện: Ngưỡng xếp loại Khá: 70 → 65,5');
    expect(changes[1].message.en).toBe('Cohort Districts: membership agency.kind = district → agency.kind = huyen');
  });

  it('describes method, condition, points and tier changes', () => {
    const changes = diffVersions(
      base,
      amended((v) => {
        v.criteria[0].children[0].scoring.when = { fact: 'chu_tri', operator: 'in', value: ['chu_tich', 'pho_chu_tich'] };
        v.criteria[0].children[1].scoring.cases[1].points = 4;
        v.criteria[0].children[2].scoring.tiers[1].from = 3;
        v.criteria[1].children[0].scoring = { method: 'yesNo', when: { fact: 'tong_ho_so', operator: 'greaterThan', value: 0 } };
      }),
    );
    expect(changes.map((c) => [c.kind, c.code, c.message.vi])).toEqual([
      ['conditionChanged', '1.1', 'Tiêu chí 1.1: điều kiện co_ban_chi_dao = true → chu_tri ∈ [chu_tich, pho_chu_tich]'],
      ['pointsChanged', '1.2', 'Tiêu chí 1.2: trường hợp 2: 5 điểm → 4 điểm'],
      [
        'thresholdsChanged',
        '1.3',
        'Tiêu chí 1.3: các mức ≥ 4: 10 điểm; [2, 4): 5 điểm; [0, 2): 0 điểm → ≥ 4: 10 điểm; [3, 4): 5 điểm; [0, 2): 0 điểm',
      ],
      ['methodChanged', '2.1', 'Tiêu chí 2.1: phương pháp chấm Theo tỷ lệ → Có / không'],
    ]);
  });

  it('lists removed criteria first, then those of the new version in its order', () => {
    const changes = diffVersions(
      base,
      amended((v) => {
        v.criteria[0].children.splice(0, 1);
        v.criteria[0].children.unshift({
          code: '1.0',
          kind: 'criterion',
          title: { vi: 'Kế hoạch', en: 'Plan' },
          max: 10,
          scoring: { method: 'yesNo', when: { fact: 'co_ban_chi_dao', operator: 'equal', value: true } },
        });
        v.criteria[1].children.push({ code: '2.7', kind: 'criterion', title: { vi: 'Mới' }, max: 0, scoring: { method: 'notScored' } });
        v.criteria[1].children.splice(3, 1);
      }),
    );
    expect(changes.map((c) => [c.kind, c.code, c.path])).toEqual([
      ['removed', '1.1', '/criteria/0/children/0'],
      ['removed', '2.4', '/criteria/1/children/3'],
      ['added', '1.0', '/criteria/0/children/0'],
      ['added', '2.7', '/criteria/1/children/5'],
    ]);
    expect(changes[2].message).toEqual({
      vi: 'Thêm tiêu chí 1.0 "Kế hoạch", tối đa 10 điểm',
      en: 'Added criterion 1.0 "Plan", maximum 10',
    });
    expect(changes[1].message.vi).toBe('Bỏ tiêu chí 2.4 "Dịch vụ công của huyện"');
  });

  it('reports moved criteria, cohorts of a criterion and provisional status', () => {
    const changes = diffVersions(
      base,
      amended((v) => {
        const [moved] = v.criteria[0].children.splice(2, 1);
        v.criteria[1].children.push(moved);
        v.criteria[0].children[1].provisional = false;
        v.criteria[1].children[3].cohorts = ['huyen', 'tinh'];
      }),
    );
    expect(changes.map((c) => [c.kind, c.code])).toEqual([
      ['provisionalChanged', '1.2'],
      ['cohortsChanged', '2.4'],
      ['moved', '1.3'],
    ]);
    expect(changes[2].message.vi).toBe('Tiêu chí 1.3: chuyển từ 1 sang 2');
    expect(changes[1].message.vi).toBe('Tiêu chí 2.4: áp dụng cho khối UBND cấp huyện → UBND cấp huyện, Cơ quan cấp tỉnh');
  });

  it('reports facts added, removed and changed', () => {
    const changes = diffVersions(
      base,
      amended((v) => {
        v.facts[5].maximum = 1000;
        v.facts.splice(9, 1);
        v.facts.push({ id: 'so_can_bo', type: 'integer', label: { vi: 'Số cán bộ', en: 'Staff' } });
      }),
    );
    expect(changes.map((c) => [c.kind, c.code, c.message.vi])).toEqual([
      ['factChanged', 'ty_le_hoan_thanh', 'Chỉ tiêu "Tỷ lệ hoàn thành kế hoạch" (ty_le_hoan_thanh): giới hạn [0, 100] → [0, 1.000]'],
      ['factAdded', 'so_can_bo', 'Thêm chỉ tiêu "Số cán bộ" (so_can_bo), kiểu số nguyên'],
      ['factRemoved', 'ghi_chu', 'Bỏ chỉ tiêu "Ghi chú" (ghi_chu)'],
    ]);
  });

  it('is deterministic', () => {
    const b = amended((v) => {
      v.numeric.rounding = 'halfEven';
      v.criteria[1].children[4].scoring.perUnit = 0.5;
    });
    expect(JSON.stringify(diffVersions(base, b))).toBe(JSON.stringify(diffVersions(base, b)));
    expect(diffVersions(base, b).map((c) => c.message.vi)).toEqual([
      'Quy tắc số: cách làm tròn halfUp → halfEven',
      'Tiêu chí 2.5: mức trừ −0,25 × n, ≥ -2 → −0,5 × n, ≥ -2',
    ]);
  });
});

describe('diffVersions across renumbering', () => {
  const read = (file: string): RuleSetVersion => JSON.parse(readFileSync(new URL(`../../rules/${file}`, import.meta.url), 'utf8'));

  it('reads a removal plus renumbering as exactly that, for documents without ids', () => {
    // 2.2 removed; 2.3 … 2.6 move up to 2.2 … 2.5.
    const changes = diffVersions(
      base,
      amended((v) => {
        v.criteria[1].children.splice(1, 1);
        v.criteria[1].children.forEach((c: { code: string }, i: number) => (c.code = `2.${i + 1}`));
      }),
    );
    expect(changes.map((c) => c.message.vi)).toEqual([
      'Bỏ tiêu chí 2.2 "Hoàn thành kế hoạch"',
      'Tiêu chí 2.3 được đánh số lại thành 2.2',
      'Tiêu chí 2.4 được đánh số lại thành 2.3',
      'Tiêu chí 2.5 được đánh số lại thành 2.4',
      'Tiêu chí 2.6 được đánh số lại thành 2.5',
    ]);
  });

  it('DTI 2022 → 2025: smart city removed, indices 7–9 renumbered 6–8 (linked by `continues`)', () => {
    const changes = diffVersions(read('dti/2022.json'), read('dti/2025.json'));
    const vi = changes.map((c) => c.message.vi);
    expect(vi).toContain('Bỏ chỉ số 6 "Đô thị thông minh"');
    for (const [from, to] of [
      ['7', '6'],
      ['8', '7'],
      ['9', '8'],
    ])
      expect(vi).toContain(`Chỉ số ${from} được đánh số lại thành ${to}`);
    // Nothing says an index was renamed into another one.
    expect(vi.filter((m) => /^Chỉ số \d+: tên /.test(m))).toEqual([]);
    expect(vi.filter((m) => /^Thêm chỉ số/.test(m))).toEqual([]);
  });

  it('Son La 2245 → 1287: the same items keep their ids, so renumbered items read as renumbered', () => {
    const vi = diffVersions(read('son-la/2021.json'), read('son-la/2024.json')).map((c) => c.message.vi);
    expect(vi.some((m) => / được đánh số lại thành /.test(m))).toBe(true);
    expect(vi.filter((m) => /^Chỉ số \d+: tên /.test(m))).toEqual([]);
  });
});
