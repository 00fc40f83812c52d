import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { hashOf } from '../../engine/canonical';

/** `chiso hash <file>`: SHA-256 of the RFC 8785 canonical form of a JSON file. */
export function register(program: Command): void {
  program
    .command('hash <file>')
    .description('SHA-256 of the canonical JSON (RFC 8785) of a file / mã băm SHA-256 của JSON chuẩn tắc')
    .action((file: string) => {
      let value: unknown;
      try {
        value = JSON.parse(readFileSync(file, 'utf8'));
      } catch (err) {
        console.error(`${file}: ${(err as Error).message}`);
        process.exit(1);
      }
      console.log(hashOf(value));
    });
}
