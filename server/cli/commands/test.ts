import type { Command } from 'commander';
import { checkVersion, compileVersion, hasErrors, type RuleSetVersion, runTestCases, testFindings } from '../../engine';
import { guard } from '../support/guard';
import { EXIT } from '../support/files';
import { findingLine } from '../support/report';
import { versionFiles } from '../support/versionFiles';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * `chiso test <file|dir>…`: runs each version's embedded test cases. One line per case; a failing
 * case names each expected and actual value, and the command exits 1. A version that does not pass
 * the schema or the linter's errors cannot be run: it is reported, and counts as failing.
 */
export function register(command: Command): void {
  command.argument('<paths...>', 'tệp hoặc thư mục / files or folders').action(
    guard(async (paths: string[]) => {
      let exit: number = EXIT.ok;
      let passed = 0;
      let failed = 0;
      for (const { file, read } of versionFiles(paths)) {
        if (!read.ok) {
          console.log(findingLine(file, { path: '', severity: 'error', message: read.message }));
          exit = Math.max(exit, read.exit);
          continue;
        }
        const errors = (await checkVersion(read.value)).filter((f) => f.severity === 'error');
        if (hasErrors(errors)) {
          for (const f of errors) console.log(findingLine(file, f));
          exit = Math.max(exit, EXIT.invalid);
          continue;
        }
        const results = runTestCases(compileVersion(read.value as RuleSetVersion));
        const failures = testFindings(read.value as RuleSetVersion, results);
        for (const [i, r] of results.entries()) {
          if (r.passed) console.log(`${file}: /tests/${i}: [đạt / pass] ${r.name}`);
          else
            console.log(
              findingLine(
                file,
                failures.find((f) => f.path === `/tests/${i}`)!,
              ),
            );
        }
        passed += results.filter((r) => r.passed).length;
        failed += results.filter((r) => !r.passed).length;
        if (failures.length) exit = Math.max(exit, EXIT.invalid);
      }
      console.log(`${passed} ca đạt, ${failed} ca không đạt / ${plural(passed, 'case')} passed, ${failed} failed`);
      process.exitCode = exit;
    }),
  );
}
