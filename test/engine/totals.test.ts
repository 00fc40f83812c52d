// Roll-up, rounding, bands, not-applicable rescaling and cohort-wide scoring.
import { describe, expect, it } from 'vitest';
import { bool, criterion, dept, DISTRICTS, num, PROVINCIAL, versionWith } from './support/version';
import { evaluateAll, node } from './support/evaluate';
import type { RuleSetVersion } from '../../server/engine';

/** One proportional criterion worth 100: the total equals `given` exactly. */
const scale = (extra: Partial<RuleSetVersion> = {}) =>
  versionWith([criterion('1.1', 100, { method: 'proportional', numerator: 'x', denominator: 1000 })], [num('x')], extra);
const total = async (version: RuleSetVersion, x: number) => (await evaluateAll(version, [{ agency: dept('a'), facts: { x } }]))[0];

describe('bands on the total', () => {
  it.each([
    [850, 'tot'],
    [849.9, 'kha'],
    [700, 'kha'],
    [699.9, 'trung-binh'],
    [500, 'trung-binh'],
    [499.9, 'yeu'],
    [0, 'yeu'],
  ])('x=%s → %s (Tốt ≥ 85, Khá 70–<85, Trung bình 50–<70, Yếu < 50)', async (x, band) => {
    expect((await total(scale(), x)).band?.id).toBe(band);
  });

  it('classifies on the exact total unless the version says otherwise', async () => {
    // 84.995 rounds half-up to 85.00 but is below 85.
    const exact = await total(scale(), 849.95);
    expect(exact.total).toBe(85);
    expect(exact.totalExact).toBe('84.995');
    expect(exact.band?.id).toBe('kha');
    const rounded = await total(
      scale({ numeric: { arithmetic: 'decimal', places: 2, rounding: 'halfUp', classifyOn: 'rounded' } }),
      849.95,
    );
    expect(rounded.band?.id).toBe('tot');
  });

  it('rounds half-up at .xx5 where the policy says so, and half-even where it says that', async () => {
    expect((await total(scale(), 123.45)).total).toBe(12.35);
    expect((await total(scale({ numeric: { arithmetic: 'decimal', places: 2, rounding: 'halfEven' } }), 123.45)).total).toBe(12.34);
    expect((await total(scale({ numeric: { arithmetic: 'decimal', places: 1, rounding: 'down' } }), 123.45)).total).toBe(12.3);
  });

  it('uses a cohort’s own bands where they differ, and percentage bands on another scale', async () => {
    const v = scale();
    v.cohorts = [
      {
        ...PROVINCIAL,
        bands: {
          basis: 'percentage',
          levels: [
            { id: 'dat', label: { vi: 'Đạt' }, min: 60 },
            { id: 'khong-dat', label: { vi: 'Không đạt' }, min: 0 },
          ],
        },
      },
    ];
    expect((await total(v, 600)).band?.id).toBe('dat');
    expect((await total(v, 599)).band?.id).toBe('khong-dat');
  });
});

describe('decimal arithmetic', () => {
  it('adds 0.1-point items without binary drift', async () => {
    const items = Array.from({ length: 10 }, (_, i) =>
      criterion(`1.${i + 1}`, 0.1, { method: 'yesNo', when: { fact: 'ok', operator: 'equal', value: true } }),
    );
    const [e] = await evaluateAll(versionWith(items, [bool('ok')]), [{ agency: dept('a'), facts: { ok: true, filler: false } }]);
    expect(e.totalExact).toBe('1');
    expect(node(e, '1').pointsExact).toBe('1');
  });
  it('keeps repeating decimals exact until the published rounding', async () => {
    const v = versionWith([criterion('1.1', 10, { method: 'proportional', numerator: 'a', denominator: 'b' })], [num('a'), num('b')]);
    const [e] = await evaluateAll(v, [{ agency: dept('a'), facts: { a: 1, b: 3, filler: false } }]);
    expect(e.total).toBe(3.33);
    expect(e.totalExact.startsWith('3.3333333333')).toBe(true);
  });
  it('rounds each criterion first when the policy says roundCriteria', async () => {
    const items = [1, 2, 3].map((i) => criterion(`1.${i}`, 10, { method: 'proportional', numerator: `a${i}`, denominator: 3 }));
    const facts = [num('a1'), num('a2'), num('a3')];
    const values = { a1: 1, a2: 1, a3: 1, filler: false };
    const [plain] = await evaluateAll(versionWith(items, facts), [{ agency: dept('a'), facts: values }]);
    expect(plain.total).toBe(10); // 3 × 3.333… = 10
    const policy = { arithmetic: 'decimal' as const, places: 2, rounding: 'halfUp' as const, roundCriteria: true };
    const [rounded] = await evaluateAll(versionWith(items, facts, { numeric: policy }), [{ agency: dept('a'), facts: values }]);
    expect(rounded.total).toBe(9.99); // 3 × 3.33
  });
});

