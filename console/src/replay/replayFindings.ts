import type { ReplayResult } from '../providers/dataProvider';

/** What the auditor can be told about a replay: each has its words under the replay's why. */
export const REPLAY_FINDINGS = ['tampered', 'versionChanged', 'hashDiffers', 'differences', 'meaning'] as const;

/** One thing the auditor is told about a replay, with the values its words take. */
export interface ReplayFinding {
  key: (typeof REPLAY_FINDINGS)[number];
  severity: 'error' | 'info';
  values?: Record<string, string | number>;
}

/**
 * Why a replay did or did not verify, in the order an auditor follows it: the stored result
 * against its own hash, the version against the hash it was scored under, the recomputed hash,
 * the differences; and, when another engine stored it, that the comparison is of meaning. Two equal
 * hashes under "not reproduced" read as a contradiction unless the first of these is said.
 */
export function replayFindings(result: ReplayResult): ReplayFinding[] {
  const found: ReplayFinding[] = [];
  if (!result.storedIntact) found.push({ key: 'tampered', severity: 'error' });
  if (result.versionHash.expected !== result.versionHash.actual) found.push({ key: 'versionChanged', severity: 'error' });
  if (result.compared === 'record' && result.expectedHash !== result.actualHash) found.push({ key: 'hashDiffers', severity: 'error' });
  if (result.differences.length) found.push({ key: 'differences', severity: 'error', values: { smart_count: result.differences.length } });
  if (result.compared === 'meaning') {
    found.push({
      key: 'meaning',
      severity: 'info',
      values: { stored: result.engineVersion.stored, current: result.engineVersion.current },
    });
  }
  return found;
}
