// Results stored by an earlier engine must still replay as verified under this one. Each folder of
// test/fixtures/replay/ holds what an engine version stored (captured by capture.ts before that
// engine was changed): the Son La 2021 demo period as stored by the services, and batches of every
// shipped version. Each is replayed here: the same meaning (status, exact points and maximum of every
// node; totals, band, result fields; ranks and the published ranking's hash), the same explanations,
// and every stored record still matching its own hash.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  ENGINE_VERSION,
  compileVersion,
  evaluateSubmission,
  evaluateSubmissions,
  explainEvaluation,
  meaningOf,
  rankEvaluations,
  rankingHashOf,
  resultHashOf,
  type Evaluation,
  type EvaluationView,
  type NodeResult,
  type Ranking,
  type RuleSetVersion,
  type SubmissionInput,
} from '../../server/engine';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixtures = path.join(root, 'test/fixtures/replay');
const load = <T>(folder: string, name: string): T =>
  JSON.parse(gunzipSync(readFileSync(path.join(fixtures, folder, `${name}.json.gz`))).toString('utf8')) as T;
const folders = readdirSync(fixtures).filter((f) => f.startsWith('engine-'));

interface StoredRow {
  id: string;
  version_id: string;
  input: SubmissionInput;
  result: EvaluationView | Evaluation;
  result_hash: string;
  engine_version: string;
}
interface Database {
  tables: {
    versions: { id: string; document: RuleSetVersion; hash: string }[];
    evaluations: StoredRow[];
    published_rankings: { version_id: string; ranking: Ranking; hash: string; evaluation_ids: string[] }[];
  };
}
interface Batch {
  name: string;
  version: string | RuleSetVersion;
  inputs: SubmissionInput[];
  evaluations: (EvaluationView | Evaluation)[];
  ranking: Ranking;
}

/** Every criterion's explanation, by code, as a person reads it. */
const explanations = (nodes: readonly NodeResult[], out: Record<string, unknown> = {}) => {
  for (const n of nodes) {
    if (n.explanation) out[n.code] = n.explanation;
    if (n.children) explanations(n.children, out);
  }
  return out;
};

/**
 * An explanation written by engine 1, with the whole numbers of its arithmetic grouped as the
 * server writes them today ("8723 ÷ 10364" → "8.723 ÷ 10.364"); prose such as "Năm 2021" and every
 * other word and digit must be the same.
 */
const groupedToday = (byCode: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(byCode).map(([code, e]) => {
      const { vi, en } = e as { vi: string; en: string };
      const group = (text: string, separator: string) =>
        text.replace(/(?<=^|[ (])\d{4,}(?=( [÷×=→]|\/))|(?<=[÷×=→/] ?)\d{4,}(?![\d.,])/g, (digits) =>
          digits.replace(/\B(?=(\d{3})+$)/g, separator),
        );
      return [code, { vi: group(vi, '.'), en: group(en, ',') }];
    }),
  );

describe.each(folders)('results stored by %s replay under engine ' + ENGINE_VERSION, (folder) => {
  it('the Son La 2021 period as stored: every evaluation, and the published ranking', () => {
    const { tables } = load<Database>(folder, 'database');
    const [publishedRanking] = tables.published_rankings;
    const version = tables.versions.find((v) => v.id === publishedRanking.version_id)!;
    const compiled = compileVersion(version.document);
    expect(compiled.hash).toBe(version.hash);
    expect(tables.evaluations.length).toBeGreaterThan(32);
    for (const row of tables.evaluations) {
      expect(resultHashOf(row.result), `stored record ${row.id} intact`).toBe(row.result_hash);
      const actual = evaluateSubmission(compiled, row.input, row.result.context);
      expect(meaningOf(actual), `evaluation ${row.id}`).toEqual(meaningOf(row.result));
      expect(explanations(explainEvaluation(compiled, actual).nodes)).toEqual(
        groupedToday(explanations(explainEvaluation(compiled, row.result).nodes)),
      );
    }
    expect(rankingHashOf(publishedRanking.ranking)).toBe(publishedRanking.hash);
    const byId = new Map(tables.evaluations.map((e) => [e.id, e]));
    const inputs = publishedRanking.evaluation_ids.map((id) => byId.get(id)!.input);
    const replayed = evaluateSubmissions(compiled, inputs);
    replayed.forEach((e, i) => expect(meaningOf(e)).toEqual(meaningOf(byId.get(publishedRanking.evaluation_ids[i])!.result)));
    const ranking = rankEvaluations(compiled, replayed);
    expect(ranking).toEqual(publishedRanking.ranking);
    expect(ranking.hash).toBe(publishedRanking.hash);
  });

  it('batches of every shipped version and a generated one: same meaning, explanations and ranking', () => {
    const { cases } = load<{ cases: Batch[] }>(folder, 'shipped');
    for (const c of cases) {
      const version =
        typeof c.version === 'string' ? (JSON.parse(readFileSync(path.join(root, c.version), 'utf8')) as RuleSetVersion) : c.version;
      const compiled = compileVersion(version);
      const actual = evaluateSubmissions(compiled, c.inputs);
      actual.forEach((e, i) => {
        expect(meaningOf(e), `${c.name}: ${e.agencyId}`).toEqual(meaningOf(c.evaluations[i]));
        expect(explanations(explainEvaluation(compiled, e).nodes), `${c.name}: ${e.agencyId}`).toEqual(
          groupedToday(explanations(explainEvaluation(compiled, c.evaluations[i]).nodes)),
        );
      });
      expect(rankEvaluations(compiled, actual).hash, c.name).toBe(c.ranking.hash);
    }
  });
});
