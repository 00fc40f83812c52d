// Small rule-set versions built in code, so each test shows exactly the rules it exercises.
import type { Cohort, Fact, Node, RuleSetVersion, Scoring } from '../../../server/engine/schemaTypes';

export const PROVINCIAL: Cohort = {
  id: 'so-nganh',
  name: { vi: 'Sở, ban, ngành', en: 'Provincial agencies' },
  membership: { all: [{ fact: 'agency', path: '$.kind', operator: 'equal', value: 'department' }] },
  maxScore: 100,
  ranked: true,
};

export const DISTRICTS: Cohort = {
  id: 'huyen',
  name: { vi: 'UBND huyện, thành phố', en: 'Districts' },
  membership: { all: [{ fact: 'agency', path: '$.kind', operator: 'equal', value: 'district' }] },
  maxScore: 100,
  ranked: true,
};

export const num = (id: string, extra: Partial<Fact> = {}): Fact => ({
  id,
  type: 'number',
  label: { vi: `Chỉ tiêu ${id}`, en: `Figure ${id}` },
  ...extra,
});
export const bool = (id: string): Fact => ({ id, type: 'boolean', label: { vi: `Có ${id}`, en: `Has ${id}` } });

export const criterion = (code: string, max: number, scoring: Scoring, extra: Partial<Node> = {}): Node => ({
  code,
  kind: 'criterion',
  title: { vi: `Tiêu chí ${code}`, en: `Criterion ${code}` },
  max,
  scoring,
  ...extra,
});

/** A version with one index holding the given criteria, filled up to 100 with a yes/no item. */
export function versionWith(criteria: Node[], facts: Fact[], overrides: Partial<RuleSetVersion> = {}): RuleSetVersion {
  // A plain deduction takes points away and adds nothing to the maximum; one from a starting score adds it.
  const used = criteria.reduce((acc, c) => acc + (c.scoring?.method === 'deduction' && !c.scoring.start ? 0 : (c.max ?? 0)), 0);
  const filler =
    100 - used > 0 ? [criterion('9.9', 100 - used, { method: 'yesNo', when: { fact: 'filler', operator: 'equal', value: true } })] : [];
  return {
    schemaVersion: 1,
    ruleSet: 'test',
    version: '1',
    title: { vi: 'Bộ chỉ số thử', en: 'Test rule set' },
    legalBasis: { decision: '1/QĐ-TEST', date: '2021-01-01', issuer: 'UBND tỉnh' },
    effective: { from: '2021-01-01' },
    numeric: { arithmetic: 'decimal', places: 2, rounding: 'halfUp' },
    facts: [...facts, ...(filler.length ? [bool('filler')] : [])],
    cohorts: [PROVINCIAL],
    bands: {
      basis: 'points',
      levels: [
        { id: 'tot', label: { vi: 'Tốt', en: 'Good' }, min: 85 },
        { id: 'kha', label: { vi: 'Khá', en: 'Fair' }, min: 70 },
        { id: 'trung-binh', label: { vi: 'Trung bình', en: 'Average' }, min: 50 },
        { id: 'yeu', label: { vi: 'Yếu', en: 'Weak' }, min: 0 },
      ],
    },
    ranking: { by: 'total' },
    criteria: [
      { code: '1', kind: 'index', title: { vi: 'Chỉ số 1', en: 'Index 1' }, children: [...criteria, ...filler] as [Node, ...Node[]] },
    ],
    ...overrides,
  };
}

export const dept = (id: string, extra: Record<string, unknown> = {}) => ({ id, name: `Sở ${id}`, kind: 'department', ...extra });
