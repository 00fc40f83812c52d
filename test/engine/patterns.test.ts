// The patterns of the regulation family that a rules administrator writes, each as one node with
// no trick (issue "the rule format means what it says"): what the agency gets, what the report
// card says, and what lint tells the administrator.
import { describe, expect, it } from 'vitest';
import { compileVersion, evaluateSubmissions, explainEvaluation, rankEvaluations } from '../../server/engine';
import { checkVersion } from '../../server/engine/lint';
import { validateSubmission } from '../../server/engine/submissionSchema';
import type { Fact, Node, RuleSetVersion } from '../../server/engine/schemaTypes';
import { runTestCases } from '../../server/engine/testCases';
import { evaluateAll, node } from './support/evaluate';
import { DISTRICTS, PROVINCIAL, bool, criterion, dept, num, versionWith } from './support/version';

const district = (id: string) => ({ id, name: `UBND huyện ${id}`, kind: 'district' });
const codes = (findings: { code: string; severity: string; path: string }[], severity?: string) =>
  findings.filter((f) => !severity || f.severity === severity).map((f) => [f.code, f.path]);

describe('a maximum that differs per cohort on one criterion', () => {
  // 10 points for provincial agencies, 15 for districts; the index sums per cohort (40 and 45).
  const shared = criterion(
    '1.1',
    10,
    { method: 'proportional', numerator: 'done', denominator: 'planned' },
    { maxByCohort: { huyen: 15 } },
  );
  const other = criterion('1.2', 30, { method: 'yesNo', when: { fact: 'plan', operator: 'equal', value: true } });
  const version = versionWith([shared, other], [num('done', { minimum: 0 }), num('planned', { minimum: 0 }), bool('plan')], {
    bands: {
      basis: 'percentage',
      levels: [
        { id: 'tot', label: { vi: 'Tốt' }, min: 85 },
        { id: 'yeu', label: { vi: 'Yếu' }, min: 0 },
      ],
    },
    cohorts: [
      { ...PROVINCIAL, maxScore: 40 },
      { ...DISTRICTS, maxScore: 45 },
    ],
  });
  version.criteria[0] = { ...version.criteria[0], children: [shared, other], max: 40, maxByCohort: { huyen: 45 } };
  version.facts = version.facts.filter((f) => f.id !== 'filler');

  it('scales the fraction with the cohort’s maximum: the district gets up to 15, the department up to 10', async () => {
    const facts = { done: 3, planned: 4, plan: true };
    const [a, d] = await evaluateAll(version, [
      { agency: dept('a'), facts },
      { agency: district('b'), facts },
    ]);
    expect([node(a, '1.1').points, node(a, '1.1').max, a.max]).toEqual([7.5, 10, 40]);
    expect([node(d, '1.1').points, node(d, '1.1').max, d.max]).toEqual([11.25, 15, 45]);
    expect(node(d, '1.1').explanation?.vi).toContain('11,25/15');
  });

  it('lints clean, and sums each cohort’s maximum on its own', async () => {
    expect(codes(await checkVersion(version), 'error')).toEqual([]);
    const wrong = structuredClone(version);
    wrong.criteria[0].maxByCohort = { huyen: 40 };
    expect(codes(await checkVersion(wrong), 'error')).toContainEqual(['parent-max-mismatch', '/criteria/0/maxByCohort/huyen']);
  });
});

describe('deductions from a starting score, not below zero', () => {
  // "2 points, −0.25 per late report, not below 0": one criterion.
  const late = criterion('1.1', 2, { method: 'deduction', fact: 'late', perUnit: 0.25, start: 2, floor: 0 });
  const version = versionWith([late], [num('late', { minimum: 0 })]);

  it('gives 2 points with no late report, 1.5 with two, and 0 (never less) with ten', async () => {
    const [none, two, ten] = await evaluateAll(version, [
      { agency: dept('a'), facts: { late: 0, filler: true } },
      { agency: dept('b'), facts: { late: 2, filler: true } },
      { agency: dept('c'), facts: { late: 10, filler: true } },
    ]);
    expect([node(none, '1.1').points, node(two, '1.1').points, node(ten, '1.1').points]).toEqual([2, 1.5, 0]);
    expect(none.max).toBe(100);
    expect([none.total, two.total, ten.total]).toEqual([100, 99.5, 98]);
  });

  it('explains the floor in the same figures as the points', async () => {
    const [ten] = await evaluateAll(version, [{ agency: dept('c'), facts: { late: 10 } }]);
    const text = node(ten, '1.1').explanation!.vi;
    expect(text).toContain('2 − 2,5 = -0,5, không thấp hơn 0');
    expect(text).toMatch(/→ 0(,00)?\/2 điểm$/);
  });

  it('lint: a floor below anything the item can reach deducts nothing more and is said so; a floor above the start is an error', async () => {
    // A plain deduction (no start) with floor 0: nothing can be taken away.
    const noOp = versionWith(
      [criterion('1.1', 0, { method: 'deduction', fact: 'late', perUnit: 0.25, floor: 0 })],
      [num('late', { minimum: 0 })],
    );
    expect(codes(await checkVersion(noOp))).toContainEqual(['deduction-no-op', '/criteria/0/children/0/scoring/floor']);
    expect(codes(await checkVersion(version))).toEqual([]);
    const above = structuredClone(version);
    (above.criteria[0].children![0].scoring as { floor: number }).floor = 3;
    expect(codes(await checkVersion(above), 'error')).toContainEqual([
      'deduction-floor-above-start',
      '/criteria/0/children/0/scoring/floor',
    ]);
  });
});

