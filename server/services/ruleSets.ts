// Rule sets: the families whose versions carry the rules. A rule set is created with its first
// version and afterwards only its title and description change; both are audited.
import type { LocalizedText } from '../engine';
import type { Tx } from '../store/db';
import { recordAudit } from '../store/audit';
import { insertRuleSetIfMissing, requireRuleSet, writeRuleSet, type RuleSet } from '../store/ruleSets';
import { assertCurrent } from './etag';

export { listRuleSets, requireRuleSet, RULE_SET_SORT, type RuleSet } from '../store/ruleSets';

/** Creates the rule set on its first version; later versions leave it as it is. */
export async function ensureRuleSet(tx: Tx, id: string, title: LocalizedText, actor: string): Promise<void> {
  if (await insertRuleSetIfMissing(tx, id, title, actor)) {
    await recordAudit(tx, { actor, action: 'create', resource: 'rule-sets', resourceId: id, after: { id, title } });
  }
}

export async function updateRuleSet(
  tx: Tx,
  id: string,
  changes: { title?: LocalizedText; description?: LocalizedText | null },
  actor: string,
  etag: string,
): Promise<RuleSet> {
  const before = await requireRuleSet(tx, id);
  assertCurrent(before, etag, { vi: 'Bộ chỉ số', en: 'rule set' });
  await writeRuleSet(tx, id, {
    title: changes.title ?? before.title,
    description: changes.description !== undefined ? changes.description : before.description,
  });
  const after = await requireRuleSet(tx, id);
  await recordAudit(tx, {
    actor,
    action: 'update',
    resource: 'rule-sets',
    resourceId: id,
    before: { title: before.title, description: before.description },
    after: { title: after.title, description: after.description },
  });
  return after;
}
