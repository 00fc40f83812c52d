// The database returns documents with their keys reordered (PostgreSQL JSONB sorts them), so the
// raw JSON tab puts the keys a person looks for first back in front, at every level.
const FIRST = [
  '$schema',
  'schemaVersion',
  'id',
  'code',
  'kind',
  'ruleSet',
  'ruleSetTitle',
  'version',
  'title',
  'name',
  'label',
  'type',
  'legalBasis',
  'effective',
  'changeNote',
  'numeric',
  'agencyAttributes',
  'facts',
  'cohorts',
  'bands',
  'ranking',
  'resultFields',
  'max',
  'maxByCohort',
  'method',
  'all',
  'any',
  'not',
  'fact',
  'path',
  'operator',
  'value',
  'when',
  'points',
  'fraction',
  'criteria',
  'children',
  'tests',
];
const rank = new Map(FIRST.map((k, i) => [k, i]));
// Inside a node (it has a code), the cohorts it applies to come with its maxima; at the top of the
// document, after the facts.
const nodeRank = new Map(rank).set('cohorts', rank.get('maxByCohort')! + 0.5);

export function readableOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(readableOrder);
  if (value === null || typeof value !== 'object') return value;
  const order = 'code' in value ? nodeRank : rank;
  const keys = Object.keys(value).sort((a, b) => (order.get(a) ?? 1000) - (order.get(b) ?? 1000) || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(keys.map((k) => [k, readableOrder((value as Record<string, unknown>)[k])]));
}
