// An installation upgraded from an earlier engine: the server starts on the database that release
// left (its migrations, its rows), and every stored evaluation and the published ranking replay as
// verified, compared by what they mean; the stored results still read and export as before.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_VERSION } from '../../server/engine';
import { backends } from '../support/db';
import { startTestApp, type TestApp } from '../support/app';
import { readDump, type DatabaseDump } from '../support/restore';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/replay');
const folders = readdirSync(fixtures).filter((f) => f.startsWith('engine-') && f !== `engine-${ENGINE_VERSION}`);

describe.each(backends.flatMap((b) => folders.map((f) => [b.name, f, b] as const)))(
  'a database of %s left by %s',
  (_name, folder, backend) => {
    let app: TestApp;
    let dump: DatabaseDump;

    beforeAll(async () => {
      dump = readDump(path.join(fixtures, folder, 'database.json.gz'));
      app = await startTestApp(backend, { restore: { dump, password: 'capture capture capture' } });
    });
    afterAll(() => app?.close());

    it('replays every stored evaluation as verified, saying which engines stored and replayed it', async () => {
      const ids = (dump.tables.evaluations as { id: string }[]).map((e) => e.id);
      expect(ids.length).toBeGreaterThan(32);
      for (const id of ids) {
        const res = await app.request('POST', `/api/evaluations/${id}/replay`, { as: 'auditor' });
        expect(res.status, res.text).toBe(200);
        expect(res.body, id).toMatchObject({ verified: true, storedIntact: true, compared: 'meaning', differences: [] });
        expect(res.body.engineVersion).toEqual({ stored: dump.engineVersion, current: ENGINE_VERSION });
      }
    });

    it('replays the published ranking to its published hash', async () => {
      const [published] = dump.tables.published_rankings as { id: string; hash: string }[];
      const res = await app.request('POST', `/api/published-rankings/${published.id}/replay`, { as: 'auditor' });
      expect(res.status, res.text).toBe(200);
      expect(res.body).toMatchObject({ verified: true, expectedHash: published.hash, actualHash: published.hash, differences: [] });
      // Published before decisions were recorded: it reads without one, and stays the one in force.
      const read = await app.request('GET', `/api/published-rankings/${published.id}`, { as: 'auditor' });
      expect(read.body).toMatchObject({ intact: true, decision: null, supersedes: null, supersededBy: null, correctionReason: null });
    });

    it('still shows a stored result with its explanations and exports the published annex', async () => {
      const [row] = dump.tables.evaluations as { id: string; period_id: string }[];
      const one = await app.request('GET', `/api/evaluations/${row.id}`, { as: 'auditor' });
      expect(one.status).toBe(200);
      expect(JSON.stringify(one.body.result.nodes)).toMatch(/"explanation":\{"(vi|en)":"[^"]+/);
      const pdf = await app.request('GET', `/api/periods/${row.period_id}/export?format=pdf`, { as: 'auditor' });
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toMatch(/pdf/);
    });
  },
);
