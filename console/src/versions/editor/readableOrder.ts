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
  'cohorts',
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

export function readableOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(readableOrder);
  if (value === null || typeof value !== 'object') return value;
  const keys = Object.keys(value).sort((a, b) => (rank.get(a) ?? 1000) - (rank.get(b) ?? 1000) || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(keys.map((k) => [k, readableOrder((value as Record<string, unknown>)[k])]));
}
