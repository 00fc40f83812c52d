// The published result as a table: per cohort, one row per agency with its rank, points per main
// index, total, percentage and band. XLSX, CSV and PDF exports all print this one model, so they
// cannot disagree with each other or with the ranking they came from.
import {
  formatNumber,
  appliesToCohort,
  type BandResult,
  type Bands,
  computedMax,
  declaredMax,
  type EvaluationView,
  type LocalizedText,
  type Node,
  type NodeResult,
  type Ranking,
  type RuleSetVersion,
  viDay,
} from '../engine';

export interface IndexColumn {
  code: string;
  title: LocalizedText;
  max: number;
}

export interface ResultRow {
  rank: number | null;
  agencyId: string;
  agencyName: string;
  /** Points per main index, in the order of `indices`; null where the index does not apply. */
  points: (number | null)[];
  total: number;
  max: number;
  percentage: number;
  band: BandResult | null;
  results: Record<string, number>;
}

export interface CohortTable {
  id: string;
  name: LocalizedText;
  ranked: boolean;
  max: number;
  average: number;
  bands: Bands;
  indices: IndexColumn[];
  rows: ResultRow[];
}

export interface ResultTable {
  ruleSet: string;
  ruleSetTitle: LocalizedText;
  title: LocalizedText;
  version: string;
  versionHash: string;
  rankingHash: string;
  legalBasis: Required<LocalizedText>;
  periodTitle?: string;
  /** Decimal places of points, from the version's numeric policy. */
  places: number;
  resultFields: { id: string; label: LocalizedText; places: number }[];
  cohorts: CohortTable[];
  average: number;
}

/** The main indices: the outermost `index` nodes (below any groups); the top-level nodes if there are none. */
export function mainIndices(version: RuleSetVersion): Node[] {
  const found: Node[] = [];
  const visit = (nodes: readonly Node[]) => {
    for (const node of nodes) {
      if (node.kind === 'index') found.push(node);
      else if (node.children) visit(node.children);
    }
  };
  visit(version.criteria);
  return found.length ? found : [...version.criteria];
}

function findNode(nodes: readonly NodeResult[], code: string): NodeResult | undefined {
  for (const node of nodes) {
    if (node.code === code) return node;
    const inner = node.children && findNode(node.children, code);
    if (inner) return inner;
  }
  return undefined;
}

const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);

/** "Căn cứ Quyết định số 2245/QĐ-UBND ngày 15/09/2021 của Ủy ban nhân dân tỉnh Sơn La về việc …". */
export function legalBasisLine(version: RuleSetVersion): Required<LocalizedText> {
  const { decision, date, issuer, title } = version.legalBasis;
  return {
    vi: `Căn cứ Quyết định số ${decision} ngày ${viDay(date)} của ${issuer}${title ? ` về việc ${lowerFirst(title.vi)}` : ''}`,
    en: `Under Decision ${decision} of ${date} by ${issuer}${title?.en ? ` (${title.en})` : ''}`,
  };
}

/** A number with the version's places, Vietnamese style: "82,50". */
export const formatVi = (value: number, places: number): string => formatNumber(value, 'vi', places);

export function buildResultTable(
  version: RuleSetVersion,
  ranking: Ranking,
  evaluations: EvaluationView[],
  periodTitle?: string,
): ResultTable {
  const indices = mainIndices(version);
  const byAgency = new Map(evaluations.map((e) => [e.agencyId, e]));
  const cohorts = ranking.cohorts.map((cr): CohortTable => {
    const cohort = version.cohorts.find((c) => c.id === cr.cohort);
    const columns = indices
      .filter((node) => appliesToCohort(node, cr.cohort))
      .map((node) => ({
        code: node.code,
        title: node.title,
        max: (declaredMax(node, cr.cohort) ?? computedMax(node, cr.cohort)).toNumber(),
      }));
    const rows = cr.entries.map((entry): ResultRow => {
      const evaluation = byAgency.get(entry.agencyId);
      return {
        rank: entry.rank,
        agencyId: entry.agencyId,
        agencyName: entry.agencyName,
        points: columns.map((col) => {
          const node = evaluation && findNode(evaluation.nodes, col.code);
          return node && node.status !== 'notApplicable' ? node.points : null;
        }),
        total: entry.total,
        max: evaluation?.max ?? cr.max,
        percentage: entry.percentage,
        band: entry.band,
        results: entry.results,
      };
    });
    return {
      id: cr.cohort,
      name: cr.name,
      ranked: cr.ranked,
      max: cr.max,
      average: cr.average,
      bands: cohort?.bands ?? version.bands,
      indices: columns,
      rows,
    };
  });
  return {
    ruleSet: version.ruleSet,
    ruleSetTitle: version.ruleSetTitle ?? version.title,
    title: version.title,
    version: version.version,
    versionHash: ranking.versionHash,
    rankingHash: ranking.hash,
    legalBasis: legalBasisLine(version),
    ...(periodTitle ? { periodTitle } : {}),
    places: version.numeric.places,
    resultFields: (version.resultFields ?? []).map((f) => ({ id: f.id, label: f.label, places: f.places })),
    cohorts,
    average: ranking.average,
  };
}

/** "Hạ tầng và nền tảng số (40 điểm)". */
export const indexHeader = (col: IndexColumn, lang: 'vi' | 'en' = 'vi'): string =>
  lang === 'vi'
    ? `${col.code}. ${col.title.vi} (${formatNumber(col.max, 'vi')} điểm)`
    : `${col.code}. ${col.title.en ?? col.title.vi} (${col.max} points)`;

/** Excel number format for n decimal places: "0.00". */
export const numFmt = (places: number): string => (places > 0 ? `0.${'0'.repeat(places)}` : '0');

/** Black or white, whichever reads better on a band colour ("#2e7d32" → white). */
export function contrastText(hex: string): '#000000' | '#FFFFFF' {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const luminance = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  return luminance > 0.179 ? '#000000' : '#FFFFFF';
}
