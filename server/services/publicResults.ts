// What anyone may read without signing in: the published rankings and, per agency, its published
// results year by year. Built only from published snapshots and the evaluations they were ranked
// from, and shaped field by field here, so that nothing else of a record (who published it, the
// figures agencies reported, explanations, appraisals) can reach a public answer by accident.
import { pairNodes, walkNodes, type LocalizedText, type Node, type RuleSetVersion } from '../engine';
import { buildResultTable, mainIndices, type CohortTable } from '../files/resultTable';
import type { Queryable } from '../store/db';
import { listPublishedRankings, requirePublishedRanking, type PublishedRanking, type RankingDecision } from '../store/rankings';
import { notFound } from '../problems/problem';
import { loadVersion } from './compiled';
import { publishedResults } from './files';

/** The decision approving a published result (null for rankings published before decisions were recorded). */
export type PublicDecision = RankingDecision;

export interface PublicRankingSummary {
  id: string;
  ruleSet: string;
  ruleSetTitle: LocalizedText;
  title: LocalizedText;
  year: number;
  periodTitle: string;
  versionLabel: string;
  publishedAt: string;
  hash: string;
  decision: PublicDecision | null;
}

export interface PublicBand {
  id: string;
  label: LocalizedText;
  color?: string;
}

export interface PublicCohort {
  id: string;
  name: LocalizedText;
  ranked: boolean;
  max: number;
  average: number;
  /** The main indices scored in this cohort, with the cohort's mean points in each. */
  indices: { code: string; title: LocalizedText; max: number; average: number | null }[];
  entries: {
    rank: number | null;
    agencyId: string;
    agencyName: string;
    /** Points per main index, in the order of `indices` (null where an index does not apply). */
    points: (number | null)[];
    total: number;
    max: number;
    percentage: number;
    band: PublicBand | null;
  }[];
}

export interface PublicRanking extends PublicRankingSummary {
  average: number;
  cohorts: PublicCohort[];
}

export interface PublicAgencyYear {
  rankingId: string;
  ruleSet: string;
  ruleSetTitle: LocalizedText;
  year: number;
  periodTitle: string;
  versionLabel: string;
  cohort: { id: string; name: LocalizedText; agencies: number };
  rank: number | null;
  total: number;
  max: number;
  percentage: number;
  band: PublicBand | null;
  /** Points per main index, with the cohort's mean points in it. */
  indices: {
    code: string;
    title: LocalizedText;
    points: number | null;
    max: number;
    cohortAverage: number | null;
    comparable: boolean | null;
  }[];
  /**
   * Whether this year's criteria compare with the year before (the same main indices, paired by
   * link, id or content, with the same maxima, and the same total maximum); null for the first year.
   */
  comparable: boolean | null;
}

export interface PublicAgencyResults {
  agencyId: string;
  agencyName: string;
  years: PublicAgencyYear[];
}

const decisionOf = (snapshot: PublishedRanking): PublicDecision | null =>
  snapshot.decision
    ? {
        number: snapshot.decision.number,
        date: snapshot.decision.date,
        issuer: snapshot.decision.issuer,
        signerTitle: snapshot.decision.signerTitle,
        signerName: snapshot.decision.signerName,
      }
    : null;

const bandOf = (band: { id: string; label: LocalizedText; color?: string } | null): PublicBand | null =>
  band ? { id: band.id, label: band.label, ...(band.color ? { color: band.color } : {}) } : null;

function summaryOf(snapshot: PublishedRanking, version: RuleSetVersion): PublicRankingSummary {
  return {
    id: snapshot.id,
    ruleSet: snapshot.ruleSet,
    ruleSetTitle: version.ruleSetTitle ?? version.title,
    title: version.title,
    year: snapshot.year,
    periodTitle: snapshot.periodTitle,
    versionLabel: snapshot.versionLabel,
    publishedAt: snapshot.publishedAt,
    hash: snapshot.hash,
    decision: decisionOf(snapshot),
  };
}

function cohortOf(c: CohortTable): PublicCohort {
  const indices = c.indices.map((col, i) => {
    const scored = c.rows.map((r) => r.points[i]).filter((p): p is number => p !== null);
    return {
      code: col.code,
      title: col.title,
      max: col.max,
      average: scored.length ? Math.round((100 * scored.reduce((a, b) => a + b, 0)) / scored.length) / 100 : null,
    };
  });
  return {
    id: c.id,
    name: c.name,
    ranked: c.ranked,
    max: c.max,
    average: c.average,
    indices,
    entries: c.rows.map((r) => ({
      rank: r.rank,
      agencyId: r.agencyId,
      agencyName: r.agencyName,
      points: r.points,
      total: r.total,
      max: r.max,
      percentage: r.percentage,
      band: bandOf(r.band),
    })),
  };
}

