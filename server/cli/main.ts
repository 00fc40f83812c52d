// Entry point of the `chiso` CLI. Each command lives in its own file under commands/ and exports
// `register(command)`, which adds its arguments, options and action. The names and descriptions
// are here, so `chiso --help` lists every command without loading any of them, and a command
// loads only its own module (and what that imports) when it runs.
import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { ENGINE_VERSION } from '../engine/version';
import { fromRoot } from '../paths';

interface CommandModule {
  register(command: Command): void;
}

const COMMANDS: Record<string, { description: string; load: () => Promise<CommandModule> }> = {
  audit: { description: 'Nhật ký kiểm tra / the audit log', load: () => import('./commands/audit') },
  diff: { description: 'So sánh hai phiên bản bộ chỉ số / compare two rule-set versions', load: () => import('./commands/diff') },
  evaluate: {
    description: 'Chấm điểm và xếp hạng các bài nộp theo một phiên bản bộ chỉ số / evaluate and rank submissions under a rule-set version',
    load: () => import('./commands/evaluate'),
  },
  export: {
    description: 'Chấm điểm rồi xuất kết quả (XLSX, CSV, PDF) / evaluate, then export the results (XLSX, CSV, PDF)',
    load: () => import('./commands/export'),
  },
  hash: {
    description: 'Mã băm SHA-256 của JSON chuẩn tắc / SHA-256 of the canonical JSON (RFC 8785) of a file',
    load: () => import('./commands/hash'),
  },
  import: {
    description: 'Đọc mẫu đã điền (XLSX/CSV) thành danh sách bài nộp / read a filled template (XLSX/CSV) into submissions',
    load: () => import('./commands/import'),
  },
  lint: {
    description: 'Kiểm tra bộ chỉ số (lược đồ, quy tắc, ca kiểm thử) / check rule-set versions (schema, lint, test cases)',
    load: () => import('./commands/lint'),
  },
  serve: { description: 'Chạy máy chủ API và giao diện quản trị / serve the API and the console', load: () => import('./commands/serve') },
  template: {
    description: 'Tạo mẫu nhập số liệu (XLSX) cho một phiên bản bộ chỉ số / make the XLSX import template of a rule-set version',
    load: () => import('./commands/template'),
  },
  test: {
    description: 'Chạy các ca kiểm thử của bộ chỉ số / run the test cases embedded in rule-set versions',
    load: () => import('./commands/test'),
  },
  user: { description: 'Quản lý tài khoản / manage user accounts', load: () => import('./commands/user') },
};

// `chiso evaluate … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const { version } = JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')) as { version: string };

const program = new Command('chiso')
  .description('Chỉ Số — rules engine for government index assessments / bộ chỉ số đánh giá')
  .version(`chiso ${version} (engine ${ENGINE_VERSION})`, '-V, --version', 'số phiên bản / print the version')
  .showHelpAfterError()
  .exitOverride();

// The command that runs: the first word (or the one after `help`).
const words = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const wanted = words[0] === 'help' ? words[1] : words[0];

for (const [name, { description, load }] of Object.entries(COMMANDS)) {
  const command = program.command(name).description(description);
  if (name === wanted) (await load()).register(command);
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
