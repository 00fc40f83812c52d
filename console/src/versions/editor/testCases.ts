// The version's embedded test cases as an administrator reads them: a failure's field
// ("points.S1.1", "band") becomes the criterion's code and title or the band's label, and the
// result of a run becomes the case's new expectations when a change of the rules was deliberate.
import { Exact, walkNodes, type Band, type Node, type RuleSetVersion, type TestCase } from '../../../../server/engine';
import type { TestCaseResult } from '../../providers/dataProvider';
import type { Lt } from '../../common/useLt';

export type Expectations = TestCase['expect'];
export type Failure = TestCaseResult['failures'][number];

type Scalar = 'cohort' | 'total' | 'max' | 'percentage' | 'band' | 'average';
type Keyed = 'points' | 'results' | 'cohortAverages';

/** What an expectation checks: one scalar of the result, or one entry of a keyed map. */
export type ExpectField = { kind: Scalar } | { kind: Keyed; key: string };

const KEYED = new Set<string>(['points', 'results', 'cohortAverages']);

/** "points.S1.1" → points of "S1.1": codes hold dots, so only the first one separates. */
export function parseField(field: string): ExpectField {
  const dot = field.indexOf('.');
  if (dot > 0 && KEYED.has(field.slice(0, dot))) return { kind: field.slice(0, dot) as Keyed, key: field.slice(dot + 1) };
  return { kind: field as Scalar };
}

/** The value an expectation field holds ("points.S1.1" → expect.points["S1.1"]). */
export function expectedAt(expect: Expectations, field: string): unknown {
  const f = parseField(field);
  const bag = expect as Record<string, unknown>;
  return 'key' in f ? (bag[f.kind] as Record<string, unknown> | undefined)?.[f.key] : bag[f.kind];
}

/**
 * The case's expectations with each failing field set to what the run gave: the case keeps checking
 * the same fields, now at their current values. A number the run no longer has (a criterion taken
 * out of the tree) is no longer expected.
 */
export function acceptedExpectations(expect: Expectations, failures: readonly Failure[]): Expectations {
  const next: Record<string, unknown> = { ...expect };
  for (const f of failures) {
    const field = parseField(f.field);
    if ('key' in field) {
      const map = { ...((next[field.kind] as Record<string, number> | undefined) ?? {}) };
      if (typeof f.actual === 'number') map[field.key] = f.actual;
      else delete map[field.key];
      next[field.kind] = map;
    } else if (field.kind === 'cohort' || field.kind === 'band') next[field.kind] = f.actual ?? null;
    else if (typeof f.actual === 'number') next[field.kind] = f.actual;
    else delete next[field.kind];
  }
  return next as Expectations;
}

/** Every node of the tree, in document order. */
export const treeNodes = (doc: RuleSetVersion): Node[] => [...walkNodes(doc.criteria ?? [])].map((w) => w.node);

/** A node of the tree by its code or its stable id (expectations may name either). */
const findNode = (doc: RuleSetVersion, key: string): Node | undefined => treeNodes(doc).find((n) => n.code === key || n.id === key);

/** The bands a case is classified in: its cohort's own, or the version's. */
export function bandsOf(doc: RuleSetVersion, cohort: string | null | undefined): Band[] {
  const own = doc.cohorts?.find((c) => c.id === cohort)?.bands;
  return [...(own ?? doc.bands).levels];
}

/** Which cohort a case is about: the one it expects, else the one the last run put it in. */
export const cohortOfCase = (test: TestCase, result?: TestCaseResult | null): string | null =>
  typeof test.expect.cohort === 'string' ? test.expect.cohort : (result?.evaluation.cohort ?? null);

export interface Words {
  lt: (text: Lt | string | null | undefined) => string;
  translate: (key: string, opts?: Record<string, unknown>) => string;
  number: (n: number) => string;
}

/** "Tiêu chí S1.1 Tỷ lệ CBCCVC được trang bị máy tính": what an expectation is about, in words. */
export function fieldLabel(doc: RuleSetVersion, field: ExpectField, w: Words): string {
  switch (field.kind) {
    case 'points': {
      const node = findNode(doc, field.key);
      if (!node) return w.translate('chiso.editor.testCases.missingNode', { code: field.key });
      return `${w.translate(`chiso.kind.${node.kind}`)} ${node.code} ${w.lt(node.title)}`.trim();
    }
    case 'results': {
      const def = doc.resultFields?.find((r) => r.id === field.key);
      return def ? w.lt(def.label) : field.key;
    }
    case 'cohortAverages': {
      const cohort = doc.cohorts?.find((c) => c.id === field.key);
      return w.translate('chiso.editor.testCases.field.cohortAverage', { cohort: cohort ? w.lt(cohort.name) : field.key });
    }
    default:
      return w.translate(`chiso.editor.testCases.field.${field.kind}`);
  }
}

