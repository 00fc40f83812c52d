// The label a copy of a version is offered (console/src/versions/actions/CopyButton.tsx): an
// amendment is for a coming year, so the year after the rule set's latest; other labels bumped
// until free. The administrator can always type another.
import { describe, expect, it } from 'vitest';
import { suggestLabel } from '../../console/src/versions/actions/CopyButton';

describe('suggestLabel', () => {
  it('offers the year after the latest year-labelled version, whichever year is copied', () => {
    expect(suggestLabel('2021', ['2021', '2023', '2024'])).toBe('2025');
    expect(suggestLabel('2024', ['2021', '2023', '2024', '2024.1'])).toBe('2025');
  });

  it('bumps any other label until it is free', () => {
    expect(suggestLabel('2021.1', ['2021', '2021.1', '2021.2'])).toBe('2021.3');
    expect(suggestLabel('v2', ['v2'])).toBe('v3');
    expect(suggestLabel('ban-thu', ['ban-thu', 'ban-thu.1'])).toBe('ban-thu.2');
  });
});
