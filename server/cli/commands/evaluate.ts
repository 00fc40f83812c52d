import { Option, type Command } from 'commander';
import { CohortBests, assignCohort, compileVersion, evaluateSubmission, rankEvaluations, scoreOf, type CompiledVersion } from '../../engine';
import type { Evaluation, Ranking, Score } from '../../engine/evaluation';
import { JsonArrayError, readJsonArray } from '../support/jsonArray';
import type { Finding } from '../../engine/finding';
import { hasErrors } from '../../engine/finding';
import { checkVersion } from '../../engine/lint';
import { text } from '../../engine/naming';
import type { RuleSetVersion, SubmissionInput } from '../../engine/schemaTypes';
import { validateSubmission } from '../../engine/submissionSchema';
import { guard } from '../support/guard';
import { EXIT, fileProblem, readJsonFile } from '../support/files';
import { findingLine } from '../support/report';
import { table } from '../support/table';

type Lang = 'vi' | 'en';

interface Options {
  rules: string;
  submissions: string;
  format: 'json' | 'table';
  lang: Lang;
}

/** One line of the JSON output, in input order. */
export interface EvaluateRow {
  agencyId: string;
  agencyName: string;
  cohort: string | null;
  total: number;
  max: number;
  percentage: number;
  band: string | null;
  bandLabel: string | null;
  rank: number | null;
  results: Record<string, number>;
  hashes: Evaluation['hashes'];
}

/** One submission checked against the facts asked of its cohort; paths read `submissions[i]/facts/…`. */
function checkSubmission(version: RuleSetVersion, compiled: CompiledVersion, submission: any, i: number, seen: Map<string, number>): Finding[] {
  const problems: Finding[] = [];
  // The cohort decides which facts are required; it can only be known from a well-formed agency.
  let cohort: string | null | undefined;
  const agencyFindings = validateSubmission(version, { agency: submission?.agency, facts: {} }).filter((f) => f.path.startsWith('/agency'));
  if (agencyFindings.length === 0) cohort = assignCohort(compiled, submission.agency).cohort;
  for (const f of validateSubmission(version, submission, { cohort })) problems.push({ ...f, path: `submissions[${i}]${f.path}` });
  const id = submission?.agency?.id;
  if (typeof id === 'string') {
    if (seen.has(id))
      problems.push({
        severity: 'error',
        path: `submissions[${i}]/agency/id`,
        code: 'duplicate-agency',
        message: {
          vi: `Cơ quan "${id}" đã có bài nộp (submissions[${seen.get(id)}])`,
          en: `Agency "${id}" already has a submission (submissions[${seen.get(id)}])`,
        },
      });
    else seen.set(id, i);
  }
  return problems;
}

/** What is kept of each evaluation while the file streams past: its row, and what ranking needs. */
interface Evaluated {
  row: Omit<EvaluateRow, 'rank'>;
  score: Score;
}

function evaluated(compiled: CompiledVersion, e: Evaluation, lang: Lang): Evaluated {
  return {
    row: {
      agencyId: e.agencyId,
      agencyName: e.agencyName,
      cohort: e.cohort,
      total: e.total,
      max: e.max,
      percentage: e.percentage,
      band: e.band?.id ?? null,
      bandLabel: e.band ? text(e.band.label, lang) : null,
      results: e.results,
      hashes: e.hashes,
    },
    score: scoreOf(compiled, e),
  };
}

const withRanks = (rows: Evaluated[], ranking: Ranking): EvaluateRow[] => {
  const ranks = new Map<string, number | null>();
  for (const c of ranking.cohorts) for (const e of c.entries) ranks.set(`${c.cohort}\u0000${e.agencyId}`, e.rank);
  return rows.map(({ row }) => {
    const { hashes, ...head } = row;
    return { ...head, rank: ranks.get(`${row.cohort}\u0000${row.agencyId}`) ?? null, hashes };
  });
};

/** The rows as one JSON array, written row by row (the output of 100,000 submissions is never one string). */
async function writeJson(rows: EvaluateRow[]): Promise<void> {
  const out = process.stdout;
  const write = (chunk: string) => (out.write(chunk) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve())));
  if (!rows.length) return write('[]\n');
  await write('[\n');
  for (let i = 0; i < rows.length; i++) await write(`  ${JSON.stringify(rows[i], null, 2).replace(/\n/g, '\n  ')}${i + 1 < rows.length ? ',' : ''}\n`);
  await write(']\n');
}

/** Published figures with the places the version rounds to: "81,30" in Vietnamese, "81.30" in English. */
const number = (n: number, lang: Lang, places?: number) => {
  const t = places === undefined ? String(n) : n.toFixed(places);
  return lang === 'vi' ? t.replace('.', ',') : t;
};

