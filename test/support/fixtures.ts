// Rule-set documents for tests: the shipped Son La 2021 version, and ways to break it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RuleSetVersion } from '../../server/engine/schemaTypes';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SON_LA_2021 = readFileSync(path.join(root, 'rules/son-la/2021.json'), 'utf8');

let nextYear = 2200;

/**
 * A fresh copy of rules/son-la/2021.json, optionally under another rule set and label. A copy under
 * another label is in force in a year of its own (2200, 2201 …), so that publishing several copies
 * never overlaps another published version — tests of overlapping periods set `effective` themselves.
 */
export function sonLa2021(overrides: { ruleSet?: string; version?: string } = {}): RuleSetVersion {
  const doc = JSON.parse(SON_LA_2021) as RuleSetVersion;
  if (overrides.ruleSet) doc.ruleSet = overrides.ruleSet;
  if (overrides.version) {
    doc.version = overrides.version;
    const year = nextYear++;
    doc.effective = { from: `${year}-01-01`, to: `${year}-12-31` };
  }
  return doc;
}

/** Schema-valid, but two criteria share a code: the linter reports an error. */
export function withDuplicateCode(doc: RuleSetVersion): RuleSetVersion {
  const index = doc.criteria[0];
  index.children![1].code = index.children![0].code;
  return doc;
}

/** Lint-clean, but the first embedded test case expects a total one point higher than it gets. */
export function withWrongExpectation(doc: RuleSetVersion): RuleSetVersion {
  const test = doc.tests![0];
  test.expect.total = (test.expect.total ?? 0) + 1;
  return doc;
}

/** The Tốt (good) band moved from 85 to `min`. */
export function withGoodThreshold(doc: RuleSetVersion, min: number): RuleSetVersion {
  const levels = (doc.bands as { levels: { id: string; min: number }[] }).levels;
  levels.find((l) => l.id === 'tot')!.min = min;
  return doc;
}
