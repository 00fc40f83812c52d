// A generated 100-criterion rule set and matching submissions, for the benchmark.
// Deterministic (a small LCG), so every run measures the same work.
import type { Fact, Node, RuleSetVersion, Scoring, SubmissionInput } from '../../server/engine';

export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const METHODS = ['yesNo', 'cases', 'parts', 'tiers', 'proportional', 'countCap'] as const;

function scoringFor(method: (typeof METHODS)[number], i: number): Scoring {
  const f = (k: string) => `f${i}_${k}`;
  switch (method) {
    case 'yesNo':
      return {
        method,
        when: {
          all: [
            { fact: f('a'), operator: 'equal', value: true },
            { fact: f('n'), operator: 'greaterThanInclusive', value: 50 },
          ],
        },
      };
    case 'cases':
      return {
        method,
        cases: [
          { when: { fact: f('n'), operator: 'greaterThanInclusive', value: 80 }, fraction: 1, label: { vi: 'Cao' } },
          { when: { fact: f('n'), operator: 'greaterThanInclusive', value: 40 }, fraction: 0.5, label: { vi: 'Trung bình' } },
        ],
      };
    case 'parts':
      return {
        method,
        parts: [
          { when: { fact: f('a'), operator: 'equal', value: true }, fraction: 0.5, label: { vi: 'Phần 1' } },
          {
            when: {
              any: [
                { fact: f('n'), operator: 'greaterThan', value: 70 },
                { fact: f('b'), operator: 'greaterThan', value: 70 },
              ],
            },
            fraction: 0.5,
            label: { vi: 'Phần 2' },
          },
        ],
      };
    case 'tiers':
      return {
        method,
        value: { fact: f('n') },
        tiers: [
          { from: 90, fraction: 1 },
          { from: 70, to: 90, fraction: 0.8 },
          { from: 50, to: 70, fraction: 0.5 },
        ],
      };
    case 'proportional':
      return { method, numerator: f('n'), denominator: f('b') };
    case 'countCap':
      return { method, fact: f('n'), unit: 0.1 };
  }
}

export function generateVersion(criteria = 100): RuleSetVersion {
  const facts: Fact[] = [];
  const indices: Node[] = [];
  for (let g = 0; g < 5; g++) {
    const children: Node[] = [];
    for (let k = 0; k < criteria / 5; k++) {
      const i = g * (criteria / 5) + k;
      facts.push(
        { id: `f${i}_a`, type: 'boolean', label: { vi: `Có ${i}` } },
        { id: `f${i}_n`, type: 'number', label: { vi: `Số ${i}` }, minimum: 0, maximum: 100 },
        { id: `f${i}_b`, type: 'number', label: { vi: `Mẫu ${i}` }, minimum: 1, maximum: 100 },
      );
      children.push({
        code: `${g + 1}.${k + 1}`,
        kind: 'criterion',
        title: { vi: `Tiêu chí ${i}` },
        max: 1,
        scoring: scoringFor(METHODS[i % METHODS.length], i),
      });
    }
    indices.push({ code: `${g + 1}`, kind: 'index', title: { vi: `Chỉ số ${g + 1}` }, children: children as [Node, ...Node[]] });
  }
  return {
    schemaVersion: 1,
    ruleSet: 'bench',
    version: '1',
    title: { vi: 'Bộ chỉ số sinh tự động', en: 'Generated rule set' },
    legalBasis: { decision: '0/BENCH', date: '2024-01-01', issuer: 'bench' },
    effective: { from: '2024-01-01' },
    numeric: { arithmetic: 'decimal', places: 2, rounding: 'halfUp' },
    facts,
    cohorts: [
      {
        id: 'all',
        name: { vi: 'Tất cả' },
        membership: { all: [{ fact: 'agency', path: '$.kind', operator: 'equal', value: 'department' }] },
        maxScore: criteria,
        ranked: true,
      },
    ],
    bands: {
      basis: 'percentage',
      levels: [
        { id: 'tot', label: { vi: 'Tốt' }, min: 85 },
        { id: 'kha', label: { vi: 'Khá' }, min: 70 },
        { id: 'tb', label: { vi: 'Trung bình' }, min: 50 },
        { id: 'yeu', label: { vi: 'Yếu' }, min: 0 },
      ],
    },
    ranking: { by: 'total' },
    criteria: indices as [Node, ...Node[]],
  };
}

export function generateSubmissions(version: RuleSetVersion, count: number, seed = 2245): SubmissionInput[] {
  const rand = lcg(seed);
  return Array.from({ length: count }, (_, s) => ({
    agency: { id: `agency-${s}`, name: `Cơ quan ${s}`, kind: 'department' },
    facts: Object.fromEntries(
      version.facts.map((f) => [f.id, f.type === 'boolean' ? rand() < 0.6 : Math.round(rand() * 100 * 100) / 100 || 1]),
    ),
  }));
}
