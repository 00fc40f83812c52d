// A failed test case, as the publication refusal and `chiso test` word it: items by kind, code and
// title, bands and cohorts by their labels, numbers as each language writes them.
import { describe, expect, it } from 'vitest';
import { compileVersion, failureText, runTestCases } from '../../server/engine';
import { sonLa2021 } from '../support/fixtures';

describe('failureText', () => {
  const version = sonLa2021();
  const first = version.criteria[0].children![0];

  it('names a criterion by its kind, code and title, with Vietnamese numbers', () => {
    const words = failureText(version, { field: `points.${first.code}`, expected: 2.7, actual: 3.6 });
    expect(words.vi).toBe(`Tiêu chí ${first.code} «${first.title.vi}»: kỳ vọng 2,7, thực tế 3,6`);
    expect(words.en).toBe(`Criterion ${first.code} "${first.title.en}": expected 2.7, got 3.6`);
  });

  it('reads bands and cohorts by their labels, never their ids', () => {
    expect(failureText(version, { field: 'band', expected: 'kha', actual: 'tot' }).vi).toBe('xếp loại: kỳ vọng Khá, thực tế Tốt');
    expect(failureText(version, { field: 'cohort', expected: 'huyen', actual: null }).vi).toBe(
      'khối: kỳ vọng UBND các huyện, thành phố, thực tế —',
    );
    expect(failureText(version, { field: 'total', expected: 1000, actual: 999.5 }).vi).toBe('tổng điểm: kỳ vọng 1.000, thực tế 999,5');
  });

  it('the shipped version passes its own cases, so nothing is worded', () => {
    expect(runTestCases(compileVersion(version)).every((r) => r.passed)).toBe(true);
  });
});