function tables(version: RuleSetVersion, evaluations: EvaluateRow[], ranking: Ranking, lang: Lang): string {
  const fields = version.resultFields ?? [];
  const places = version.numeric.places;
  const head =
    lang === 'vi'
      ? ['Hạng', 'Cơ quan', 'Điểm', 'Tối đa', 'Tỷ lệ (%)', 'Xếp loại', ...fields.map((f) => text(f.label, 'vi'))]
      : ['Rank', 'Agency', 'Points', 'Max', 'Percent', 'Band', ...fields.map((f) => text(f.label, 'en'))];
  const line = (
    r: {
      rank: number | null;
      agencyName: string;
      total: number;
      max?: number;
      percentage: number;
      band: Ranking['cohorts'][number]['entries'][number]['band'] | string | null;
      bandLabel?: string | null;
      results: Record<string, number>;
    },
    max: number,
  ) => [
    r.rank === null ? '—' : String(r.rank),
    r.agencyName,
    number(r.total, lang, places),
    number(max, lang),
    number(r.percentage, lang, places),
    typeof r.band === 'string' ? (r.bandLabel ?? r.band) : r.band ? text(r.band.label, lang) : '—',
    ...fields.map((f) => (r.results[f.id] === undefined ? '—' : number(r.results[f.id], lang, f.places))),
  ];
  const blocks: string[] = [];
  for (const c of ranking.cohorts) {
    const byId = new Map(evaluations.filter((e) => e.cohort === c.cohort).map((e) => [e.agencyId, e]));
    const title =
      lang === 'vi'
        ? `Khối: ${text(c.name, 'vi')} (tối đa ${number(c.max, 'vi')} điểm; trung bình ${number(c.average, 'vi')}${c.ranked ? '' : '; không xếp hạng'})`
        : `Cohort: ${text(c.name, 'en')} (maximum ${c.max}; average ${c.average}${c.ranked ? '' : '; not ranked'})`;
    blocks.push(
      `${title}\n${table(
        head,
        c.entries.map((e) => line(e, byId.get(e.agencyId)?.max ?? c.max)),
        [0, 2, 3, 4, ...fields.map((_, k) => 6 + k)],
      )}`,
    );
  }
  const outside = evaluations.filter((e) => e.cohort === null);
  if (outside.length)
    blocks.push(
      `${lang === 'vi' ? 'Không thuộc khối nào (không chấm điểm)' : 'In no cohort (not scored)'}\n${table(
        head,
        outside.map((e) => line({ ...e, rank: null }, e.max)),
        [0, 2, 3, 4],
      )}`,
    );
  return blocks.join('\n\n');
}

/**
 * `chiso evaluate --rules <version.json> --submissions <file.json>`: checks the version and every
 * submission (all problems listed, exit 1), then evaluates and ranks them.
 */
export function register(program: Command): void {
  program
    .command('evaluate')
    .description('Chấm điểm và xếp hạng các bài nộp theo một phiên bản bộ chỉ số / evaluate and rank submissions under a rule-set version')
    .requiredOption('--rules <file>', 'phiên bản bộ chỉ số (JSON) / rule-set version (JSON)')
    .requiredOption('--submissions <file>', 'danh sách bài nộp [{ agency, facts }] / list of submissions [{ agency, facts }]')
    .addOption(new Option('--format <format>', 'định dạng / output format').choices(['json', 'table']).default('table'))
    .addOption(new Option('--lang <lang>', 'ngôn ngữ / language').choices(['vi', 'en']).default('vi'))
    .action(
      guard(async (options: Options) => {
        const rules = readJsonFile(options.rules);
        const readable = fileProblem(options.submissions);
        let exit: number = EXIT.ok;
        if (!rules.ok) {
          console.error(findingLine(options.rules, { path: '', severity: 'error', message: rules.message }));
          exit = rules.exit;
        }
        if (readable) {
          console.error(findingLine(options.submissions, { path: '', severity: 'error', message: readable }));
          exit = EXIT.usage;
        }
        if (!rules.ok || readable) {
          process.exitCode = exit;
          return;
        }
        const versionFindings = await checkVersion(rules.value);
        for (const f of versionFindings) console.error(findingLine(options.rules, f));
        if (hasErrors(versionFindings)) {
          process.exitCode = EXIT.invalid;
          return;
        }
        const version = rules.value as RuleSetVersion;
        const compiled = compileVersion(version);
        // Submissions stream past: checked (every problem listed) and, unless an item compares an
        // agency with the best of its cohort, evaluated on the same pass; otherwise on a second one.
        const twoPasses = compiled.cohortValues.length > 0;
        const bests = new CohortBests(compiled);
        const kept: Evaluated[] = [];
        let problems = 0;
        try {
          const seen = new Map<string, number>();
          let i = 0;
          for await (const submission of readJsonArray(options.submissions)) {
            const found = checkSubmission(version, compiled, submission, i++, seen);
            for (const f of found) console.error(findingLine(options.submissions, f));
            problems += found.filter((f) => f.severity === 'error').length;
            if (problems) continue;
            if (twoPasses) bests.add(submission as SubmissionInput);
            else kept.push(evaluated(compiled, evaluateIn(compiled, submission as SubmissionInput, bests), options.lang));
          }
          if (problems) {
            process.exitCode = EXIT.invalid;
            return;
          }
          if (twoPasses)
            for await (const submission of readJsonArray(options.submissions))
              kept.push(evaluated(compiled, evaluateIn(compiled, submission as SubmissionInput, bests), options.lang));
        } catch (err) {
          if (!(err instanceof JsonArrayError)) throw err;
          const path = err.index === undefined ? 'submissions' : `submissions[${err.index}]`;
          console.error(findingLine(options.submissions, { path, severity: 'error', message: { vi: err.vi, en: err.message } }));
          process.exitCode = EXIT.invalid;
          return;
        }
        const ranking = rankEvaluations(compiled, kept.map((k) => k.score));
        const rows = withRanks(kept, ranking);
        if (options.format === 'json') await writeJson(rows);
        else console.log(tables(version, rows, ranking, options.lang));
      }),
    );
}

/** One submission scored in its cohort's context (with no cohort-compared item, the context is empty). */
const evaluateIn = (compiled: CompiledVersion, submission: SubmissionInput, bests: CohortBests): Evaluation =>
  evaluateSubmission(compiled, submission, bests.contextFor(submission));
