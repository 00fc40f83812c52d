// What the auditor is told when a replay does not verify (console/src/replay/replayFindings.ts).
// A stored result altered in the database keeps its stored hash, and recomputing gives that same
// hash back: the dialog must say the stored record no longer matches its own hash, or the two equal
// hashes under "Không khớp" read as a contradiction.
import { describe, expect, it } from 'vitest';
import { replayFindings } from '../../console/src/replay/replayFindings';
import type { ReplayResult } from '../../console/src/providers/dataProvider';

const H = (c: string) => c.repeat(64);
const verified: ReplayResult = {
  verified: true,
  expectedHash: H('a'),
  actualHash: H('a'),
  storedIntact: true,
  versionHash: { expected: H('v'), actual: H('v') },
  engineVersion: { stored: '2.0.0', current: '2.0.0' },
  compared: 'record',
  differences: [],
};
const keys = (r: Partial<ReplayResult>) => replayFindings({ ...verified, ...r }).map((f) => f.key);

describe('replayFindings', () => {
  it('says nothing about a result that comes back byte for byte', () => {
    expect(replayFindings(verified)).toEqual([]);
  });

  it('says a stored result altered after storing, where the hashes alone agree', () => {
    const altered = { verified: false, storedIntact: false, differences: [{ path: '/nodes/0/points', expected: '4', actual: '2.8125' }] };
    expect(keys(altered)).toEqual(['tampered', 'differences']);
    expect(replayFindings({ ...verified, ...altered })[1].values).toEqual({ smart_count: 1 });
  });

  it('says an altered version and another recomputed hash', () => {
    expect(keys({ verified: false, versionHash: { expected: H('v'), actual: H('w') }, actualHash: H('b') })).toEqual([
      'versionChanged',
      'hashDiffers',
    ]);
  });

  it('under a newer engine, says the comparison is of meaning and which engines, and does not count other hashes as a fault', () => {
    const found = replayFindings({
      ...verified,
      compared: 'meaning',
      actualHash: H('b'),
      engineVersion: { stored: '1.0.0', current: '2.0.0' },
    });
    expect(found).toEqual([{ key: 'meaning', severity: 'info', values: { stored: '1.0.0', current: '2.0.0' } }]);
  });
});