describe('ratios: one zero-denominator vocabulary, and a value bounded by another fact', () => {
  const facts: Fact[] = [num('processed', { minimum: 0, atMostFact: 'received' }), num('received', { minimum: 0 })];
  const tiered = (onZeroDenominator?: 'zero' | 'full' | 'notApplicable') =>
    criterion('1.1', 10, {
      method: 'tiers',
      value: { numerator: 'processed', denominator: 'received', percent: true, ...(onZeroDenominator ? { onZeroDenominator } : {}) },
      tiers: [
        { from: 90, points: 10 },
        { from: 50, to: 90, points: 5 },
      ],
    });

  it('tiers on a ratio: 0 of 0 received gives 0 by default, full points or not applicable when the version says so', async () => {
    const score = async (policy?: 'zero' | 'full' | 'notApplicable') => {
      const [e] = await evaluateAll(versionWith([tiered(policy)], facts), [
        { agency: dept('a'), facts: { processed: 0, received: 0, filler: true } },
      ]);
      const n = node(e, '1.1');
      return [n.points, n.status ?? 'scored', e.total];
    };
    // Not applicable leaves the maximum: 90 of the 90 that apply, rescaled to 100 (the cohort's default).
    expect(await score()).toEqual([0, 'scored', 90]);
    expect(await score('full')).toEqual([10, 'scored', 100]);
    expect(await score('notApplicable')).toEqual([0, 'notApplicable', 100]);
  });

  it('relative to the best: when the best of the cohort is 0, the policy decides', async () => {
    const rel = (onZeroDenominator?: 'zero' | 'full' | 'notApplicable') =>
      criterion('1.1', 10, { method: 'relativeToBest', value: { fact: 'bandwidth' }, ...(onZeroDenominator ? { onZeroDenominator } : {}) });
    const score = async (policy?: 'zero' | 'full' | 'notApplicable') => {
      const v = versionWith([rel(policy)], [num('bandwidth', { minimum: 0 })]);
      const [a] = await evaluateAll(v, [
        { agency: dept('a'), facts: { bandwidth: 0, filler: true } },
        { agency: dept('b'), facts: { bandwidth: 0, filler: true } },
      ]);
      return [node(a, '1.1').points, node(a, '1.1').status ?? 'scored', a.total];
    };
    expect(await score()).toEqual([0, 'scored', 90]);
    expect(await score('full')).toEqual([10, 'scored', 100]);
    expect(await score('notApplicable')).toEqual([0, 'notApplicable', 100]);
  });

  it('120 processed of 100 received is a submission error naming both facts', () => {
    const v = versionWith([tiered()], facts);
    const findings = validateSubmission(v, { agency: dept('a'), facts: { processed: 120, received: 100, filler: true } });
    expect(findings.map((f) => [f.code, f.path])).toEqual([['above-other-fact', '/facts/processed']]);
    expect(findings[0].message.vi).toContain('Chỉ tiêu received');
    expect(validateSubmission(v, { agency: dept('a'), facts: { processed: 100, received: 100, filler: true } })).toEqual([]);
  });

  it('lint: a bound on a fact that does not exist, or is not a number, is an error', async () => {
    const v = versionWith([tiered()], [num('processed', { minimum: 0, atMostFact: 'nope' }), num('received', { minimum: 0 })]);
    expect(codes(await checkVersion(v), 'error')).toContainEqual(['fact-bound', '/facts/0/atMostFact']);
  });
});