async function rankingOf(db: Queryable, snapshot: PublishedRanking): Promise<{ ranking: PublicRanking; version: RuleSetVersion }> {
  const loaded = await loadVersion(db, snapshot.versionId);
  const version = loaded.version.document;
  const { ranking, evaluations } = await publishedResults(db, snapshot, loaded);
  const table = buildResultTable(version, ranking, evaluations, snapshot.periodTitle);
  return {
    ranking: { ...summaryOf(snapshot, version), average: ranking.average, cohorts: table.cohorts.map(cohortOf) },
    version,
  };
}

/** Published rankings by year; of one rule set or year when asked. */
export async function listPublicRankings(
  db: Queryable,
  filter: { ruleSet?: string; year?: number },
  page: { offset: number; limit: number; order: 'ASC' | 'DESC' },
): Promise<{ rows: PublicRankingSummary[]; total: number }> {
  // A corrected ranking is read through the correction that superseded it: the list shows what is in force.
  const { rows, total } = await listPublishedRankings(db, { ...filter, inForce: true }, { orderBy: 'p.year', ...page });
  const out: PublicRankingSummary[] = [];
  for (const snapshot of rows) out.push(summaryOf(snapshot, (await loadVersion(db, snapshot.versionId)).version.document));
  return { rows: out, total };
}

export async function readPublicRanking(db: Queryable, id: string): Promise<PublicRanking> {
  return (await rankingOf(db, await requirePublishedRanking(db, id))).ranking;
}

/** For each main index of `b`, whether it continues one of `a` with the same maximum in the cohort. */
function indexContinuity(a: RuleSetVersion, b: RuleSetVersion): Map<string, Node> {
  const pairs = pairNodes(a, b);
  const aMain = new Set(mainIndices(a));
  const bMain = new Set(mainIndices(b));
  const out = new Map<string, Node>();
  for (const { node, path } of walkNodes(b.criteria)) {
    const before = pairs.get(path)?.node;
    if (bMain.has(node) && before && aMain.has(before)) out.set(node.code, before);
  }
  return out;
}

/** An agency's results in every published ranking, oldest year first; 404 if it is in none. */
export async function publicAgencyResults(db: Queryable, agencyId: string): Promise<PublicAgencyResults> {
  const { rows } = await listPublishedRankings(db, { inForce: true }, { orderBy: 'p.year', order: 'ASC', offset: 0, limit: 1000 });
  let agencyName = '';
  const years: PublicAgencyYear[] = [];
  let previous: { version: RuleSetVersion; year: PublicAgencyYear } | null = null;
  for (const snapshot of rows) {
    if (!snapshot.ranking?.cohorts.some((c) => c.entries.some((e) => e.agencyId === agencyId))) continue;
    const { ranking, version } = await rankingOf(db, snapshot);
    const cohort = ranking.cohorts.find((c) => c.entries.some((e) => e.agencyId === agencyId))!;
    const entry = cohort.entries.find((e) => e.agencyId === agencyId)!;
    agencyName = entry.agencyName;
    const paired = previous ? indexContinuity(previous.version, version) : null;
    const indices = cohort.indices.map((ix, i) => {
      const before = previous && paired?.get(ix.code);
      const was = before ? previous!.year.indices.find((p) => p.code === before.code) : undefined;
      return {
        code: ix.code,
        title: ix.title,
        points: entry.points[i],
        max: ix.max,
        cohortAverage: ix.average,
        comparable: previous ? was !== undefined && was.max === ix.max : null,
      };
    });
    const year: PublicAgencyYear = {
      rankingId: ranking.id,
      ruleSet: ranking.ruleSet,
      ruleSetTitle: ranking.ruleSetTitle,
      year: ranking.year,
      periodTitle: ranking.periodTitle,
      versionLabel: ranking.versionLabel,
      cohort: { id: cohort.id, name: cohort.name, agencies: cohort.entries.length },
      rank: entry.rank,
      total: entry.total,
      max: entry.max,
      percentage: entry.percentage,
      band: entry.band,
      indices,
      comparable: previous
        ? indices.every((i) => i.comparable) && indices.length === previous.year.indices.length && entry.max === previous.year.max
        : null,
    };
    years.push(year);
    previous = { version, year };
  }
  if (!years.length) throw notFound({ vi: 'kết quả đã công bố của cơ quan, đơn vị', en: 'Published results of the agency' }, agencyId);
  return { agencyId, agencyName, years };
}
