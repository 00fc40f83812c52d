import type { Command } from 'commander';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseImport } from '../../files/import';
import { where } from '../../files/problem';
import { EXIT } from '../support/files';
import { loadAgencies, loadRules } from '../support/fileInputs';

interface Options {
  rules: string;
  agencies?: string;
  output?: string;
}

/**
 * `chiso import --rules <version.json> [--agencies <file>] <file.xlsx|csv> [-o submissions.json]`:
 * reads a filled template or CSV into the submissions JSON that `chiso evaluate` takes. Any problem:
 * every one printed with its sheet, row and column, nothing written, exit 1.
 */
export function register(command: Command): void {
  command
    .argument('<file>', 'tệp XLSX hoặc CSV / XLSX or CSV file')
    .requiredOption('--rules <file>', 'phiên bản bộ chỉ số (JSON) / rule-set version (JSON)')
    .option(
      '--agencies <file>',
      'danh sách cơ quan; mặc định thư mục agencies/ cạnh bộ chỉ số / agency list; default: the agencies/ folder beside the rules',
    )
    .option('-o, --output <file>', 'tệp JSON cần ghi (mặc định: in ra màn hình) / JSON file to write (default: standard output)')
    .action(async (file: string, options: Options) => {
      let buffer: Buffer;
      try {
        buffer = readFileSync(file);
      } catch (err) {
        console.error(`${file}: không đọc được tệp / cannot read the file (${(err as NodeJS.ErrnoException).code})`);
        process.exitCode = EXIT.usage;
        return;
      }
      const rules = await loadRules(options.rules);
      if (!rules) return;
      const agencies = loadAgencies(options.rules, rules.version, options.agencies);
      if (!agencies) return;
      const result = await parseImport(buffer, path.basename(file), rules.compiled, agencies);
      if ('problems' in result) {
        for (const p of result.problems) {
          const at = where(p);
          console.error(`${file}: ${at ? `${at}: ` : ''}[error] ${p.message.vi} / ${p.message.en}`);
        }
        console.error(
          `${result.problems.length} lỗi, không có dữ liệu nào được ghi / ${result.problems.length} problem(s), nothing written`,
        );
        process.exitCode = EXIT.invalid;
        return;
      }
      const json = JSON.stringify(result.submissions, null, 2) + '\n';
      if (options.output) {
        writeFileSync(options.output, json);
        console.log(`${options.output}: ${result.submissions.length} bài nộp / submissions`);
      } else process.stdout.write(json);
    });
}
