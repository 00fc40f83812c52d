// Required evidence (server/engine/requiredEvidence.ts): the facts an agency reports that the
// version marks `evidence: "required"`, which of them still have nothing filed, and what the
// criteria reading each one ask to be shown.
import { describe, expect, it } from 'vitest';
import { evidenceAskedBy, evidenceMissing, evidenceRequired, factsAsked } from '../../server/engine';
import { sonLa2021 } from '../support/fixtures';

describe('required evidence', () => {
  const version = sonLa2021();
  const required = evidenceRequired(version, 'so-nganh');

  it("is asked only of the agency's own facts marked required, in the version's order", () => {
    expect(required.length).toBeGreaterThan(10);
    expect(required.every((f) => f.evidence === 'required' && f.enteredBy !== 'evaluator')).toBe(true);
    const order = version.facts.map((f) => f.id);
    expect(required.map((f) => order.indexOf(f.id))).toEqual([...required.map((f) => order.indexOf(f.id))].sort((a, b) => a - b));
    // the evaluator's facts are not the agency's to back, even when the evaluator reads them too
    expect(factsAsked(version, 'so-nganh').some((f) => f.enteredBy === 'evaluator')).toBe(false);
    expect(factsAsked(version, 'so-nganh', true).some((f) => f.enteredBy === 'evaluator')).toBe(true);
    // a fact of one cohort only is not asked of the other
    const districtOnly = version.facts.find((f) => f.cohorts && !f.cohorts.includes('so-nganh') && f.evidence === 'required');
    if (districtOnly) expect(required.map((f) => f.id)).not.toContain(districtOnly.id);
  });

  it('is missing until something is filed under the fact, whatever is filed elsewhere', () => {
    expect(evidenceMissing(version, 'so-nganh', [])).toEqual(required);
    const [first, second] = required;
    const missing = evidenceMissing(version, 'so-nganh', [{ key: first.id }, { key: first.id }, { key: 'S1.2' }]);
    expect(missing.map((f) => f.id)).not.toContain(first.id);
    expect(missing.map((f) => f.id)).toContain(second.id);
    expect(missing).toHaveLength(required.length - 1);
  });

  it('names, per fact, the criteria reading it and the evidence they ask for', () => {
    const asked = evidenceAskedBy(version);
    const lan = asked.get('has_lan') ?? [];
    expect(lan.map((a) => a.code)).toContain('S1.2');
    expect(lan.find((a) => a.code === 'S1.2')!.evidence.vi).toMatch(/^Sơ đồ mạng/);
    // a fact read by no criterion with an evidence text has none
    expect(asked.get('no-such-fact')).toBeUndefined();
  });
});
