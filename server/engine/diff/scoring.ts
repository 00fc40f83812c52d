// A criterion's scoring when its method stayed the same: each method words changes of its own
// settings (methods/<method>.ts), and whatever else differs is still reported in general words.
import type { Scoring } from '../schemaTypes';
import type { ScoringChange } from './change';
import { METHODS } from '../methods';
import { bi } from '../naming';
import { same } from './support';

export type { ScoringChange };

/** Changes inside a scoring method whose method stayed the same. */
export function scoringChanges(a: Scoring, b: Scoring, path: string): ScoringChange[] {
  const { keys, changes } = METHODS[a.method].diff as {
    keys: readonly string[];
    changes(x: Scoring, y: Scoring, p: string): ScoringChange[];
  };
  const out = changes(a, b, path);
  const rest = (s: Scoring) => Object.fromEntries(Object.entries(s).filter(([k]) => !keys.includes(k)));
  if (!same(rest(a), rest(b)))
    out.push({ kind: 'scoringChanged', path, before: a, after: b, message: bi('cách tính điểm thay đổi', 'the scoring changed') });
  return out;
}
