// `chiso audit checkpoint` prints the audit log's head (entry number and hash) for keeping outside
// the system — on paper, in a letter, in another system; `chiso audit verify [--checkpoint N:hash]`
// checks the chain, the signatures, every published ranking's anchor and the kept checkpoint, and
// says in words what it found. Exit 0 when the log holds, 1 when it does not, 2 on usage errors.
import type { Command } from 'commander';
import { verifyAudit, type Checkpoint } from '../../services/audit';
import { databaseConfig, openConfiguredDb } from '../database';
import type { Db } from '../../store/db';

const CHECKPOINT = /^(\d+):([0-9a-f]{64})$/;

async function withDb<T>(work: (db: Db) => Promise<T>): Promise<T> {
  let db: Db;
  try {
    ({ db } = await openConfiguredDb(databaseConfig()));
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

export function register(audit: Command): void {
  audit
    .command('checkpoint')
    .description('Print the log head to keep elsewhere / in điểm kiểm tra để lưu ngoài hệ thống')
    .action(async () => {
      await withDb(async (db) => {
        const { head } = await verifyAudit(db);
        if (!head) {
          console.log('The audit log is empty. / Nhật ký kiểm tra chưa có mục nào.');
          return;
        }
        console.log(`${head.id}:${head.hash}`);
        console.error(`Keep this line outside the system; verify later with: chiso audit verify --checkpoint ${head.id}:${head.hash}`);
      });
    });
  audit
    .command('verify')
    .description('Check the chain, signatures and anchors / kiểm tra toàn vẹn nhật ký')
    .option('--checkpoint <n:hash>', 'a head printed earlier by `chiso audit checkpoint`')
    .option('--format <format>', 'text or json', 'text')
    .action(async (opts: { checkpoint?: string; format: string }) => {
      let checkpoint: Checkpoint | undefined;
      if (opts.checkpoint !== undefined) {
        const m = CHECKPOINT.exec(opts.checkpoint.trim());
        if (!m) {
          console.error('--checkpoint: the "N:hash" line that `chiso audit checkpoint` printed. / Điểm kiểm tra không hợp lệ.');
          process.exit(2);
        }
        checkpoint = { id: Number(m[1]), hash: m[2] };
      }
      if (opts.format !== 'text' && opts.format !== 'json') {
        console.error('--format: text or json');
        process.exit(2);
      }
      await withDb(async (db) => {
        const result = await verifyAudit(db, { checkpoint });
        if (opts.format === 'json') console.log(JSON.stringify(result, null, 2));
        else {
          console.log(
            result.valid
              ? `Nhật ký toàn vẹn: ${result.checked} mục, ${result.signed} mục có chữ ký hợp lệ, ${result.anchors} mốc công bố khớp. / The log holds.`
              : `Nhật ký KHÔNG toàn vẹn / The log does not hold:`,
          );
          if (!result.keyed) console.log('(Không có khóa nhật ký: chữ ký chưa được kiểm tra. / No audit key: signatures not checked.)');
          for (const f of result.findings) console.log(`- ${f.message.vi}\n  ${f.message.en}`);
        }
        if (!result.valid) process.exitCode = 1;
      });
    });
}
