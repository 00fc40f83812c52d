// The hand-off to the Department of Home Affairs (Sở Nội vụ): every agency's published result of a
// rule set, year by year, from the published rankings in force only (a ranking superseded by a
// correction gives way to the correction), each row with the decision that approved it. A read,
// like the other exports: nothing is written, so nothing is audited.
import type { Queryable } from '../store/db';
import { listPublishedRankings } from '../store/rankings';
import { requireRuleSet } from '../store/ruleSets';
import { exportHomeAffairsCsv, exportHomeAffairsXlsx, type HandOffRow } from '../files/exportHomeAffairs';
import { buildResultTable } from '../files/resultTable';
import { fieldProblem, Problem } from '../problems/problem';
import { loadVersion } from './compiled';
import { publishedResults, type NamedFile } from './files';

export const HAND_OFF_FORMATS = ['xlsx', 'csv'] as const;
export type HandOffFormat = (typeof HAND_OFF_FORMATS)[number];

export interface HandOffQuery {
  ruleSet: string;
  fromYear?: number;
  toYear?: number;
}

/** More years than any rule set will have published rankings for. */
const MAX_RANKINGS = 1000;

/** The rows of the published rankings in force, by year, khối (in the version's order) and rank. */
async function handOffRows(db: Queryable, query: HandOffQuery): Promise<HandOffRow[]> {
  const { rows: snapshots } = await listPublishedRankings(
    db,
    { ruleSet: query.ruleSet, fromYear: query.fromYear, toYear: query.toYear, inForce: true },
    { orderBy: 'p.year', order: 'ASC', offset: 0, limit: MAX_RANKINGS },
  );
  const out: HandOffRow[] = [];
  for (const snapshot of snapshots) {
    if (!snapshot.ranking) continue;
    const loaded = await loadVersion(db, snapshot.versionId);
    const version = loaded.version.document;
    const { ranking, evaluations } = await publishedResults(db, snapshot, loaded);
    const table = buildResultTable(version, ranking, evaluations, snapshot.periodTitle);
    const decision = snapshot.decision
      ? { number: snapshot.decision.number, date: snapshot.decision.date, issuer: snapshot.decision.issuer }
      : null;
    for (const cohort of table.cohorts) {
      // Ranked rows first in rank order; a khối that is not ranked keeps the ranking's order.
      const rows = cohort.rows
        .map((r, i) => ({ r, i }))
        .sort((a, b) => (a.r.rank ?? Infinity) - (b.r.rank ?? Infinity) || a.i - b.i)
        .map(({ r }) => r);
      for (const r of rows) {
        out.push({
          year: snapshot.year,
          agencyId: r.agencyId,
          agencyName: r.agencyName,
          cohort: cohort.name.vi,
          total: r.total,
          max: r.max,
          percentage: r.percentage,
          band: r.band?.label.vi ?? '',
          rank: r.rank,
          cohortSize: cohort.rows.length,
          places: table.places,
          decision,
        });
      }
    }
  }
  return out;
}

/** The hand-off as a workbook or a CSV; 400 for a rule set that is not there, 404 while nothing of it is published. */
export async function exportHomeAffairs(
  db: Queryable,
  query: HandOffQuery,
  format: HandOffFormat,
  options: { semicolon?: boolean } = {},
): Promise<NamedFile> {
  const ruleSet = await requireRuleSet(db, query.ruleSet).catch((e: unknown) => {
    if (!(e instanceof Problem) || e.status !== 404) throw e;
    throw fieldProblem('invalid-query', '/query/ruleSet', {
      vi: `Không có bộ chỉ số "${query.ruleSet}".`,
      en: `There is no rule set "${query.ruleSet}".`,
    });
  });
  const rows = await handOffRows(db, query);
  if (!rows.length) {
    const span = yearSpan(query);
    throw new Problem('not-found', {
      vi: `Chưa có kết quả công bố của bộ chỉ số «${ruleSet.title.vi}»${span.vi}.`,
      en: `No published results of the rule set "${ruleSet.title.en ?? ruleSet.title.vi}"${span.en} yet.`,
    });
  }
  const input = { ruleSet: ruleSet.id, ruleSetTitle: ruleSet.title.vi, rows };
  const body =
    format === 'xlsx' ? await exportHomeAffairsXlsx(input) : exportHomeAffairsCsv(input, { delimiter: options.semicolon ? ';' : ',' });
  const [first, last] = [rows[0].year, rows[rows.length - 1].year];
  const years = first === last ? `${first}` : `${first}-${last}`;
  return { name: `ban-giao-so-noi-vu-${ruleSet.id}-${years}.${format}`.replace(/[^A-Za-z0-9_.-]/g, '-'), body };
}

function yearSpan({ fromYear, toYear }: HandOffQuery): { vi: string; en: string } {
  if (fromYear !== undefined && toYear !== undefined)
    return fromYear === toYear
      ? { vi: ` năm ${fromYear}`, en: ` for ${fromYear}` }
      : { vi: ` từ năm ${fromYear} đến năm ${toYear}`, en: ` from ${fromYear} to ${toYear}` };
  if (fromYear !== undefined) return { vi: ` từ năm ${fromYear}`, en: ` from ${fromYear}` };
  if (toYear !== undefined) return { vi: ` đến năm ${toYear}`, en: ` up to ${toYear}` };
  return { vi: '', en: '' };
}
