// First-start data. An empty database gets the shipped agencies and rule sets (published through
// the same repository functions as the API), and with demo data on, demo users and whatever demo
// steps exist. Steps are the files in steps/, run in the order steps/index.ts lists them, so adding
// demo data (e.g. the 2021 assessment period) is a file such as steps/40-period-2021.ts and a line.
import type { Logger } from 'pino';
import { fromRoot } from '../paths';
import { SEED_STEPS } from './steps';
import type { Db, Tx } from '../store/db';

export interface Credential {
  username: string;
  role: string;
  password: string;
  agencyId?: string | null;
}

export interface SeedContext {
  tx: Tx;
  logger: Logger;
  demo: boolean;
  /** The rules/ folder: rule-set versions, agencies/ and demo/. */
  rulesDir: string;
  /** Who the audit log names for seeded records. */
  actor: string;
  /** Passwords of created demo users, printed once after seeding. */
  credentials: Credential[];
  /** A fixed password for demo users instead of random ones (CHISO_DEMO_PASSWORD, for scripted demos). */
  demoPassword?: string;
}

export interface SeedStep {
  name: string;
  /** Skipped when CHISO_DEMO=0. */
  demoOnly: boolean;
  run(ctx: SeedContext): Promise<void>;
}

const DEFAULT_RULES_DIR = fromRoot('rules');

export interface SeedOptions {
  logger: Logger;
  demo: boolean;
  rulesDir?: string;
  demoPassword?: string;
  steps?: readonly SeedStep[];
}

export interface SeedOutcome {
  seeded: boolean;
  credentials: Credential[];
}

/**
 * Seeds an empty database in one transaction (all or nothing). Two servers starting together on one
 * PostgreSQL database serialise on an advisory lock; the second finds the data there and skips.
 */
export async function seedIfEmpty(db: Db, options: SeedOptions): Promise<SeedOutcome> {
  const steps = options.steps ?? SEED_STEPS;
  return db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('chiso:seed:' || current_schema()))`);
    const empty = await tx.query<{ empty: boolean }>(
      `SELECT NOT EXISTS (SELECT 1 FROM rule_sets) AND NOT EXISTS (SELECT 1 FROM agencies)
              AND NOT EXISTS (SELECT 1 FROM users) AS empty`,
    );
    if (!empty.rows[0].empty) return { seeded: false, credentials: [] };
    const ctx: SeedContext = {
      tx,
      logger: options.logger,
      demo: options.demo,
      rulesDir: options.rulesDir ?? DEFAULT_RULES_DIR,
      actor: 'seed',
      credentials: [],
      demoPassword: options.demoPassword,
    };
    for (const step of steps) {
      if (step.demoOnly && !options.demo) continue;
      const started = Date.now();
      await step.run(ctx);
      options.logger.info({ step: step.name, ms: Date.now() - started }, 'seed step done');
    }
    return { seeded: true, credentials: ctx.credentials };
  });
}

/** The demo accounts in a box, for the terminal; shown once, on the start that created them. */
export function credentialsBox(credentials: Credential[]): string {
  const rows = [
    ['Tên đăng nhập / Username', 'Vai trò / Role', 'Mật khẩu / Password'],
    ...credentials.map((c) => [c.username, c.role + (c.agencyId ? ` (${c.agencyId})` : ''), c.password]),
  ];
  const title = 'TÀI KHOẢN DEMO — chỉ hiển thị một lần / DEMO ACCOUNTS — shown only once';
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  // Widen the last column when the title is wider than the table.
  const tableWidth = widths.reduce((a, w) => a + w + 3, -1);
  if (title.length + 2 > tableWidth) widths[widths.length - 1] += title.length + 2 - tableWidth;
  const inner = widths.reduce((a, w) => a + w + 3, -1);
  const line = (r: string[]) => `│ ${r.map((cell, i) => cell.padEnd(widths[i])).join(' │ ')} │`;
  const rule = (l: string, m: string, r: string) => `${l}${widths.map((w) => '─'.repeat(w + 2)).join(m)}${r}`;
  return [
    `┌${'─'.repeat(inner)}┐`,
    `│ ${title.padEnd(inner - 2)} │`,
    rule('├', '┬', '┤'),
    line(rows[0]),
    rule('├', '┼', '┤'),
    ...rows.slice(1).map(line),
    rule('└', '┴', '┘'),
  ].join('\n');
}
