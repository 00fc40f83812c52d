// The version a period is assessed under, compiled once. Compiling takes far longer than
// evaluating, so compiled versions are kept in memory under the hash stored when the version was
// published (a published document never changes, so it is never hashed again); a draft is kept under
// its ETag, which every edit replaces. A hit reads the version's row without its document.
import {
  assignCohort,
  type CohortAssignment,
  type CompiledVersion,
  compileVersion,
  type Evaluation,
  type EvaluationView,
  explainEvaluation,
  type RuleSetVersion,
} from '../engine';
import type { Queryable } from '../store/db';
import { toEngineAgency, type Agency } from '../store/agencies';
import type { Period } from '../store/periods';
import { requireVersion, versionHeader, type Version } from '../store/versions';
import { notFound, Problem } from '../problems/problem';

export type VersionWithDocument = Version & { document: RuleSetVersion };

export interface LoadedVersion {
  version: VersionWithDocument;
  compiled: CompiledVersion;
}

const MAX_ENTRIES = 32;
const cache = new Map<string, CompiledVersion>();

/** Where a compiled version is kept: under its stored hash once published, a draft under its ETag. */
export const keyOf = (v: Pick<Version, 'id' | 'hash' | 'etag'>): string => v.hash ?? `draft:${v.id}:${v.etag}`;

function remember(key: string, compiled: CompiledVersion): CompiledVersion {
  // Re-inserting moves the entry to the back: the map's insertion order is the eviction order.
  cache.delete(key);
  cache.set(key, compiled);
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return compiled;
}

/** A stored version compiled, from memory when it was compiled before. */
function compiledFor(version: VersionWithDocument): CompiledVersion {
  const key = keyOf(version);
  return remember(key, cache.get(key) ?? compileVersion(version.document));
}

/** Reads a version once: only its row's header when its compiled form is in memory, else the whole row. */
export async function loadVersion(db: Queryable, id: string): Promise<LoadedVersion> {
  const header = await versionHeader(db, id);
  if (!header) throw notFound({ vi: 'phiên bản', en: 'Version' }, id);
  const hit = cache.get(keyOf(header));
  if (hit) return { version: { ...header, document: hit.version }, compiled: remember(keyOf(header), hit) };
  const version = await requireVersion(db, id);
  return { version, compiled: compiledFor(version) };
}

/** The period's pinned version, or another version of the same rule set when asked for. */
export async function periodVersion(db: Queryable, period: Period, versionId?: string): Promise<LoadedVersion> {
  const loaded = await loadVersion(db, versionId ?? period.versionId);
  const { version } = loaded;
  if (version.ruleSet !== period.ruleSet) {
    throw new Problem(
      'rule-set-mismatch',
      {
        vi: `Phiên bản ${version.version} thuộc bộ chỉ số "${version.ruleSet}", còn kỳ đánh giá thuộc "${period.ruleSet}".`,
        en: `Version ${version.version} belongs to rule set "${version.ruleSet}"; the period belongs to "${period.ruleSet}".`,
      },
      [{ severity: 'error', path: '/versionId', code: 'rule-set-mismatch', message: { vi: 'Khác bộ chỉ số', en: 'Another rule set' } }],
    );
  }
  return loaded;
}

/** The cohort an agency falls in under a compiled version. */
export const cohortFor = (compiled: CompiledVersion, agency: Agency): CohortAssignment => assignCohort(compiled, toEngineAgency(agency));

/** Stored results as people read them (titles, explanations), for the API, the console and the files. */
export const viewsOf = (compiled: CompiledVersion, results: readonly (Evaluation | EvaluationView)[]): EvaluationView[] =>
  results.map((r) => explainEvaluation(compiled, r));
