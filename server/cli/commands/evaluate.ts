import { InvalidArgumentError, Option, type Command } from 'commander';
import {
  formatNumber,
  type Agency,
  assignCohort,
  checkVersion,
  CohortBests,
  type CompiledVersion,
  compileVersion,
  ENGINE_VERSION,
  evaluateSubmission,
  type Evaluation,
  Exact,
  type Finding,
  hasErrors,
  type LocalizedText,
  type Node,
  type NodeRecord,
  rankEvaluations,
  type Ranking,
  rounded,
  type RuleSetVersion,
  type Score,
  scoreOf,
  type SubmissionInput,
  text,
  validateSubmission,
} from '../../engine';
import { JsonArrayError, readJsonArray } from '../support/jsonArray';
import { guard } from '../support/guard';
import { EXIT, fileProblem, readJsonFile } from '../support/files';
import { findingLine } from '../support/report';
import { table } from '../support/table';
import { progress } from '../support/progress';

type Lang = 'vi' | 'en';

interface Options {
  rules: string;
  submissions: string;
  format: 'json' | 'table';
  lang: Lang;
  detail?: boolean;
  year?: number;
}

/** Points of one node of the tree (with --detail), in document order. */
export interface NodePoints {
  code: string;
  id?: string;
  points: number;
  max: number;
  status?: NodeRecord['status'];
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
  nodes?: NodePoints[];
  hashes: Evaluation['hashes'];
}

/** The JSON output: what was evaluated under which version, the averages, then one row per submission. */
export interface EvaluateOutput {
  ruleSet: string;
  version: string;
  versionHash: string;
  engineVersion: string;
  year: number;
  /** The overall average as the version declares it, and how. */
  average: number;
  averageOf: 'meanOfCohortMeans' | 'meanOfUnits';
  cohorts: { cohort: string; name: LocalizedText; max: number; units: number; average: number; ranked: boolean }[];
  /** Items that are samples, not read from the regulation: results that rest on them are provisional. */
  provisional: { code: string; id?: string; title: LocalizedText }[];
  evaluations: EvaluateRow[];
}

/** One submission checked against the facts asked of its cohort; paths read `submissions[i]/facts/…`. */
function checkSubmission(
  version: RuleSetVersion,
  compiled: CompiledVersion,
  submission: unknown,
  i: number,
  seen: Map<string, number>,
): Finding[] {
  const problems: Finding[] = [];
  // Whatever the file holds; its agency is read as one only once the schema says it is one.
  const agency = (submission as { agency?: { id?: unknown } } | null | undefined)?.agency;
  // The cohort decides which facts are required; it can only be known from a well-formed agency.
  let cohort: string | null | undefined;
  const agencyFindings = validateSubmission(version, { agency, facts: {} }).filter((f) => f.path.startsWith('/agency'));
  if (agencyFindings.length === 0) cohort = assignCohort(compiled, agency as Agency).cohort;
  for (const f of validateSubmission(version, submission, { cohort })) problems.push({ ...f, path: `submissions[${i}]${f.path}` });
  const id = agency?.id;
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

function nodePoints(compiled: CompiledVersion, nodes: readonly NodeRecord[], out: NodePoints[] = []): NodePoints[] {
  for (const n of nodes) {
    out.push({
      code: n.code,
      ...(n.id ? { id: n.id } : {}),
      points: rounded(compiled, Exact.of(n.points)),
      max: n.max,
      ...(n.status ? { status: n.status } : {}),
    });
    if (n.children) nodePoints(compiled, n.children, out);
  }
  return out;
}

function evaluated(compiled: CompiledVersion, e: Evaluation, lang: Lang, detail: boolean): Evaluated {
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
      ...(detail ? { nodes: nodePoints(compiled, e.nodes) } : {}),
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

function* provisionalNodes(nodes: readonly Node[]): Generator<EvaluateOutput['provisional'][number]> {
  for (const n of nodes) {
    if (n.provisional) yield { code: n.code, ...(n.id ? { id: n.id } : {}), title: n.title };
    if (n.children) yield* provisionalNodes(n.children);
  }
}

function heading(
  version: RuleSetVersion,
  ranking: Ranking,
  year: number,
  rows: readonly EvaluateRow[],
): Omit<EvaluateOutput, 'evaluations'> {
  return {
    ruleSet: ranking.ruleSet,
    version: ranking.version,
    versionHash: ranking.versionHash,
    engineVersion: ENGINE_VERSION,
    year,
    average: ranking.average,
    averageOf: version.ranking.average ?? 'meanOfCohortMeans',
    cohorts: ranking.cohorts.map((c) => ({
      cohort: c.cohort,
      name: c.name,
      max: c.max,
      units: rows.filter((r) => r.cohort === c.cohort).length,
      average: c.average,
      ranked: c.ranked,
    })),
    provisional: [...provisionalNodes(version.criteria)],
  };
}

/**
 * The output as one JSON object, its rows written one by one (the output of 100,000 submissions is
 * never one string).
 */
async function writeJson(head: Omit<EvaluateOutput, 'evaluations'>, rows: EvaluateRow[]): Promise<void> {
  const out = process.stdout;
  const write = (chunk: string) =>
    out.write(chunk) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve()));
  const top = JSON.stringify(head, null, 2);
  if (!rows.length) return write(`${top.slice(0, -2)},\n  "evaluations": []\n}\n`);
  await write(`${top.slice(0, -2)},\n  "evaluations": [\n`);
  for (let i = 0; i < rows.length; i++)
    await write(`    ${JSON.stringify(rows[i], null, 2).replace(/\n/g, '\n    ')}${i + 1 < rows.length ? ',' : ''}\n`);
  await write('  ]\n}\n');
}

