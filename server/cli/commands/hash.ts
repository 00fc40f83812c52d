import type { Command } from 'commander';
import { depthFinding, hashOf } from '../../engine';
import { guard } from '../support/guard';
import { EXIT, readJsonFile } from '../support/files';
import { findingLine } from '../support/report';

/** `chiso hash <file>`: SHA-256 of the RFC 8785 canonical form of a JSON file. */
export function register(command: Command): void {
  command.argument('<file>').action(
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
