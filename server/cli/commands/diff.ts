import { Option, type Command } from 'commander';
import { diffVersions, hasErrors, type RuleSetVersion, validateVersion } from '../../engine';
import { guard } from '../support/guard';
import { EXIT, readJsonFile } from '../support/files';
import { findingLine } from '../support/report';

/** `chiso diff <a.json> <b.json>`: what changed from version a to version b, in words. */
export function register(command: Command): void {
  command
    .argument('<a>', 'phiên bản cũ / older version')
    .argument('<b>', 'phiên bản mới / newer version')
    .addOption(new Option('--format <format>', 'định dạng / output format').choices(['text', 'json']).default('text'))
    .addOption(new Option('--lang <lang>', 'ngôn ngữ / language').choices(['vi', 'en']).default('vi'))
    .option('--exit-code', 'thoát với mã 1 khi hai phiên bản khác nhau (như git diff) / exit 1 when the versions differ, as git diff does')
    .action(
      guard((a: string, b: string, options: { format: 'text' | 'json'; lang: 'vi' | 'en'; exitCode?: boolean }) => {
        const docs: RuleSetVersion[] = [];
        let exit: number = EXIT.ok;
        for (const file of [a, b]) {
          const read = readJsonFile(file);
          if (!read.ok) {
            console.error(findingLine(file, { path: '', severity: 'error', message: read.message }));
            exit = Math.max(exit, read.exit);
            continue;
          }
          // The diff reads the documents' structure, so both must have the right shape.
          const findings = validateVersion(read.value);
          for (const f of findings) console.error(findingLine(file, f));
          if (hasErrors(findings)) exit = Math.max(exit, EXIT.invalid);
          else docs.push(read.value as RuleSetVersion);
        }
        if (exit !== EXIT.ok) {
          process.exitCode = exit;
          return;
        }
        const changes = diffVersions(docs[0], docs[1]);
        if (options.exitCode && changes.length > 0) process.exitCode = EXIT.differ;
        if (options.format === 'json') {
          console.log(JSON.stringify(changes, null, 2));
          return;
        }
        if (changes.length === 0) console.log(options.lang === 'vi' ? 'Không có thay đổi.' : 'No changes.');
        for (const c of changes) console.log(`- ${c.message[options.lang]}`);
      }),
    );
}