describe('dates relative to the assessed year', () => {
  // "The plan is issued by 15/12 of the assessed year": one condition, for every year the version is used.
  const onTime = criterion('1.1', 10, {
    method: 'yesNo',
    when: { fact: 'issued', operator: 'dateOnOrBefore', value: { periodDate: '12-15' } },
  });
  const version = versionWith([onTime], [{ id: 'issued', type: 'date', label: { vi: 'Ngày ban hành kế hoạch' } }]);

  it('compares as dates with 15/12 of the year assessed, the year the version takes effect by default', () => {
    const compiled = compileVersion(version);
    const points = (issued: string, year?: number) =>
      explainEvaluation(compiled, evaluateSubmissions(compiled, [{ agency: dept('a'), facts: { issued } }], year ? { year } : {})[0])
        .nodes[0].children![0].points;
    expect(points('2021-12-15')).toBe(10);
    expect(points('2021-12-16')).toBe(0);
    expect(points('2024-12-10', 2024)).toBe(10);
    expect(points('2024-12-16', 2024)).toBe(0);
    expect(points('2021-12-10', 2024)).toBe(10);
  });

  it('a test case says which year it assesses', () => {
    const v: RuleSetVersion = {
      ...structuredClone(version),
      tests: [
        { name: 'Đúng hạn năm 2024', year: 2024, agency: dept('a'), facts: { issued: '2024-12-15' }, expect: { points: { '1.1': 10 } } },
      ],
    };
    expect(runTestCases(compileVersion(v)).map((r) => r.passed)).toEqual([true]);
    v.tests![0].year = 2023;
    expect(runTestCases(compileVersion(v))[0].failures).toEqual([{ field: 'points.1.1', expected: 10, actual: 0 }]);
  });

  it('lint: a date compared with a date operator only; a date compared as text is a warning', async () => {
    const wrongOperator = structuredClone(version);
    (wrongOperator.criteria[0].children![0].scoring as any).when.operator = 'lessThan';
    expect(codes(await checkVersion(wrongOperator), 'error')).toContainEqual([
      'period-date-operator',
      '/criteria/0/children/0/scoring/when/operator',
    ]);
    const asText = structuredClone(version);
    (asText.criteria[0].children![0].scoring as any).when = { fact: 'issued', operator: 'lessThanInclusive', value: '2021-12-15' };
    expect(codes(await checkVersion(asText), 'warning')).toContainEqual([
      'date-compared-as-text',
      '/criteria/0/children/0/scoring/when/operator',
    ]);
  });
});

describe('averages as the version declares them', () => {
  const version = versionWith(
    [criterion('1.1', 100, { method: 'proportional', numerator: 'x', denominator: 100 })],
    [num('x', { minimum: 0, maximum: 100 })],
    {
      cohorts: [PROVINCIAL, DISTRICTS],
    },
  );
  version.facts = version.facts.filter((f) => f.id !== 'filler');
  // Son La 2024 publishes (73.2 + 76.4) ÷ 2 = 74.8: the mean of the cohort means, whatever their sizes.
  const batch = (v: RuleSetVersion) => {
    const compiled = compileVersion(v);
    return rankEvaluations(
      compiled,
      evaluateSubmissions(compiled, [
        { agency: dept('a'), facts: { x: 70 } },
        { agency: dept('b'), facts: { x: 76.4 } },
        { agency: dept('c'), facts: { x: 73.2 } },
        { agency: district('d'), facts: { x: 76.4 } },
      ]),
    );
  };

  it('the mean of the cohort means by default', () => {
    const r = batch(version);
    expect(r.cohorts.map((c) => c.average)).toEqual([73.2, 76.4]);
    expect(r.average).toBe(74.8);
  });

  it('or the mean over every unit', () => {
    const r = batch({ ...version, ranking: { ...version.ranking, average: 'meanOfUnits' } });
    expect(r.average).toBe(74);
  });
});

describe('a node keeps its id when renumbered', () => {
  it('the record carries the id, so results follow the item, not its number', async () => {
    const c: Node = criterion('1.1', 100, { method: 'yesNo', when: { fact: 'plan', operator: 'equal', value: true } }, { id: 'ke-hoach' });
    const v = versionWith([c], [bool('plan')]);
    const compiled = compileVersion(v);
    const [e] = evaluateSubmissions(compiled, [{ agency: dept('a'), facts: { plan: true } }]);
    expect(e.nodes[0].children![0]).toMatchObject({ code: '1.1', id: 'ke-hoach', points: '100' });
  });
});
