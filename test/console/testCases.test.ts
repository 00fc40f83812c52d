// The test-case editor's helpers (console/src/versions/editor/testCases.ts), on Son La 2021 and
// its own seven cases run by the engine: an administrator raises a criterion's maximum, reads the
// failures in the tree's codes and titles and the bands' labels, accepts the current result, and
// the cases pass again.
import { describe, expect, it } from 'vitest';
import { compileVersion, runTestCases, type RuleSetVersion, type TestCaseResult } from '../../server/engine';
import { i18nProvider } from '../../console/src/i18n/i18nProvider';
import { setAt } from '../../console/src/versions/editor/docOps';
import {
  acceptRows,
  acceptedExpectations,
  copyOfCase,
  expectedAt,
  expectedNodes,
  failureText,
  fieldLabel,
  parseField,
  pointsInRun,
  resultOf,
  valueText,
  type Words,
} from '../../console/src/versions/editor/testCases';
import sonLa from '../../rules/son-la/2021.json';

const original = sonLa as unknown as RuleSetVersion;
const words: Words = {
  lt: (t) => (typeof t === 'string' ? t : (t?.vi ?? '')),
  translate: (key, opts) => i18nProvider.translate(key, opts),
  number: (n) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 6 }).format(n),
};
const run = (doc: RuleSetVersion): TestCaseResult[] => runTestCases(compileVersion(doc));
// S1.1 "Tỷ lệ CBCCVC được trang bị máy tính" is proportional: 45 of 50 staff give 2.7 of 3, 3.6 of 4.
const raised = setAt(original, '/criteria/0/children/0/max', 4);

describe('a failure in words', () => {
  it('splits a field at its first dot only, since codes hold dots', () => {
    expect(parseField('points.S2.1.2')).toEqual({ kind: 'points', key: 'S2.1.2' });
    expect(parseField('cohortAverages.so-nganh')).toEqual({ kind: 'cohortAverages', key: 'so-nganh' });
    expect(parseField('band')).toEqual({ kind: 'band' });
  });

  it('names a criterion by its kind, code and title, and a band by its label, with Vietnamese numbers', () => {
    const results = run(raised);
    const [first, second] = results;
    expect(first.passed).toBe(false);
    const texts = first.failures.map((f) => failureText(raised, raised.tests![0], first, f, words));
    expect(texts).toContain('Tiêu chí S1.1 Tỷ lệ CBCCVC được trang bị máy tính phục vụ công việc: kỳ vọng 2,7, thực tế 3,6');
    expect(texts).toContain('Chỉ số chính 1 Hạ tầng và nền tảng số: kỳ vọng 16,2, thực tế 17,1');
    expect(texts).toContain('Tổng điểm: kỳ vọng 85, thực tế 85,05');
    const band = second.failures.find((f) => f.field === 'band')!;
    expect(failureText(raised, raised.tests![1], second, band, words)).toBe('Xếp loại: kỳ vọng Khá, thực tế Tốt');
    expect(texts.join(' ')).not.toMatch(/points\.|kha|tot/);
  });

  it('says when a case names a criterion the tree no longer has, and what no band or cohort means', () => {
    expect(fieldLabel(original, { kind: 'points', key: 'S9.9' }, words)).toBe('Mục S9.9 (không còn trong cây tiêu chí)');
    expect(fieldLabel(original, { kind: 'points', key: 'may-tinh-cbccvc' }, words)).toMatch(/^Tiêu chí S1\.1 /);
    expect(valueText(original, { kind: 'band' }, null, null, words)).toBe('Không đạt mức xếp loại nào');
    expect(valueText(original, { kind: 'cohort' }, 'so-nganh', null, words)).toBe(
      words.lt(original.cohorts.find((c) => c.id === 'so-nganh')!.name),
    );
    expect(valueText(original, { kind: 'cohort' }, null, null, words)).toBe('Không thuộc khối nào');
  });
});