/** A value of an expectation or a result as shown: numbers in the locale, bands and cohorts by name. */
export function valueText(doc: RuleSetVersion, field: ExpectField, value: unknown, cohort: string | null, w: Words): string {
  if (value === undefined) return '—';
  if (field.kind === 'band') {
    if (value === null) return w.translate('chiso.editor.testCases.noBand');
    const band = bandsOf(doc, cohort).find((b) => b.id === value) ?? doc.bands.levels.find((b) => b.id === value);
    return band ? w.lt(band.label) : String(value);
  }
  if (field.kind === 'cohort') {
    if (value === null) return w.translate('chiso.editor.testCases.noCohort');
    const c = doc.cohorts?.find((x) => x.id === value);
    return c ? w.lt(c.name) : String(value);
  }
  if (typeof value === 'number') return w.number(value);
  return value === null ? '—' : String(value);
}

const isNumeric = (field: ExpectField) => field.kind !== 'cohort' && field.kind !== 'band';

/**
 * "Tiêu chí S1.1 …: kỳ vọng 2,7, thực tế 3,6". An expected band is read in the bands of the cohort
 * the case expects, the actual one in those of the cohort it fell in.
 */
export function failureText(doc: RuleSetVersion, test: TestCase, result: TestCaseResult, failure: Failure, w: Words): string {
  const field = parseField(failure.field);
  return w.translate('chiso.editor.testCases.failure', {
    what: fieldLabel(doc, field, w),
    expected: valueText(doc, field, failure.expected, cohortOfCase(test, result), w),
    actual: valueText(doc, field, failure.actual, result.evaluation.cohort, w),
  });
}

export interface AcceptRow {
  field: string;
  what: string;
  old: string;
  new: string;
}

/** What accepting a run's result changes in a case, expectation by expectation: old and new. */
export function acceptRows(doc: RuleSetVersion, test: TestCase, result: TestCaseResult, w: Words): AcceptRow[] {
  return result.failures.map((f) => {
    const field = parseField(f.field);
    const dropped = isNumeric(field) && typeof f.actual !== 'number';
    return {
      field: f.field,
      what: fieldLabel(doc, field, w),
      old: valueText(doc, field, f.expected, cohortOfCase(test, result), w),
      new: dropped ? w.translate('chiso.editor.testCases.notChecked') : valueText(doc, field, f.actual, result.evaluation.cohort, w),
    };
  });
}

/** The nodes a case expects points of, in the order of the tree (names no longer in it last). */
export function expectedNodes(doc: RuleSetVersion, points: Record<string, number> | undefined): { key: string; node?: Node }[] {
  const order = treeNodes(doc);
  const rank = (key: string) => {
    const i = order.findIndex((n) => n.code === key || n.id === key);
    return i < 0 ? order.length : i;
  };
  return Object.keys(points ?? {})
    .sort((a, b) => rank(a) - rank(b))
    .map((key) => ({ key, node: order[rank(key)] }));
}

export interface TestRunState {
  results: TestCaseResult[];
  /** The document the run was made on (saved just before it). */
  doc: RuleSetVersion;
}

/**
 * The last run's result for a case of the document as it is now, or null when the run no longer
 * tells about it: the rules changed since (any part besides the cases), or this case did. Edits
 * are immutable, so an untouched part keeps its identity.
 */
export function resultOf(run: TestRunState | null, doc: RuleSetVersion, test: TestCase): TestCaseResult | null {
  if (!run) return null;
  const keys = new Set([...Object.keys(run.doc), ...Object.keys(doc)]);
  for (const k of keys)
    if (k !== 'tests' && (run.doc as unknown as Record<string, unknown>)[k] !== (doc as unknown as Record<string, unknown>)[k]) return null;
  const at = run.doc.tests?.indexOf(test) ?? -1;
  return at >= 0 ? (run.results[at] ?? null) : null;
}

/** A node's points in a run, rounded as the version rounds what the test cases compare. */
export function pointsInRun(doc: RuleSetVersion, result: TestCaseResult, key: string): number | null {
  const walk = (nodes: TestCaseResult['evaluation']['nodes']): string | null => {
    for (const n of nodes) {
      if (n.code === key || n.id === key) return n.points;
      const found = n.children ? walk(n.children) : null;
      if (found !== null) return found;
    }
    return null;
  };
  const exact = walk(result.evaluation.nodes);
  return exact === null ? null : Exact.of(exact).round(doc.numeric.places, doc.numeric.rounding).toNumber();
}

/** A copy of a case to start a new one from, under a name no other case has. */
export function copyOfCase(test: TestCase, taken: readonly TestCase[], suffix: (n: number) => string): TestCase {
  let n = 1;
  while (taken.some((t) => t.name === `${test.name} ${suffix(n)}`)) n++;
  return { ...structuredClone(test), name: `${test.name} ${suffix(n)}` };
}
