// Evidence a version requires: the facts an agency reports that are marked `evidence: "required"`,
// what the criteria reading them ask to be shown, and which of them have nothing filed yet. One
// definition for the form that shows it and any rule that enforces it.
import type { Fact, LocalizedText, Node, RuleSetVersion } from './schemaTypes';
import { conditionFacts, scoringFacts, walkNodes } from './tree';

/** The facts asked of an agency of `cohort`: none of another cohort's, and the evaluator's only when `evaluatorToo`. */
export const factsAsked = (version: RuleSetVersion, cohort: string | null, evaluatorToo = false): Fact[] =>
  version.facts.filter((f) => (evaluatorToo || f.enteredBy !== 'evaluator') && (!f.cohorts || !cohort || f.cohorts.includes(cohort)));

/** The agency's facts that must be backed by evidence filed under them, in the version's order. */
export const evidenceRequired = (version: RuleSetVersion, cohort: string | null): Fact[] =>
  factsAsked(version, cohort).filter((f) => f.evidence === 'required');

/** Of those, the ones with no evidence filed under their id yet. */
export function evidenceMissing(version: RuleSetVersion, cohort: string | null, evidence: readonly { key: string }[]): Fact[] {
  const filed = new Set(evidence.map((e) => e.key));
  return evidenceRequired(version, cohort).filter((f) => !filed.has(f.id));
}

/** Per fact, the criteria that read it and say what evidence they want shown (their `evidence` text). */
export function evidenceAskedBy(version: RuleSetVersion): Map<string, { code: string; evidence: LocalizedText }[]> {
  const asked = new Map<string, { code: string; evidence: LocalizedText }[]>();
  for (const { node } of walkNodes(version.criteria)) {
    if (!node.evidence || !node.scoring) continue;
    const read = scoringFacts(node.scoring);
    if (node.applicableWhen) conditionFacts(node.applicableWhen, read);
    for (const fact of read) asked.set(fact, [...(asked.get(fact) ?? []), { code: node.code, evidence: node.evidence }]);
  }
  return asked;
}

/**
 * The items the evaluator may score 0 for missing evidence in an agency of `cohort`: leaf criteria
 * of the cohort that ask for evidence — their own evidence text, or a fact they read that has
 * evidence required or optional.
 */
export function zeroableCriteria(version: RuleSetVersion, cohort: string | null): Node[] {
  const withEvidence = new Set(version.facts.filter((f) => f.evidence && f.evidence !== 'none').map((f) => f.id));
  return [...walkNodes(version.criteria)]
    .map((w) => w.node)
    .filter((n) => n.kind === 'criterion' && (!n.cohorts || (cohort !== null && n.cohorts.includes(cohort))))
    .filter((n) => !!n.evidence || (!!n.scoring && [...scoringFacts(n.scoring)].some((f) => withEvidence.has(f))));
}
