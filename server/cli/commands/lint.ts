import type { Command } from 'commander';
import path from 'node:path';
import type { Finding } from '../../engine/finding';
import { checkVersion } from '../../engine/lint';
import type { Agency } from '../../engine/schemaTypes';
import { agenciesFolderFor, agenciesFor, agencyFilesIn, loadAgencyFile, type AgencyList } from '../support/agencies';
import { guard } from '../support/guard';
import { EXIT, isDirectory, listJsonFiles, readJsonFile } from '../support/files';
import { findingLine, tally } from '../support/report';

/** Folders of a rules tree that hold other formats than rule-set versions. */
const NOT_VERSIONS = new Set(['agencies', 'demo', 'node_modules']);

const looksLikeVersion = (value: unknown): boolean =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && 'schemaVersion' in value;

/**
 * `chiso lint <file|dir>…`: schema and lint findings of rule-set versions. A folder is searched
 * recursively for versions (JSON with `schemaVersion`), leaving out agencies/ and demo/.
 */
export function register(program: Command): void {
  program
    .command('lint')
    .description('Kiểm tra bộ chỉ số (lược đồ và quy tắc) / check rule-set versions (schema and lint)')
    .argument('<paths...>', 'tệp hoặc thư mục / files or folders')
    .option('--agencies <file>', 'danh sách cơ quan để kiểm tra phân khối / agencies to check cohort rules with')
    .action(
      guard(async (paths: string[], options: { agencies?: string }) => {
        let exit: number = EXIT.ok;
        const all: Finding[] = [];
        const report = (where: string, findings: Finding[]) => {
          for (const f of findings) console.log(findingLine(where, f));
          all.push(...findings);
          if (findings.some((f) => f.severity === 'error')) exit = Math.max(exit, EXIT.invalid);
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
        for (const target of paths) {
          const directory = isDirectory(target);
          const files = directory ? listJsonFiles(target, NOT_VERSIONS) : [target];
          for (const file of files) {
            const read = readJsonFile(file);
            if (!read.ok) {
              report(file, [{ severity: 'error', path: '', code: 'file', message: read.message }]);
              exit = Math.max(exit, read.exit);
              checked++;
              continue;
            }
            if (directory && !looksLikeVersion(read.value)) continue;
            const ruleSet = (read.value as { ruleSet?: unknown }).ruleSet;
            let agencies: Agency[] = [];
            if (given) agencies = typeof ruleSet === 'string' ? agenciesFor([given], ruleSet) : given.agencies;
            else if (typeof ruleSet === 'string') agencies = agenciesFor(listsNear(file), ruleSet);
            report(file, await checkVersion(read.value, { agencies }));
            checked++;
          }
        }
        console.log(tally(checked, all));
        process.exitCode = exit;
      }),
    );
}
