// Each scoring method at its boundaries, with the explanation a person reads.
import { describe, expect, it } from 'vitest';
import { bool, criterion, dept, num, versionWith } from './support/version';
import { evaluateAll, node } from './support/evaluate';
import type { Node, Fact } from '../../server/engine';

async function pointsFor(c: Node, facts: Fact[], values: Record<string, number | boolean | string | null>) {
  const [e] = await evaluateAll(versionWith([c], facts), [{ agency: dept('a'), facts: values }]);
  return node(e, c.code);
}

describe('yes/no', () => {
  const c = criterion('1.1', 10, { method: 'yesNo', when: { fact: 'chairs', operator: 'equal', value: true } });
  it('gives full points when the condition holds, with the values read in the trace', async () => {
    const n = await pointsFor(c, [bool('chairs')], { chairs: true });
    expect(n.points).toBe(10);
    expect(n.trace?.conditions).toEqual([{ fact: 'chairs', operator: 'equal', value: true, factValue: true, holds: true }]);
    expect(n.explanation?.vi).toBe('Đạt yêu cầu → 10/10 điểm');
  });
  it('gives 0 otherwise, also when the fact is missing', async () => {
    expect((await pointsFor(c, [bool('chairs')], { chairs: false })).points).toBe(0);
    const missing = await pointsFor(c, [bool('chairs')], {});
    expect(missing.points).toBe(0);
    expect(missing.trace?.conditions[0]).toMatchObject({ factValue: null, holds: false });
  });
});

describe('partial credit by case', () => {
  const c = criterion('1.1', 10, {
    method: 'cases',
    cases: [
      {
        when: { fact: 'head', operator: 'equal', value: 'chairman' },
        fraction: 1,
        label: { vi: 'Chủ tịch làm trưởng ban', en: 'Chairman heads it' },
      },
      {
        when: { fact: 'head', operator: 'equal', value: 'deputy' },
        fraction: 0.5,
        label: { vi: 'Phó chủ tịch làm trưởng ban', en: 'Deputy heads it' },
      },
    ],
  });
  const facts: Fact[] = [
    {
      id: 'head',
      type: 'enum',
      label: { vi: 'Trưởng ban' },
      options: [
        { value: 'chairman', label: { vi: 'Chủ tịch' } },
        { value: 'deputy', label: { vi: 'Phó chủ tịch' } },
        { value: 'none', label: { vi: 'Không' } },
      ],
    },
  ];
  it('takes the first case that holds', async () => {
    expect((await pointsFor(c, facts, { head: 'chairman' })).points).toBe(10);
    const deputy = await pointsFor(c, facts, { head: 'deputy' });
    expect(deputy.points).toBe(5);
    expect(deputy.explanation?.vi).toBe('Trường hợp «Phó chủ tịch làm trưởng ban» → 5/10 điểm');
    expect(deputy.trace?.matched).toEqual([{ index: 1, label: { vi: 'Phó chủ tịch làm trưởng ban', en: 'Deputy heads it' } }]);
  });
  it('gives 0 when no case holds, and the trace still shows every condition', async () => {
    const none = await pointsFor(c, facts, { head: 'none' });
    expect(none.points).toBe(0);
    expect(none.trace?.conditions).toHaveLength(2);
  });
});

describe('additive parts', () => {
  const c = criterion('1.1', 10, {
    method: 'parts',
    parts: [
      {
        when: { fact: 'attends', operator: 'equal', value: true },
        fraction: 0.5,
        label: { vi: 'Dự đủ các phiên họp', en: 'Attends all sessions' },
      },
      {
        when: { fact: 'chairs', operator: 'equal', value: true },
        fraction: 0.5,
        label: { vi: 'Chủ trì họp cấp huyện', en: 'Chairs district meetings' },
      },
    ],
  });
  const facts = [bool('attends'), bool('chairs')];
  it('adds each part that holds', async () => {
    expect((await pointsFor(c, facts, { attends: true, chairs: false })).points).toBe(5);
    expect((await pointsFor(c, facts, { attends: true, chairs: true })).points).toBe(10);
    expect((await pointsFor(c, facts, { attends: false, chairs: false })).points).toBe(0);
  });
  it('caps the sum at the maximum', async () => {
    const over = criterion('1.1', 10, {
      method: 'parts',
      parts: [
        { when: { fact: 'attends', operator: 'equal', value: true }, points: 7, label: { vi: 'A' } },
        { when: { fact: 'chairs', operator: 'equal', value: true }, points: 7, label: { vi: 'B' } },
      ],
    });
    expect((await pointsFor(over, facts, { attends: true, chairs: true })).points).toBe(10);
  });
});