describe('deductions', () => {
  it('take points away but never push the total below zero', async () => {
    const v = versionWith(
      [
        criterion('1.1', 1, { method: 'yesNo', when: { fact: 'ok', operator: 'equal', value: true } }),
        criterion('1.2', 0, { method: 'deduction', fact: 'late', perUnit: 0.5, floor: -5 }),
      ],
      [bool('ok'), num('late')],
    );
    const [e] = await evaluateAll(v, [{ agency: dept('a'), facts: { ok: true, late: 6, filler: false } }]);
    expect(node(e, '1.2').points).toBe(-3);
    expect(e.total).toBe(0);
  });
});

describe('not applicable', () => {
  // 1.1 (40) applies only to agencies with public services; 1.2 (60) to all.
  const items = [
    criterion(
      '1.1',
      40,
      { method: 'yesNo', when: { fact: 'online', operator: 'equal', value: true } },
      { applicableWhen: { fact: 'agency', path: '$.hasPublicServices', operator: 'equal', value: true } },
    ),
    criterion('1.2', 60, { method: 'proportional', numerator: 'done', denominator: 10 }),
  ];
  const facts = [bool('online'), num('done')];

  it('removes the item from the agency’s maximum and rescales to the cohort maximum', async () => {
    const [e] = await evaluateAll(versionWith(items, facts), [
      { agency: dept('ban-dan-toc', { hasPublicServices: false }), facts: { online: false, done: 9 } },
    ]);
    expect(node(e, '1.1')).toMatchObject({ status: 'notApplicable', points: 0, max: 0 });
    expect(node(e, '1').max).toBe(60);
    expect(e.rescaledFrom).toBe(60);
    expect(e.total).toBe(90); // 54 of 60 → 90 of 100
    expect(e.max).toBe(100);
    expect(e.band?.id).toBe('tot');
  });

  it('scores the item normally where it applies', async () => {
    const [e] = await evaluateAll(versionWith(items, facts), [
      { agency: dept('so-y-te', { hasPublicServices: true }), facts: { online: true, done: 9 } },
    ]);
    expect(e.total).toBe(94);
    expect(e.rescaledFrom).toBeUndefined();
  });

  it('reduces the maximum instead when the cohort says reduceMax', async () => {
    const v = versionWith(items, facts, { cohorts: [{ ...PROVINCIAL, notApplicable: 'reduceMax' }] });
    const [e] = await evaluateAll(v, [{ agency: dept('ban-dan-toc', { hasPublicServices: false }), facts: { online: false, done: 9 } }]);
    expect(e.total).toBe(54);
    expect(e.max).toBe(60);
    expect(e.percentage).toBe(90);
  });
});

describe('cohorts', () => {
  const v = versionWith([criterion('1.1', 100, { method: 'relativeToBest', value: { fact: 'bw' } })], [num('bw')], {
    cohorts: [PROVINCIAL, DISTRICTS],
  });
  const district = (id: string) => ({ id, name: `Huyện ${id}`, kind: 'district' });

  it('compares with the best of the agency’s own cohort only', async () => {
    const evs = await evaluateAll(v, [
      { agency: dept('a'), facts: { bw: 50 } },
      { agency: dept('b'), facts: { bw: 100 } },
      { agency: district('x'), facts: { bw: 10 } },
      { agency: district('y'), facts: { bw: 40 } },
    ]);
    expect(evs.map((e) => [e.agencyId, e.cohort, e.total])).toEqual([
      ['a', 'so-nganh', 50],
      ['b', 'so-nganh', 100],
      ['x', 'huyen', 25],
      ['y', 'huyen', 100],
    ]);
    expect(node(evs[2], '1.1').trace?.best).toBe('40');
    expect(evs[2].context).toEqual({ best: { 'n:1.1': '40' } });
  });

  it('leaves an agency that falls in no cohort unscored, with cohort null', async () => {
    const [e] = await evaluateAll(v, [{ agency: { id: 'cuc-thue', name: 'Cục Thuế', kind: 'central' }, facts: { bw: 10 } }]);
    expect(e).toMatchObject({ cohort: null, total: 0, band: null, nodes: [] });
  });

  it('gives items restricted to a cohort only to that cohort', async () => {
    const split = versionWith([], [bool('p'), bool('d')], {
      cohorts: [PROVINCIAL, DISTRICTS],
      criteria: [
        {
          code: '1',
          kind: 'index',
          title: { vi: 'Hạ tầng và nền tảng số' },
          children: [
            criterion('1.1', 100, { method: 'yesNo', when: { fact: 'p', operator: 'equal', value: true } }, { cohorts: ['so-nganh'] }),
            criterion('1.2', 100, { method: 'yesNo', when: { fact: 'd', operator: 'equal', value: true } }, { cohorts: ['huyen'] }),
          ],
        },
      ],
    });
    const [p, d] = await evaluateAll(split, [
      { agency: dept('a'), facts: { p: true, d: true } },
      { agency: district('x'), facts: { p: true, d: false } },
    ]);
    expect(p.nodes[0].children?.map((c) => c.code)).toEqual(['1.1']);
    expect(p.total).toBe(100);
    expect(d.nodes[0].children?.map((c) => c.code)).toEqual(['1.2']);
    expect(d.total).toBe(0);
  });
});
