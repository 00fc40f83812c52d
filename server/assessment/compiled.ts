// Compiling a version takes far longer than evaluating with it, so compiled versions are kept in
// memory by the hash of their document: a published version compiles once per process, and an
// edited draft (new hash) compiles afresh.
import { type CompiledVersion, compileVersion, type Evaluation, type EvaluationView, explainEvaluation, hashOf, type RuleSetVersion } from '../engine';

const MAX_ENTRIES = 32;
const cache = new Map<string, CompiledVersion>();

/** The hash is always computed from the document in hand, so a changed document never hits a stale entry. */
export function compiledFor(document: RuleSetVersion): CompiledVersion {
  const hash = hashOf(document);
  const hit = cache.get(hash);
  if (hit) {
    // Move to the back: the map's insertion order is the eviction order.
    cache.delete(hash);
    cache.set(hash, hit);
    return hit;
  }
  const compiled = compileVersion(document);
  cache.set(compiled.hash, compiled);
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return compiled;
}

/** Stored results as people read them (titles, explanations), for the API, the console and the files. */
export const viewsOf = (document: RuleSetVersion, results: readonly (Evaluation | EvaluationView)[]): EvaluationView[] => {
  const compiled = compiledFor(document);
  return results.map((r) => explainEvaluation(compiled, r));
};
