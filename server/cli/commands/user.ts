// `chiso user add --username u --role r [--agency id] [--full-name …] [--password-stdin]`:
// creates an account (how the first admin is made when demo data is off).
import type { Command } from 'commander';
import { createInterface } from 'node:readline';
import { generatePassword } from '../../services/passwords';
import { createUser, ROLES, type Role } from '../../services/users';
import { databaseConfig, openConfiguredDb } from '../database';
import { Problem } from '../../problems/problem';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

async function prompt(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  // Echo nothing while the password is typed.
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
    if (s.startsWith(question)) process.stderr.write(question);
  };
  try {
    return await new Promise((resolve) => rl.question(question, resolve));
  } finally {
    rl.close();
    process.stderr.write('\n');
  }
}

export function register(user: Command): void {
  user
    .command('add')
    .description('Create a user / tạo tài khoản')
    .requiredOption('--username <username>', 'login name (lowercase letters, digits, . _ -)')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--agency <id>', 'agency id (required for the agency role)')
    .option('--full-name <name>', 'full name', '')
    .option('--password-stdin', 'read the password from standard input')
    .action(async (opts: { username: string; role: string; agency?: string; fullName: string; passwordStdin?: boolean }) => {
      if (!(ROLES as readonly string[]).includes(opts.role)) {
        console.error(`--role must be one of ${ROLES.join(', ')}`);
        process.exit(2);
      }
      if (!/^[a-z0-9][a-z0-9._-]{1,63}$/.test(opts.username)) {
        console.error('--username: 2–64 lowercase letters, digits, ".", "_" or "-". / Tên đăng nhập không hợp lệ.');
        process.exit(2);
      }
      let password = opts.passwordStdin ? await readStdin() : process.stdin.isTTY ? await prompt('Password (empty = generate): ') : '';
      const generated = !password;
      if (generated) password = generatePassword();
      if (password.length < 10) {
        console.error('The password must have at least 10 characters. / Mật khẩu cần ít nhất 10 ký tự.');
        process.exit(2);
      }
      let db;
      try {
        ({ db } = await openConfiguredDb(databaseConfig()));
      } catch (err) {
        console.error((err as Error).message);
        process.exit(1);
      }
      try {
        const created = await db.transaction((tx) =>
          createUser(
            tx,
            { username: opts.username, role: opts.role as Role, agencyId: opts.agency ?? null, fullName: opts.fullName, password },
            'cli',
          ),
        );
        console.log(`Created ${created.role} "${created.username}" (${created.id}).`);
        if (generated) console.log(`Password (shown once): ${password}`);
      } catch (err) {
        if (err instanceof Problem) {
          console.error(`${err.detail.en} / ${err.detail.vi}`);
          process.exitCode = 1;
        } else {
          throw err;
        }
      } finally {
        await db.close();
      }
    });
}
