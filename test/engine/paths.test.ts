// The full evaluation (stored records with trace and hashes) and the scoring-only path (what-if, the
// console's impact preview, large batches) run the same rollup; they must give the same totals,
// maxima, percentages, bands, result fields and ranks — on every shipped rule set and generated ones.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  compileVersion,
  evaluateSubmissions,
  rankEvaluations,
  scoreSubmissions,
  type RuleSetVersion,
  type SubmissionInput,
} from '../../server/engine';
import { generateSubmissions, generateVersion } from '../bench/generate';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = <T>(file: string): T => JSON.parse(readFileSync(path.join(root, file), 'utf8')) as T;

function samePaths(version: RuleSetVersion, submissions: SubmissionInput[]) {
  const compiled = compileVersion(version);
  const full = evaluateSubmissions(compiled, submissions);
  const scores = scoreSubmissions(compiled, submissions);
  const summary = (e: {
    agencyId: string;
    cohort: string | null;
    total: number;
    totalExact: string;
    max: number;
    percentage: number;
    band: { id: string } | null;
    results: Record<string, number>;
  }) => ({
    agencyId: e.agencyId,
    cohort: e.cohort,
    total: e.total,
    totalExact: e.totalExact,
    max: e.max,
    percentage: e.percentage,
    band: e.band?.id ?? null,
    results: e.results,
  });
  expect(scores.map(summary)).toEqual(full.map(summary));
  const a = rankEvaluations(compiled, full);
  const b = rankEvaluations(compiled, scores);
  expect(b).toEqual(a);
  expect(b.hash).toBe(a.hash);
}

const shipped: [string, string | null][] = [
  ['rules/son-la/2021.json', 'rules/demo/son-la-2021.submissions.json'],
  ['rules/son-la/2023.json', null],
  ['rules/dti/2022.json', 'rules/demo/dti-2022.submissions.json'],
  ['rules/lam-dong/2023.json', null],
];

describe('the full evaluation and the scoring-only path give the same numbers', () => {
  it.each(shipped)('%s: its test cases and demo submissions', (file, demo) => {
    const version = read<RuleSetVersion>(file);
    for (const test of version.tests ?? []) samePaths(version, [{ agency: test.agency, facts: test.facts }, ...(test.peers ?? [])]);
    if (demo) samePaths(version, read<SubmissionInput[]>(demo));
  });

  it('the Son La 2021 set on generated facts, every fact varied (relative-to-best, deductions, tie-breakers)', () => {
    const version = read<RuleSetVersion>('rules/son-la/2021.json');
    version.ranking.tieBreakers = [{ node: '2' }, { node: '1', order: 'ascending' }];
    const demo = read<SubmissionInput[]>('rules/demo/son-la-2021.submissions.json');
    const value = fc.oneof(fc.integer({ min: 0, max: 200 }), fc.double({ min: 0, max: 100, noNaN: true }), fc.boolean(), fc.constant(null));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(demo.length - 1), fc.array(value, { minLength: 200, maxLength: 200 })), { minLength: 1, maxLength: 12 }),
        (picks) => {
          const submissions = picks.map(([i, values], k) => {
            const base = demo[i];
            const facts = Object.fromEntries(
              Object.keys(base.facts).map((id, j) => [id, typeof base.facts[id] === 'string' ? base.facts[id] : values[j % values.length]]),
            );
            return { agency: { ...base.agency, id: `${base.agency.id}-${k}` }, facts };
          });
          samePaths(version, submissions);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('generated 100-criterion sets', () => {
    for (const seed of [1, 2, 3]) {
      const version = generateVersion(100);
      samePaths(version, generateSubmissions(version, 150, seed));
    }
  });
});