describe('proportional and gate + proportional', () => {
  const facts = [num('signed'), num('required')];
  const prop = criterion('1.1', 20, { method: 'proportional', numerator: 'signed', denominator: 'required' });
  it('scores a ÷ b × max exactly, without float drift', async () => {
    const n = await pointsFor(prop, facts, { signed: 41, required: 50 });
    expect(n.pointsExact).toBe('16.4');
    expect(n.explanation?.vi).toContain('41 ÷ 50 = 0,82');
    // 0.1 + 0.2 style drift: 3 ÷ 10 × 20 is 6, not 6.000000000000001
    expect((await pointsFor(prop, facts, { signed: 3, required: 10 })).pointsExact).toBe('6');
  });
  it('caps the ratio at 1 and handles a zero denominator as declared', async () => {
    expect((await pointsFor(prop, facts, { signed: 60, required: 50 })).points).toBe(20);
    expect((await pointsFor(prop, facts, { signed: 0, required: 0 })).points).toBe(0);
    const full = criterion('1.1', 20, { method: 'proportional', numerator: 'signed', denominator: 'required', onZeroDenominator: 'full' });
    expect((await pointsFor(full, facts, { signed: 0, required: 0 })).points).toBe(20);
  });
  const gated = criterion('1.1', 10, { method: 'gatedProportional', numerator: 'signed', denominator: 'required', gate: 0.8 });
  it('gives 0 below the gate and proportional points from the gate up', async () => {
    expect((await pointsFor(gated, facts, { signed: 79, required: 100 })).points).toBe(0);
    expect((await pointsFor(gated, facts, { signed: 80, required: 100 })).points).toBe(8);
    const below = await pointsFor(gated, facts, { signed: 79, required: 100 });
    expect(below.explanation?.vi).toContain('dưới ngưỡng 80%');
  });
});

describe('tiers [from, to)', () => {
  const c = criterion('1.1', 5, {
    method: 'tiers',
    value: { fact: 'rate' },
    tiers: [
      { from: 90, points: 5 },
      { from: 70, to: 90, points: 4 },
      { from: 50, to: 70, points: 2 },
    ],
  });
  const facts = [num('rate', { unit: { vi: '%', en: '%' }, label: { vi: 'Tỷ lệ hồ sơ trực tuyến', en: 'Online applications' } })];
  it.each([
    [89.99, 4],
    [90, 5],
    [70, 4],
    [69.99, 2],
    [50, 2],
    [49.99, 0],
  ])('rate %s → %s points', async (rate, points) => {
    expect((await pointsFor(c, facts, { rate })).points).toBe(points);
  });
  it('explains the band in the words of the regulation', async () => {
    const n = await pointsFor(c, facts, { rate: 82 });
    expect(n.explanation).toEqual({
      vi: 'Tỷ lệ hồ sơ trực tuyến 82% thuộc mức từ 70% đến dưới 90% → 4/5 điểm',
      en: 'Online applications 82% is in the band from 70% to under 90% → 4/5 points',
    });
  });
  it('reads a ratio of two facts as a percentage', async () => {
    const ratio = criterion('1.1', 5, {
      method: 'tiers',
      value: { numerator: 'online', denominator: 'total', percent: true },
      tiers: [
        { from: 90, points: 5 },
        { from: 70, to: 90, points: 4 },
      ],
    });
    expect((await pointsFor(ratio, [num('online'), num('total')], { online: 9, total: 10 })).points).toBe(5);
    expect((await pointsFor(ratio, [num('online'), num('total')], { online: 8, total: 10 })).points).toBe(4);
  });
});

describe('count with cap', () => {
  const c = criterion('1.1', 5, { method: 'countCap', fact: 'apps', unit: 1, cap: 5 });
  it.each([
    [0, 0],
    [3, 3],
    [5, 5],
    [9, 5],
  ])('%s applications → %s points', async (apps, points) => {
    expect((await pointsFor(c, [num('apps')], { apps })).points).toBe(points);
  });
});