/** Published figures with the places the version rounds to: "81,30" in Vietnamese, "81.30" in English. */
const number = (n: number, lang: Lang, places?: number) => formatNumber(n, lang, places);

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
  const meanOfUnits = version.ranking.average === 'meanOfUnits';
  blocks.push(
    lang === 'vi'
      ? `Điểm trung bình chung (${meanOfUnits ? 'trung bình các cơ quan, đơn vị' : 'trung bình của các khối'}): ${number(ranking.average, 'vi')}`
      : `Overall average (${meanOfUnits ? 'mean over units' : 'mean of the cohort means'}): ${ranking.average}`,
  );
  const provisional = [...provisionalNodes(version.criteria)];
  if (provisional.length) {
    const codes =
      provisional
        .slice(0, 12)
        .map((p) => p.code)
        .join(', ') + (provisional.length > 12 ? ', …' : '');
    blocks.push(
      lang === 'vi'
        ? `Tạm tính: ${provisional.length} mục chưa đối chiếu với văn bản (${codes}); kết quả dựa trên các mục này là tạm tính.`
        : `Provisional: ${provisional.length} items not read from the regulation (${codes}); results resting on them are provisional.`,
    );
  }
  return blocks.join('\n\n');
}

/**
 * `chiso evaluate --rules <version.json> --submissions <file.json>`: checks the version and every
 * submission (all problems listed, exit 1), then evaluates and ranks them.
 */
export function register(command: Command): void {
  command
    .requiredOption('--rules <file>', 'phiên bản bộ chỉ số (JSON) / rule-set version (JSON)')
    .requiredOption('--submissions <file>', 'danh sách bài nộp [{ agency, facts }] / list of submissions [{ agency, facts }]')
    .addOption(new Option('--format <format>', 'định dạng / output format').choices(['json', 'table']).default('table'))
    .addOption(new Option('--lang <lang>', 'ngôn ngữ / language').choices(['vi', 'en']).default('vi'))
    .option('--detail', 'thêm điểm từng chỉ số, tiêu chí (JSON) / add points per node (JSON)')
    .addOption(
      new Option('--year <year>', 'năm đánh giá (mốc ngày trong điều kiện) / assessed year (dates in conditions)').argParser(yearArg),
    )
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
        const year = options.year ?? compiled.defaultYear;
        const bests = new CohortBests(compiled, { year });
        const kept: Evaluated[] = [];
        let problems = 0;
        const shown = progress('Đọc bài nộp / reading submissions');
        try {
          const seen = new Map<string, number>();
          let i = 0;
          for await (const submission of readJsonArray(options.submissions)) {
            shown.say(
              `${twoPasses ? 'Kiểm tra' : 'Chấm điểm'} ${i + 1} bài nộp / ${twoPasses ? 'checking' : 'evaluating'} submission ${i + 1}`,
            );
            const found = checkSubmission(version, compiled, submission, i++, seen);
            for (const f of found) console.error(findingLine(options.submissions, f));
            problems += found.filter((f) => f.severity === 'error').length;
            if (problems) continue;
            if (twoPasses) bests.add(submission as SubmissionInput);
            else
              kept.push(
                evaluated(compiled, evaluateIn(compiled, submission as SubmissionInput, bests), options.lang, options.detail === true),
              );
          }
          if (problems) {
            shown.done(`${i} bài nộp: ${problems} lỗi / ${i} submissions: ${problems} errors`);
            process.exitCode = EXIT.invalid;
            return;
          }
          if (twoPasses)
            for await (const submission of readJsonArray(options.submissions)) {
              shown.say(`Chấm điểm ${kept.length + 1}/${i} / evaluating ${kept.length + 1} of ${i}`);
              kept.push(
                evaluated(compiled, evaluateIn(compiled, submission as SubmissionInput, bests), options.lang, options.detail === true),
              );
            }
        } catch (err) {
          if (!(err instanceof JsonArrayError)) throw err;
          const path = err.index === undefined ? 'submissions' : `submissions[${err.index}]`;
          console.error(findingLine(options.submissions, { path, severity: 'error', message: { vi: err.vi, en: err.message } }));
          process.exitCode = EXIT.invalid;
          return;
        }
        const ranking = rankEvaluations(
          compiled,
          kept.map((k) => k.score),
        );
        const rows = withRanks(kept, ranking);
        shown.done(`Đã chấm và xếp hạng ${kept.length} bài nộp / ${kept.length} submissions evaluated and ranked`);
        if (options.format === 'json') await writeJson(heading(version, ranking, year, rows), rows);
        else console.log(tables(version, rows, ranking, options.lang));
      }),
    );
}

function yearArg(value: string): number {
  if (!/^\d{4}$/.test(value)) throw new InvalidArgumentError('năm bốn chữ số, ví dụ 2024 / a four-digit year, e.g. 2024');
  return Number(value);
}

/** One submission scored in its cohort's context (with no cohort-compared item, the context is empty). */
const evaluateIn = (compiled: CompiledVersion, submission: SubmissionInput, bests: CohortBests): Evaluation =>
  evaluateSubmission(compiled, submission, bests.contextFor(submission));
