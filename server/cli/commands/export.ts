import { Option, type Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { evaluateSubmissions, explainEvaluation, rankEvaluations } from '../../engine';
import { exportRankingCsv } from '../../files/exportCsv';
import { exportRankingXlsx } from '../../files/exportXlsx';
import { annexPdf, reportCardPdf } from '../../files/pdf';
import { EXIT } from '../support/files';
import { loadRules, loadSubmissions } from '../support/fileInputs';
import { progress } from '../support/progress';

interface Options {
  rules: string;
  submissions: string;
  format: 'xlsx' | 'csv' | 'pdf';
  output: string;
  periodTitle?: string;
  agency?: string;
  delimiter: 'comma' | 'semicolon';
}

/**
 * `chiso export --rules <version.json> --submissions <file.json> --format xlsx|csv|pdf -o out`:
 * evaluates and ranks the submissions, then writes the ranking (XLSX, CSV), the results annex
 * (PDF) or, with --agency, that agency's report card (PDF).
 */
export function register(command: Command): void {
  command
    .requiredOption('--rules <file>', 'phiên bản bộ chỉ số (JSON) / rule-set version (JSON)')
    .requiredOption('--submissions <file>', 'danh sách bài nộp [{ agency, facts }] / list of submissions [{ agency, facts }]')
    .addOption(new Option('--format <format>', 'định dạng / format').choices(['xlsx', 'csv', 'pdf']).makeOptionMandatory())
    .requiredOption('-o, --output <file>', 'tệp cần ghi / file to write')
    .option('--period-title <text>', 'tên kỳ đánh giá in trên báo cáo / assessment period printed on the report')
    .option('--agency <id>', 'PDF: phiếu kết quả của một cơ quan / PDF: one agency’s report card')
    .addOption(new Option('--delimiter <d>', 'CSV: dấu phân cách / CSV delimiter').choices(['comma', 'semicolon']).default('comma'))
    .action(async (options: Options) => {
      const rules = await loadRules(options.rules);
      if (!rules) return;
      const submissions = await loadSubmissions(options.submissions, rules.version);
      if (!submissions) return;
      const { compiled } = rules;
      const shown = progress(`Chấm điểm ${submissions.length} bài nộp / evaluating ${submissions.length} submissions`);
      const evaluations = evaluateSubmissions(compiled, submissions);
      shown.say(`Xếp hạng / ranking`);
      const ranking = rankEvaluations(compiled, evaluations);
      const views = evaluations.map((e) => explainEvaluation(compiled, e));
      const input = {
        version: rules.version,
        ranking,
        evaluations: views,
        ...(options.periodTitle ? { periodTitle: options.periodTitle } : {}),
      };
      let buffer: Buffer;
      shown.say(`Ghi tệp ${options.format.toUpperCase()} / writing the ${options.format.toUpperCase()} file`);
      if (options.agency) {
        const evaluation = evaluations.find((e) => e.agencyId === options.agency);
        if (options.format !== 'pdf' || !evaluation) {
          console.error(
            options.format !== 'pdf'
              ? '--agency chỉ dùng với --format pdf / --agency goes with --format pdf'
              : `${options.submissions}: không có bài nộp của cơ quan "${options.agency}" / no submission of agency "${options.agency}"`,
          );
          process.exitCode = EXIT.usage;
          return;
        }
        buffer = await reportCardPdf({
          version: rules.version,
          evaluation: explainEvaluation(compiled, evaluation),
          ranking,
          ...(options.periodTitle ? { periodTitle: options.periodTitle } : {}),
        });
      } else if (options.format === 'xlsx') buffer = await exportRankingXlsx(input);
      else if (options.format === 'csv') buffer = exportRankingCsv(input, { delimiter: options.delimiter === 'semicolon' ? ';' : ',' });
      else buffer = await annexPdf(input);
      writeFileSync(options.output, buffer);
      shown.done(`${options.output}`);
      console.log(`${options.output}: ${evaluations.length} cơ quan / agencies, ${ranking.cohorts.length} khối / cohorts`);
    });
}
