import type { Command } from 'commander';
import { depthFinding, hashOf } from '../../engine';
import { guard } from '../support/guard';
import { EXIT, readJsonFile } from '../support/files';
import { findingLine } from '../support/report';

/** `chiso hash <file>`: SHA-256 of the RFC 8785 canonical form of a JSON file. */
export function register(program: Command): void {
  program
    .command('hash <file>')
    .description('SHA-256 of the canonical JSON (RFC 8785) of a file / mã băm SHA-256 của JSON chuẩn tắc')
    .action(
      guard((file: string) => {
        const read = readJsonFile(file);
        if (!read.ok) {
          console.error(findingLine(file, { path: '', severity: 'error', message: read.message }));
          process.exitCode = read.exit;
          return;
        }
        const deep = depthFinding(read.value);
        if (deep) {
          console.error(findingLine(file, deep));
          process.exitCode = EXIT.invalid;
          return;
        }
        console.log(hashOf(read.value));
      }),
    );
}
