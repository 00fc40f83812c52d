// Documents nested far beyond any real rule set, to check that every reader refuses them cleanly.
// Built as text: JSON.stringify itself cannot write them.
import type { RuleSetVersion } from '../../server/engine/schemaTypes';

/** A condition `depth` levels of { "all": [ … ] } deep around one fact condition, as JSON text. */
export const deepConditionText = (depth: number): string =>
  `${'{"all":['.repeat(depth)}{"fact":"x","operator":"equal","value":true}${']}'.repeat(depth)}`;

const MARK = '"__deep__"';

/** The version as JSON text with its first criterion's condition nested `depth` levels deep. */
export function withDeepCondition(doc: RuleSetVersion, depth = 10_000): string {
  const copy = structuredClone(doc) as any;
  copy.criteria[0].children[0].scoring = { method: 'yesNo', when: '__deep__' };
  return JSON.stringify(copy).replace(MARK, deepConditionText(depth));
}
