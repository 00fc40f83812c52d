// Entry point of the `chiso` CLI. Each command lives in its own file under commands/ and exports
// `register(program)`; this file only assembles them, so adding a command touches nothing else.
import { Command, CommanderError } from 'commander';
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

export interface CommandModule {
  register(program: Command): void;
}

// `chiso evaluate … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const commandsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'commands');

const program = new Command('chiso')
  .description('Chỉ Số — rules engine for government index assessments / bộ chỉ số đánh giá')
  .showHelpAfterError()
  .exitOverride();

for (const file of readdirSync(commandsDir)
  .filter((f) => f.endsWith('.ts'))
  .sort()) {
  const mod = (await import(pathToFileURL(path.join(commandsDir, file)).href)) as CommandModule;
  mod.register(program);
}

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    // Help and version exit 0; any other commander error is a usage error (exit 2).
    process.exit(err.exitCode === 0 ? 0 : 2);
  }
  throw err;
}
