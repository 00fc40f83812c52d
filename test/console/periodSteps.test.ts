// The period's step button (console/src/periods/steps.ts): a period only moves forward, and the
// last step, publication, is reached by publishing the ranking, never by the step button.
import { describe, expect, it } from 'vitest';
import { nextStep, PERIOD_STEPS } from '../../console/src/periods/steps';
import { mainIndices } from '../../server/engine';

describe('nextStep', () => {
  it('open → appraisal → closed, then no button', () => {
    expect(PERIOD_STEPS).toEqual(['open', 'appraisal', 'closed', 'published']);
    expect(nextStep('open')).toBe('appraisal');
    expect(nextStep('appraisal')).toBe('closed');
    expect(nextStep('closed')).toBeNull();
    expect(nextStep('published')).toBeNull();
  });

  it('an unknown status offers no step', () => {
    expect(nextStep('draft')).toBeNull();
    expect(nextStep('')).toBeNull();
  });
});

describe('charts: main indices', () => {
  it("main indices are the top-level nodes, or a group's children, without the not-scored ones", () => {
    const n = (code: string, extra: object = {}) => ({ code, kind: 'index', status: 'scored', points: 1, ...extra }) as any;
    const nodes = [n('1'), n('G', { kind: 'group', children: [n('2'), n('3', { status: 'notScored' })] }), n('4', { status: 'notScored' })];
    expect(mainIndices(nodes).map((x) => x.code)).toEqual(['1', '2']);
  });
});