describe('accepting the current result', () => {
  it('sets each failing expectation to what the run gave, and then every case passes', () => {
    const results = run(raised);
    expect(results.filter((r) => !r.passed).map((r) => r.name)).toHaveLength(3);
    const tests = raised.tests!.map((t, i) =>
      results[i].passed ? t : { ...t, expect: acceptedExpectations(t.expect, results[i].failures) },
    );
    const accepted = { ...raised, tests };
    expect(tests[0].expect.points!['S1.1']).toBe(3.6);
    expect(tests[0].expect.total).toBe(85.05);
    expect(tests[1].expect.band).toBe('tot');
    // the case keeps checking the same things: nothing added, nothing dropped
    expect(Object.keys(tests[0].expect.points!).sort()).toEqual(Object.keys(raised.tests![0].expect.points!).sort());
    expect(run(accepted).every((r) => r.passed)).toBe(true);
  });

  it('shows old and new side by side, in labels', () => {
    const results = run(raised);
    const rows = acceptRows(raised, raised.tests![1], results[1], words);
    expect(rows).toEqual([
      { field: 'total', what: 'Tổng điểm', old: '84,99', new: '85,04' },
      { field: 'band', what: 'Xếp loại', old: 'Khá', new: 'Tốt' },
    ]);
  });

  it('stops expecting a number the run no longer has, and keeps an expected "no band"', () => {
    const next = acceptedExpectations({ points: { 'S1.1': 2.7, 'S9.9': 1 }, band: 'kha', total: 3 }, [
      { field: 'points.S9.9', expected: 1, actual: null },
      { field: 'band', expected: 'kha', actual: null },
    ]);
    expect(next).toEqual({ points: { 'S1.1': 2.7 }, band: null, total: 3 });
    expect(
      acceptRows(
        original,
        original.tests![0],
        { ...run(original)[0], failures: [{ field: 'points.S9.9', expected: 1, actual: null }] },
        words,
      )[0].new,
    ).toBe('Không kiểm tra');
  });
});

describe('the cases of the document as it is now', () => {
  it('keeps a run for the cases it ran on, until the rules or that case change', () => {
    const results = run(original);
    const state = { results, doc: original };
    expect(resultOf(state, original, original.tests![2])).toBe(results[2]);
    // renaming another case leaves this one's result standing; the renamed one must run again
    const renamed = setAt(original, '/tests/0/name', 'Sở mẫu, đổi tên');
    expect(resultOf(state, renamed, renamed.tests![2])).toBe(results[2]);
    expect(resultOf(state, renamed, renamed.tests![0])).toBeNull();
    // a case removed before it: still found, by identity, not by position
    const removed = { ...original, tests: original.tests!.slice(1) };
    expect(resultOf(state, removed, removed.tests![1])).toBe(results[2]);
    // any change of the rules: no result tells about the document any more
    expect(resultOf(state, raised, raised.tests![2])).toBeNull();
    expect(resultOf(null, original, original.tests![0])).toBeNull();
  });

  it("lists expected points in the order of the tree, and reads a node's rounded points from a run", () => {
    const keys = expectedNodes(original, { 'S5.4': 1, '1': 2, 'S1.4': 3, gone: 4 }).map((e) => e.key);
    expect(keys).toEqual(['1', 'S1.4', 'S5.4', 'gone']);
    const [first] = run(original);
    expect(pointsInRun(original, first, 'S1.1')).toBe(2.7);
    expect(pointsInRun(original, first, 'may-tinh-cbccvc')).toBe(2.7);
    expect(pointsInRun(original, first, 'S9.9')).toBeNull();
    expect(expectedAt(original.tests![0].expect, 'points.S1.1')).toBe(2.7);
    expect(expectedAt(original.tests![0].expect, 'band')).toBe('tot');
  });

  it('copies a case under a name no other case has', () => {
    const tests = original.tests!;
    const suffix = (n: number) => `(bản sao ${n})`;
    const copy = copyOfCase(tests[0], tests, suffix);
    expect(copy.name).toBe(`${tests[0].name} (bản sao 1)`);
    expect(copyOfCase(tests[0], [...tests, copy], suffix).name).toBe(`${tests[0].name} (bản sao 2)`);
    expect(copy.facts).toEqual(tests[0].facts);
    expect(copy.facts).not.toBe(tests[0].facts);
  });
});
