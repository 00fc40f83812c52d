/** A nested value as "path → leaf" pairs, so a change reads as a list of fields. */
export function flatten(value: unknown, prefix = '', out: Map<string, unknown> = new Map()): Map<string, unknown> {
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    if (!entries.length) out.set(prefix || '·', Array.isArray(value) ? '[]' : '{}');
    for (const [k, v] of entries) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else out.set(prefix || '·', value);
  return out;
}

export interface FieldChange {
  path: string;
  before: unknown;
  after: unknown;
}

/** Fields whose value differs between before and after (added, removed or changed). */
export function changedFields(before: unknown, after: unknown, limit = 500): FieldChange[] {
  const a = flatten(before);
  const b = flatten(after);
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  return paths
    .filter((p) => JSON.stringify(a.get(p)) !== JSON.stringify(b.get(p)))
    .slice(0, limit)
    .map((path) => ({ path, before: a.get(path), after: b.get(path) }));
}
