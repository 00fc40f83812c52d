// Evaluating given the database rather than a transaction: the reads and the scoring (in the
// scoring pool) happen outside any transaction and the write in a short one, which reads again
// first and starts over when a submission changed meanwhile; evaluations write one at a time on
// PGlite (at most three at once on PostgreSQL); what is stored is what one transaction stores.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, Tx } from '../../server/store/db';
import { batchEvaluations } from '../../server/store/evaluations';
import { seedIfEmpty } from '../../server/seed';
import { staffActor } from '../../server/services/actor';
import { appraise } from '../../server/services/appraisal';
import { evaluateOne, evaluatePeriod } from '../../server/services/evaluate';
import { createPeriod } from '../../server/services/periods';
import { closeScoringPool } from '../../server/services/scoring/pool';
import { backends, makeTestDb, type TestDb } from '../support/db';

const evaluator = staffActor('evaluator');

/** The database, watched: how many transactions it opened, how many ran at once, how many queries ran outside one. */
function watched(db: Db, before?: (n: number) => Promise<void>) {
  const seen = { transactions: 0, running: 0, mostAtOnce: 0, outside: 0 };
  const wrapper: Db = {
    dialect: db.dialect,
    close: () => db.close(),
    exec: (sql) => db.exec(sql),
    query: (sql, params) => {
      seen.outside++;
      return db.query(sql, params);
    },
    async transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
      const n = ++seen.transactions;
      await before?.(n);
      seen.mostAtOnce = Math.max(seen.mostAtOnce, ++seen.running);
      try {
        return await db.transaction(work);
      } finally {
        seen.running--;
      }
    },
  };
  return { db: wrapper, seen };
}

const stored = async (db: Db, batchId: string) =>
  (await batchEvaluations(db, batchId)).map((e) => ({
    submissionId: e.submissionId,
    revision: e.revision,
    input: e.input,
    result: e.result,
  }));

describe.each(backends)('evaluating outside a transaction on $name', (backend) => {
  let testDb: TestDb;
  let db: Db;
  let periodId: string;

  beforeAll(async () => {
    testDb = await makeTestDb(backend);
    db = testDb.db;
    await seedIfEmpty(db, { logger: pino({ level: 'silent' }), demo: true, demoPassword: 'Seven herons over the Da river' });
    periodId = (await db.query<{ id: string }>('SELECT id FROM periods WHERE year = 2021')).rows[0].id;
  });
  afterAll(async () => {
    await testDb?.drop();
    await closeScoringPool();
  });

  it('stores what one transaction stores, having read and scored outside the one short transaction it writes in', async () => {
    const inOne = await db.transaction((tx) => evaluatePeriod(tx, periodId, 'evaluator'));
    const { db: watchedDb, seen } = watched(db);
    const brief = await evaluatePeriod(watchedDb, periodId, 'evaluator');
    expect(seen.transactions).toBe(1);
    expect(seen.outside).toBeGreaterThan(0);
    expect(brief.evaluations).toHaveLength(32);
    expect(brief.evaluations.map((e) => e.hashes)).toEqual(inOne.evaluations.map((e) => e.hashes));
    expect(JSON.stringify(await stored(db, brief.batchId))).toBe(JSON.stringify(await stored(db, inOne.batchId)));
  });

  it('starts over when a submission changed between the scoring and the write, and stores its new revision', async () => {
    const { id: submissionId, revision } = (
      await db.query<{ id: string; revision: number }>(
        `SELECT id, revision FROM submissions WHERE period_id = $1 AND agency_id = 'so-tttt'`,
        [periodId],
      )
    ).rows[0];
    // Just before the first write transaction: the evaluator appraises the submission again.
    const { db: watchedDb, seen } = watched(db, async (n) => {
      if (n === 1)
        await db.transaction((tx) =>
          appraise(tx, submissionId, { fact: 'leadership_score', value: 0.5, reason: 'Re-appraised' }, evaluator),
        );
    });
    const evaluation = await evaluatePeriod(watchedDb, periodId, 'evaluator');
    expect(seen.transactions).toBe(2);
    const mine = (await stored(db, evaluation.batchId)).find((e) => e.submissionId === submissionId)!;
    expect(mine.revision).toBe(revision + 1);
    expect(mine.input.facts.leadership_score).toBe(0.5);
  });

  it('lets evaluations write one at a time on PGlite, at most three at once on PostgreSQL', async () => {
    const { db: watchedDb, seen } = watched(db);
    const all = await Promise.all(Array.from({ length: 5 }, () => evaluatePeriod(watchedDb, periodId, 'evaluator')));
    expect(all.map((e) => e.evaluations.length)).toEqual([32, 32, 32, 32, 32]);
    expect(seen.mostAtOnce).toBeLessThanOrEqual(db.dialect === 'pglite' ? 1 : 3);
    expect(new Set(all.map((e) => JSON.stringify(e.evaluations.map((s) => s.hashes))))).toHaveProperty('size', 1);
  });

  it('evaluates one submission to the same record and view given the database as in a transaction', async () => {
    const submissionId = (
      await db.query<{ id: string }>(`SELECT id FROM submissions WHERE period_id = $1 AND agency_id = 'moc-chau'`, [periodId])
    ).rows[0].id;
    const inOne = await db.transaction((tx) => evaluateOne(tx, submissionId, evaluator));
    const { db: watchedDb, seen } = watched(db);
    const brief = await evaluateOne(watchedDb, submissionId, evaluator);
    expect(seen.transactions).toBe(1);
    expect(JSON.stringify(brief.record)).toBe(JSON.stringify(inOne.record));
    expect(JSON.stringify(brief.result)).toBe(JSON.stringify(inOne.result));
    expect(brief.id).not.toBe(inOne.id);
  });

  it('refuses a period with nothing to evaluate, writing nothing', async () => {
    const versionId = (await db.query<{ version_id: string }>('SELECT version_id FROM periods WHERE id = $1', [periodId])).rows[0]
      .version_id;
    const empty = await db.transaction((tx) => createPeriod(tx, { year: 2090, versionId, title: 'Empty' }, 'evaluator'));
    const { db: watchedDb, seen } = watched(db);
    await expect(evaluatePeriod(watchedDb, empty.id, 'evaluator')).rejects.toMatchObject({ code: 'nothing-to-evaluate' });
    expect(seen.transactions).toBe(0);
  });
});