describe('composite', () => {
  const c = criterion('1.1', 50, {
    method: 'composite',
    parts: [
      {
        label: { vi: 'Tỷ lệ đơn vị kết nối', en: 'Connected units' },
        max: 45,
        scoring: { method: 'proportional', numerator: 'connected', denominator: 'units' },
      },
      {
        label: { vi: 'Ứng dụng trên mạng WAN', en: 'Applications on the WAN' },
        max: 5,
        scoring: { method: 'countCap', fact: 'apps', unit: 1 },
      },
    ],
  });
  it('adds the sub-formulas, each within its own maximum', async () => {
    const n = await pointsFor(c, [num('connected'), num('units'), num('apps')], { connected: 9, units: 10, apps: 7 });
    expect(n.pointsExact).toBe('45.5');
    expect(n.trace?.parts).toHaveLength(2);
  });
});

describe('best of alternatives', () => {
  const c = criterion('1.1', 10, {
    method: 'bestOf',
    options: [
      {
        label: { vi: 'Đạt chuẩn Tier 3', en: 'Tier 3 data centre' },
        scoring: { method: 'yesNo', when: { fact: 'tier3', operator: 'equal', value: true } },
      },
      {
        label: { vi: 'Thuê dịch vụ', en: 'Hosted service' },
        scoring: {
          method: 'cases',
          cases: [{ when: { fact: 'hosted', operator: 'equal', value: true }, fraction: 0.6, label: { vi: 'Có thuê', en: 'Hosted' } }],
        },
      },
    ],
  });
  it('takes the alternative worth most', async () => {
    const facts = [bool('tier3'), bool('hosted')];
    const hosted = await pointsFor(c, facts, { tier3: false, hosted: true });
    expect(hosted.points).toBe(6);
    expect(hosted.explanation?.vi).toContain('«Thuê dịch vụ»');
    expect((await pointsFor(c, facts, { tier3: true, hosted: true })).points).toBe(10);
  });
});

describe('deduction', () => {
  const c = criterion('1.1', 0, { method: 'deduction', fact: 'late', perUnit: 0.25, floor: -2 });
  it.each([
    [0, 0],
    [1, -0.25],
    [3, -0.75],
    [8, -2],
    [20, -2],
  ])('%s late reports → %s', async (late, points) => {
    expect((await pointsFor(c, [num('late')], { late })).points).toBe(points);
  });
});

describe('not scored, not applicable, manual', () => {
  it('a not-scored item is collected with weight 0', async () => {
    const c = criterion('1.1', 0, { method: 'notScored', facts: ['smart'] });
    const n = await pointsFor(c, [num('smart')], { smart: 0.9 });
    expect(n).toMatchObject({ status: 'notScored', points: 0, max: 0 });
    expect(n.trace?.values).toEqual({ smart: 0.9 });
  });
  it('a not-applicable item keeps its number, scores nothing, says why, and leaves the maximum', async () => {
    const applies = criterion('1.1', 10, { method: 'yesNo', when: { fact: 'chairs', operator: 'equal', value: true } });
    const dropped = criterion('1.2', 5, {
      method: 'notApplicable',
      reason: { vi: 'Bãi bỏ theo Quyết định 1287', en: 'Repealed by Decision 1287' },
    });
    const [e] = await evaluateAll(versionWith([applies, dropped], [bool('chairs')]), [
      { agency: dept('a'), facts: { chairs: true, filler: true } },
    ]);
    expect(node(e, '1.2')).toMatchObject({ status: 'notApplicable', points: 0 });
    expect(node(e, '1.2').explanation?.vi).toBe('Không áp dụng: Bãi bỏ theo Quyết định 1287');
    // The index's maximum is 10 + 85 of the filler: the 5 points of 1.2 are in none; the cohort's
    // total is rescaled to its declared maximum (95 of 95 → 100 of 100).
    expect(node(e, '1')).toMatchObject({ points: 95, max: 95 });
    expect([e.total, e.max]).toEqual([100, 100]);
  });
  it('manual points are kept within [min, max]', async () => {
    const c = criterion('1.1', 10, { method: 'manual', fact: 'diem_tham_dinh', min: 0 });
    const facts = [num('diem_tham_dinh', { enteredBy: 'evaluator' })];
    expect((await pointsFor(c, facts, { diem_tham_dinh: 7.5 })).points).toBe(7.5);
    expect((await pointsFor(c, facts, { diem_tham_dinh: 12 })).points).toBe(10);
    expect((await pointsFor(c, facts, {})).explanation?.vi).toContain('Chưa có điểm thẩm định');
  });
});
