// A database as an earlier release left it: the migrations of that release, its rows restored table
// by table (test/fixtures/replay/engine-*/database.json.gz, made by capture.ts), then this release's
// remaining migrations — what an upgrade does to a real installation.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { Db } from '../../server/store/db';
import { listMigrations, migrate } from '../../server/store/migrate';
import { TABLES } from '../fixtures/replay/tables';

export interface DatabaseDump {
  engineVersion: string;
  migrations: string[];
  tables: Record<string, unknown[]>;
}

export const readDump = (file: string): DatabaseDump => JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as DatabaseDump;

export async function restoreDump(db: Db, dump: DatabaseDump): Promise<void> {
  await migrate(
    db,
    listMigrations().filter((m) => dump.migrations.includes(m.id)),
  );
  await db.transaction(async (tx) => {
    // As pg_restore does: rows go back as they were, without firing the guards that protect them.
    await tx.query('SET LOCAL session_replication_role = replica');
    for (const table of TABLES) {
      const rows = dump.tables[table] ?? [];
      if (rows.length)
        await tx.query(`INSERT INTO ${table} SELECT * FROM json_populate_recordset(null::${table}, $1::json)`, [JSON.stringify(rows)]);
    }
    const serials = await tx.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%'`,
    );
    for (const { table_name: t, column_name: c } of serials.rows)
      await tx.query(`SELECT setval(pg_get_serial_sequence('${t}', '${c}'), COALESCE((SELECT max(${c}) FROM ${t}), 0) + 1, false)`);
  });
  await migrate(db);
}
