// A version carries its own test cases (inputs → expected points, totals, bands), as OpenFisca
// keeps tests as data. Publishing is refused unless they all pass.
import type { CompiledVersion } from './compile';
import type { Evaluation, NodeRecord, Ranking } from './evaluation';
import { rankEvaluations } from './ranking';
import type { Node, RuleSetVersion, TestCase } from './schemaTypes';
import { bi, nodeName, RESULT_FIELDS, text, type Bilingual } from './naming';
import { formatNumber } from './text';
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

const walk = (nodes: readonly Node[] | undefined, find: (n: Node) => boolean): Node | undefined => {
  for (const n of nodes ?? []) {
    if (find(n)) return n;
    const inner = walk(n.children, find);
    if (inner) return inner;
  }
  return undefined;
};

/**
 * One failed expectation in words: "Tiêu chí S1.1 «Tỷ lệ máy tính»: kỳ vọng 2,7, thực tế 3,6",
 * "xếp loại: kỳ vọng Khá, thực tế Tốt" — items by kind, code and title, bands and cohorts by
 * their labels, numbers as the language writes them.
 */
export function failureText(version: RuleSetVersion, f: TestFailure): Bilingual {
  const [field, key] = [f.field.split('.')[0], f.field.slice(f.field.indexOf('.') + 1)];
  const cohortName = (id: unknown) => version.cohorts.find((c) => c.id === id)?.name;
  const bandLabel = (id: unknown) =>
    [version.bands, ...version.cohorts.map((c) => c.bands)].flatMap((b) => b?.levels ?? []).find((l) => l.id === id)?.label;
  const value = (v: unknown, lang: 'vi' | 'en'): string => {
    if (v === null || v === undefined) return '—';
    if (typeof v === 'number') return formatNumber(v, lang);
    const label = field === 'band' ? bandLabel(v) : field === 'cohort' ? cohortName(v) : undefined;
    return label ? text(label, lang) : String(v);
  };
  let what: Bilingual;
  if (field === 'points') {
    const node = walk(version.criteria, (n) => n.code === key || n.id === key);
    what = node
      ? bi(`${nodeName(node).vi} «${text(node.title, 'vi')}»`, `${nodeName(node).en} "${text(node.title, 'en')}"`)
      : bi(`mục ${key}`, `item ${key}`);
  } else if (field === 'results') {
    const label = version.resultFields?.find((r) => r.id === key)?.label;
    what = bi(text(label, 'vi', key), text(label, 'en', key));
  } else if (field === 'cohortAverages') {
    const name = cohortName(key);
    what = bi(`điểm trung bình khối «${text(name, 'vi', key)}»`, `average of cohort "${text(name, 'en', key)}"`);
  } else {
    what = RESULT_FIELDS[field] ?? bi(field, field);
  }
  return bi(
    `${what.vi}: kỳ vọng ${value(f.expected, 'vi')}, thực tế ${value(f.actual, 'vi')}`,
    `${what.en}: expected ${value(f.expected, 'en')}, got ${value(f.actual, 'en')}`,
  );
}

/** A failed case as a finding on its place in the document, naming each expected and actual value. */
export function testFindings(version: RuleSetVersion, results: readonly TestCaseResult[]): Finding[] {
  return results.flatMap((r, i) => {
    if (r.passed) return [];
    const words = r.failures.map((f) => failureText(version, f));
    return [
      error(`/tests/${i}`, 'test-failed', {
        vi: `Ca kiểm thử «${r.name}» không đạt: ${words.map((w) => w.vi).join('; ')}`,
        en: `Test case "${r.name}" fails: ${words.map((w) => w.en).join('; ')}`,
      }),
    ];
  });
}
