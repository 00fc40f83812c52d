// A version carries its own test cases (inputs → expected points, totals, bands), as OpenFisca
// keeps tests as data. Publishing is refused unless they all pass.
import type { CompiledVersion } from './compile';
import type { Evaluation, NodeRecord, Ranking } from './evaluation';
import { rankEvaluations } from './ranking';
import type { TestCase } from './schemaTypes';
import { error, type Finding } from './finding';
import { evaluateSubmissions } from './evaluate';
import { Exact } from './exact';
import { rounded } from './total';

export interface TestFailure {
  field: string;
  expected: unknown;
  actual: unknown;
}

export interface TestCaseResult {
  name: string;
  passed: boolean;
  failures: TestFailure[];
  evaluation: Evaluation;
}

const sameNumber = (a: number, b: number | undefined): boolean => b !== undefined && Exact.of(a).eq(Exact.of(b));

function pointsByCode(compiled: CompiledVersion, nodes: readonly NodeRecord[], out: Map<string, number> = new Map()): Map<string, number> {
  for (const n of nodes) {
    out.set(n.code, rounded(compiled, Exact.of(n.points)));
    if (n.id) out.set(n.id, rounded(compiled, Exact.of(n.points)));
    if (n.children) pointsByCode(compiled, n.children, out);
  }
  return out;
}

function check(compiled: CompiledVersion, test: TestCase, e: Evaluation, ranking: Ranking): TestFailure[] {
  const x = test.expect;
  const failures: TestFailure[] = [];
  const num = (field: string, expected: number | undefined, actual: number | undefined) => {
    if (expected !== undefined && !sameNumber(expected, actual)) failures.push({ field, expected, actual: actual ?? null });
  };
  if (x.cohort !== undefined && x.cohort !== e.cohort) failures.push({ field: 'cohort', expected: x.cohort, actual: e.cohort });
  num('total', x.total, e.total);
  num('max', x.max, e.max);
  num('percentage', x.percentage, e.percentage);
  if (x.band !== undefined && x.band !== (e.band?.id ?? null))
    failures.push({ field: 'band', expected: x.band, actual: e.band?.id ?? null });
  const points = pointsByCode(compiled, e.nodes);
  for (const [code, expected] of Object.entries(x.points ?? {})) num(`points.${code}`, expected, points.get(code));
  for (const [id, expected] of Object.entries(x.results ?? {})) num(`results.${id}`, expected, e.results[id]);
  num('average', x.average, ranking.average);
  for (const [cohort, expected] of Object.entries(x.cohortAverages ?? {}))
    num(`cohortAverages.${cohort}`, expected, ranking.cohorts.find((c) => c.cohort === cohort)?.average);
  return failures;
}

export function runTestCases(compiled: CompiledVersion): TestCaseResult[] {
  return (compiled.version.tests ?? []).map((test) => {
    const batch = evaluateSubmissions(
      compiled,
      [{ agency: test.agency, facts: test.facts }, ...(test.peers ?? [])],
      test.year ? { year: test.year } : {},
    );
    const [evaluation] = batch;
    const failures = check(compiled, test, evaluation, rankEvaluations(compiled, batch));
    return { name: test.name, passed: failures.length === 0, failures, evaluation };
  });
}

const shown = (value: unknown): string =>
  value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value);

/** A failed case as a finding on its place in the document, naming each expected and actual value. */
export function testFindings(results: readonly TestCaseResult[]): Finding[] {
  return results.flatMap((r, i) => {
    if (r.passed) return [];
    const vi = r.failures.map((f) => `${f.field} mong đợi ${shown(f.expected)}, thực tế ${shown(f.actual)}`).join('; ');
    const en = r.failures.map((f) => `${f.field} expected ${shown(f.expected)}, got ${shown(f.actual)}`).join('; ');
    return [
      error(`/tests/${i}`, 'test-failed', { vi: `Ca kiểm thử «${r.name}» không đạt: ${vi}`, en: `Test case "${r.name}" fails: ${en}` }),
    ];
  });
}
