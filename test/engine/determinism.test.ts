// The same inputs give byte-identical results and hashes: what lets an auditor verify a published result.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  canonicalJson,
  compileVersion,
  evaluateSubmissions,
  explainEvaluation,
  hashOf,
  rankEvaluations,
  resultHashOf,
} from '../../server/engine';
import type { Evaluation, RuleSetVersion, SubmissionInput } from '../../server/engine';
import { criterion, dept, num, versionWith } from './support/version';

const version = versionWith(
  [
    criterion('1.1', 20, {
      method: 'tiers',
      value: { fact: 'rate' },
      tiers: [
        { from: 90, points: 20 },
        { from: 70, to: 90, points: 15 },
        { from: 50, to: 70, points: 10 },
        { from: 0, to: 50, points: 0 },
      ],
    }),
    criterion('1.2', 30, { method: 'proportional', numerator: 'a', denominator: 'b' }),
    criterion('1.3', 20, { method: 'relativeToBest', value: { fact: 'bw' } }),
    criterion('1.4', 0, { method: 'deduction', fact: 'late', perUnit: 0.25, floor: -3 }),
    criterion('1.5', 10, { method: 'countCap', fact: 'apps', unit: 2 }),
  ],
  [num('rate', { minimum: 0, maximum: 100 }), num('a'), num('b'), num('bw'), num('late'), num('apps')],
);
const compiled = compileVersion(version);

const submissionArb = fc.record({
  rate: fc.integer({ min: 0, max: 10000 }).map((n) => n / 100),
  a: fc.integer({ min: 0, max: 500 }),
  b: fc.integer({ min: 1, max: 500 }),
  bw: fc.integer({ min: 0, max: 1000 }),
  late: fc.integer({ min: 0, max: 30 }),
  apps: fc.integer({ min: 0, max: 20 }),
  filler: fc.boolean(),
});

describe('determinism', () => {
  it('gives the same bytes and hashes on every run, and after a fresh compile', async () => {
    const subs = [
      { agency: dept('a'), facts: { rate: 82.5, a: 41, b: 50, bw: 120, late: 3, apps: 4, filler: true } },
      { agency: dept('b'), facts: { rate: 95, a: 1, b: 3, bw: 150, late: 0, apps: 9, filler: false } },
    ];
    const first = evaluateSubmissions(compiled, subs);
    const again = evaluateSubmissions(compileVersion(structuredClone(version)), structuredClone(subs));
    expect(canonicalJson(again)).toBe(canonicalJson(first));
    expect(again.map((e) => e.hashes)).toEqual(first.map((e) => e.hashes));
    expect(rankEvaluations(compiled, again).hash).toBe(rankEvaluations(compiled, first).hash);
    expect(first[0].hashes.version).toBe(hashOf(version));
  });

  it('changes the hashes when an input, a rule or a result changes', async () => {
    const base = { agency: dept('a'), facts: { rate: 82.5, a: 41, b: 50, bw: 120, late: 3, apps: 4, filler: true } };
    const [e1] = evaluateSubmissions(compiled, [base]);
    const [e2] = evaluateSubmissions(compiled, [{ ...base, facts: { ...base.facts, late: 4 } }]);
    expect(e2.hashes.input).not.toBe(e1.hashes.input);
    expect(e2.hashes.result).not.toBe(e1.hashes.result);
    expect(resultHashOf(e1)).toBe(e1.hashes.result);
    expect(resultHashOf({ ...e1, total: e1.total + 1 })).not.toBe(e1.hashes.result);
  });

  it('does not depend on the order of keys in the documents', () => {
    expect(hashOf({ b: 1, a: { d: 2, c: [3, 'ệ'] } })).toBe(hashOf({ a: { c: [3, 'ệ'], d: 2 }, b: 1 }));
    expect(canonicalJson({ b: 1, a: 0.1 })).toBe('{"a":0.1,"b":1}');
  });
});

describe('records are canonical as built', () => {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const shipped = ['son-la/2021', 'son-la/2023', 'dti/2022', 'lam-dong/2023'].map(
    (f) => JSON.parse(readFileSync(path.join(root, 'rules', `${f}.json`), 'utf8')) as RuleSetVersion,
  );
  const demo = JSON.parse(readFileSync(path.join(root, 'rules/demo/son-la-2021.submissions.json'), 'utf8')) as SubmissionInput[];

  /** What an auditor's RFC 8785 tool computes from the stored record and its input. */
  const audit = (e: Evaluation, s: SubmissionInput, inOrder = true) => {
    if (inOrder) expect(JSON.stringify(e)).toBe(canonicalJson(e));
    expect(resultHashOf(e)).toBe(e.hashes.result);
    expect(e.hashes.input).toBe(hashOf({ agency: s.agency, facts: s.facts, context: e.context }));
  };

  it('on every shipped version with its test cases and demo data', () => {
    for (const version of shipped) {
      const c = compileVersion(version);
      const batches = [
        ...(version.tests ?? []).map((t) => [{ agency: t.agency, facts: t.facts }, ...(t.peers ?? [])]),
        ...(version.ruleSet === 'son-la' && version.version === '2021' ? [demo] : []),
      ];
      for (const batch of batches) evaluateSubmissions(c, batch).forEach((e, i) => audit(e, batch[i]));
    }
  });

  it('when a condition reads the whole agency, whose keys cannot all be put in order', () => {
    const v = versionWith([criterion('1.1', 100, { method: 'yesNo', when: { fact: 'agency', operator: 'notEqual', value: null } })], []);
    const s = { agency: dept('a', { zone: 'b', '10': 'x' }), facts: {} };
    const [e] = evaluateSubmissions(compileVersion(v), [s]);
    expect(e.nodes[0].children?.[0] ?? e.nodes[0]).toMatchObject({ points: '100' });
    expect(JSON.stringify(e)).not.toBe(canonicalJson(e));
    audit(e, s, false);
  });

  it('on generated facts, with facts the version does not declare and values of any JSON type', () => {
    fc.assert(
      fc.property(
        submissionArb,
        fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
        (facts, extra) => {
          const s = { agency: dept('a', { has_public_services: true, '10': 'x' } as never), facts: { ...extra, ...facts } as never };
          audit(evaluateSubmissions(compiled, [s])[0], s);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('properties', () => {
  it('a total never exceeds its cohort maximum nor goes below zero', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(submissionArb, { minLength: 1, maxLength: 5 }), async (facts) => {
        const evs = evaluateSubmissions(
          compiled,
          facts.map((f, i) => ({ agency: dept(`s${i}`), facts: f })),
        ).map((e) => explainEvaluation(compiled, e));
        for (const e of evs) {
          expect(e.total).toBeGreaterThanOrEqual(0);
          expect(e.total).toBeLessThanOrEqual(e.max);
          for (const n of e.nodes) expect(n.points).toBeLessThanOrEqual(n.max);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('raising a tiered input never lowers its points', async () => {
    await fc.assert(
      fc.asyncProperty(submissionArb, fc.integer({ min: 1, max: 5000 }), async (facts, raise) => {
        const higher = { ...facts, rate: Math.min(100, facts.rate + raise / 100) };
        const [low, high] = evaluateSubmissions(compiled, [
          { agency: dept('a'), facts },
          { agency: dept('a2'), facts: higher },
        ]).map((e) => explainEvaluation(compiled, e));
        const points = (e: typeof low) => e.nodes[0].children!.find((c) => c.code === '1.1')!.points;
        expect(points(high)).toBeGreaterThanOrEqual(points(low));
      }),
      { numRuns: 100 },
    );
  });
});
