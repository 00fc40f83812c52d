import { Option, type Command } from 'commander';
import { assignCohort, compileVersion, evaluateSubmissions, rankEvaluations } from '../../engine';
import type { Evaluation, Ranking } from '../../engine/evaluation';
import type { Finding } from '../../engine/finding';
import { hasErrors } from '../../engine/finding';
import { checkVersion } from '../../engine/lint';
import { text } from '../../engine/naming';
import type { RuleSetVersion, SubmissionInput } from '../../engine/schemaTypes';
import { validateSubmission } from '../../engine/submissionSchema';
import { guard } from '../support/guard';
import { EXIT, readJsonFile } from '../support/files';
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

/** Checks every submission against the facts asked of its cohort; paths read `submissions[i]/facts/…`. */
async function checkSubmissions(version: RuleSetVersion, submissions: unknown): Promise<Finding[]> {
  if (!Array.isArray(submissions))
    return [
      {
        severity: 'error',
        path: 'submissions',
        code: 'schema',
        message: { vi: 'Tệp bài nộp phải là một danh sách [...]', en: 'The submissions file must be a list [...]' },
      },
    ];
  const compiled = compileVersion(version);
  const problems: Finding[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < submissions.length; i++) {
    const submission = submissions[i];
    // The cohort decides which facts are required; it can only be known from a well-formed agency.
    let cohort: string | null | undefined;
    const agencyFindings = validateSubmission(version, { agency: submission?.agency, facts: {} }).filter((f) =>
      f.path.startsWith('/agency'),
    );
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
  }
  return problems;
}

function rows(evaluations: Evaluation[], ranking: Ranking, lang: Lang): EvaluateRow[] {
  const ranks = new Map<string, number | null>();
  for (const c of ranking.cohorts) for (const e of c.entries) ranks.set(`${c.cohort}\u0000${e.agencyId}`, e.rank);
  return evaluations.map((e) => ({
    agencyId: e.agencyId,
    agencyName: e.agencyName,
    cohort: e.cohort,
    total: e.total,
    max: e.max,
    percentage: e.percentage,
    band: e.band?.id ?? null,
    bandLabel: e.band ? text(e.band.label, lang) : null,
    rank: ranks.get(`${e.cohort}\u0000${e.agencyId}`) ?? null,
    results: e.results,
    hashes: e.hashes,
  }));
}

/** Published figures with the places the version rounds to: "81,30" in Vietnamese, "81.30" in English. */
const number = (n: number, lang: Lang, places?: number) => {
  const t = places === undefined ? String(n) : n.toFixed(places);
  return lang === 'vi' ? t.replace('.', ',') : t;
};

function tables(version: RuleSetVersion, evaluations: Evaluation[], ranking: Ranking, lang: Lang): string {
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
      band: Evaluation['band'];
      results: Record<string, number>;
    },
    max: number,
  ) => [
    r.rank === null ? '—' : String(r.rank),
    r.agencyName,
    number(r.total, lang, places),
    number(max, lang),
    number(r.percentage, lang, places),
    r.band ? text(r.band.label, lang) : '—',
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
        const submissions = readJsonFile(options.submissions);
        let exit: number = EXIT.ok;
        for (const [file, read] of [
          [options.rules, rules],
          [options.submissions, submissions],
        ] as const) {
          if (!read.ok) {
            console.error(findingLine(file, { path: '', severity: 'error', message: read.message }));
            exit = Math.max(exit, read.exit);
          }
        }
        if (!rules.ok || !submissions.ok) {
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
        const problems = await checkSubmissions(version, submissions.value);
        for (const f of problems) console.error(findingLine(options.submissions, f));
        if (hasErrors(problems)) {
          process.exitCode = EXIT.invalid;
          return;
        }
        const compiled = compileVersion(version);
        const evaluations = evaluateSubmissions(compiled, submissions.value as SubmissionInput[]);
        const ranking = rankEvaluations(compiled, evaluations);
        if (options.format === 'json') console.log(JSON.stringify(rows(evaluations, ranking, options.lang), null, 2));
        else console.log(tables(version, evaluations, ranking, options.lang));
      }),
    );
}
