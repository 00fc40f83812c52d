import { Option, type Command } from 'commander';
import path from 'node:path';
import {
  type Agency,
  checkVersion,
  compileVersion,
  type Finding,
  hasErrors,
  lintCollection,
  type Located,
  type RuleSetVersion,
  runTestCases,
  testFindings,
} from '../../engine';
import { agenciesFolderFor, agenciesFor, agencyFilesIn, loadAgencyFile, type AgencyList } from '../support/agencies';
import { guard } from '../support/guard';
import { EXIT } from '../support/files';
import { findingLine, tally } from '../support/report';
import { versionFiles } from '../support/versionFiles';

/**
 * `chiso lint <file|dir>…`: schema and lint findings of rule-set versions, their own test cases,
 * and — across all the files given — overlapping periods in force and links to missing nodes.
 */
export function register(command: Command): void {
  command
    .argument('<paths...>', 'tệp hoặc thư mục / files or folders')
    .option('--agencies <file>', 'danh sách cơ quan để kiểm tra phân khối / agencies to check cohort rules with')
    .addOption(
      new Option('--format <format>', 'định dạng: dòng chữ hoặc JSON / output: lines of text or one JSON document')
        .choices(['text', 'json'])
        .default('text'),
    )
    .action(
      guard(async (paths: string[], options: { agencies?: string; format: 'text' | 'json' }) => {
        let exit: number = EXIT.ok;
        const all: (Finding & { file: string })[] = [];
        const report = (where: string, findings: readonly Finding[]) => {
          if (options.format === 'text') for (const f of findings) console.log(findingLine(where, f));
          all.push(...findings.map((f) => ({ file: where, ...f })));
          if (hasErrors(findings)) exit = Math.max(exit, EXIT.invalid);
        };

        let given: AgencyList | undefined;
        if (options.agencies) {
          const loaded = loadAgencyFile(options.agencies);
          if (!loaded.ok) {
            report(options.agencies, loaded.problems);
            process.exitCode = loaded.exit;
            return;
          }
          given = loaded.list;
        }
        // Agency folders are read once, whatever the number of versions next to them.
        const folders = new Map<string, AgencyList[]>();
        const listsNear = (file: string): AgencyList[] => {
          const folder = agenciesFolderFor(file);
          if (!folder) return [];
          if (!folders.has(folder)) {
            const lists: AgencyList[] = [];
            for (const f of agencyFilesIn(folder)) {
              const loaded = loadAgencyFile(f);
              if (loaded.ok) lists.push(loaded.list);
              else report(path.relative(process.cwd(), f) || f, loaded.problems);
            }
            folders.set(folder, lists);
          }
          return folders.get(folder)!;
        };

        let checked = 0;
        const valid: Located[] = [];
        for (const { file, read } of versionFiles(paths)) {
          checked++;
          if (!read.ok) {
            report(file, [{ severity: 'error', path: '', code: 'file', message: read.message }]);
            exit = Math.max(exit, read.exit);
            continue;
          }
          const ruleSet = (read.value as { ruleSet?: unknown }).ruleSet;
          let agencies: Agency[] = [];
          if (given) agencies = typeof ruleSet === 'string' ? agenciesFor([given], ruleSet) : given.agencies;
          else if (typeof ruleSet === 'string') agencies = agenciesFor(listsNear(file), ruleSet);
          const findings = await checkVersion(read.value, { agencies });
          report(file, findings);
          if (hasErrors(findings)) continue;
          const version = read.value as RuleSetVersion;
          report(file, testFindings(version, runTestCases(compileVersion(version))));
          valid.push({ where: file, version });
        }
        for (const { where, ...finding } of lintCollection(valid)) report(where, [finding]);
        if (options.format === 'json') {
          const errors = all.filter((f) => f.severity === 'error').length;
          const summary = { files: checked, errors, warnings: all.length - errors, findings: all };
          console.log(JSON.stringify(summary, null, 2));
        } else console.log(tally(checked, all));
        process.exitCode = exit;
      }),
    );
}
