import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { agencyFacts } from '../../files/factColumns';
import { buildTemplate } from '../../files/template';
import { loadAgencies, loadRules } from '../support/fileInputs';

interface Options {
  rules: string;
  agencies?: string;
  output: string;
  periodTitle?: string;
}

/** `chiso template --rules <version.json> [--agencies <file>] -o mau.xlsx`: the XLSX import template. */
export function register(command: Command): void {
  command
    .requiredOption('--rules <file>', 'phiên bản bộ chỉ số (JSON) / rule-set version (JSON)')
    .option(
      '--agencies <file>',
      'danh sách cơ quan; mặc định thư mục agencies/ cạnh bộ chỉ số / agency list; default: the agencies/ folder beside the rules',
    )
    .requiredOption('-o, --output <file>', 'tệp XLSX cần ghi / XLSX file to write')
    .option('--period-title <text>', 'tên kỳ đánh giá ghi trên mẫu / assessment period shown on the template')
    .action(async (options: Options) => {
      const rules = await loadRules(options.rules);
      if (!rules) return;
      const agencies = loadAgencies(options.rules, rules.version, options.agencies);
      if (!agencies) return;
      const buffer = await buildTemplate(rules.compiled, agencies, options.periodTitle ? { title: options.periodTitle } : undefined);
      writeFileSync(options.output, buffer);
      const facts = agencyFacts(rules.version).length;
      console.log(
        `${options.output}: ${agencies.length} cơ quan, ${facts} chỉ tiêu, phiên bản ${rules.version.version} / ` +
          `${agencies.length} agencies, ${facts} facts, version ${rules.version.version}`,
      );
    });
}
