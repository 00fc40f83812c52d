// `npm run load`: a bounded load test on loopback. For each database — embedded PGlite always (a
// fresh temporary data folder), PostgreSQL too when DATABASE_URL or TEST_DATABASE_URL is set (a
// fresh schema, dropped afterwards) — it starts `chiso serve` as `npm start` does, seeded with the
// demo data, copies the demo period's submissions (facts, submission, appraisals) into more periods
// through the API until there are LOAD_PERIODS of them (20), signs in as the evaluator and, LOAD_ROUNDS
// times (3), fires one evaluation per period, all at once, while GET /api/periods, GET
// /api/submissions (the console's first page of 25) and /healthz are polled back to back. It
// prints p50/p95/p99/max latencies of the polls while idle and while the evaluations run (all
// rounds together), and of the evaluations, with every error.
//
//   npm run load                          PGlite (and PostgreSQL when a URL is set)
//   LOAD_DATABASES=pglite npm run load    only one of them (pglite, postgres)
//   LOAD_PERIODS=5 LOAD_ROUNDS=1 npm run load   fewer concurrent evaluations, one round
//
// The figures mean something only on an otherwise idle machine: before measuring it waits (up to
// LOAD_QUIET_S, 120 s) for the CPUs to be less than 25 % busy, and it prints how busy they were
// while it measured. Exits 1 when a request failed or a poll's p99 under load is above
// LOAD_TARGET_MS (300); the figures are the point, so it runs everything before deciding.
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { login, spawnServer, type ServerProcess } from '../support/server';

const PASSWORD = 'Quiet harbour, twenty lanterns at dusk';
const PERIODS = Number(process.env.LOAD_PERIODS || 20);
const ROUNDS = Number(process.env.LOAD_ROUNDS || 3);
const TARGET_MS = Number(process.env.LOAD_TARGET_MS || 300);
const IDLE_MS = 3_000;
/** No request may take longer; a stalled server fails the run instead of hanging it. */
const REQUEST_TIMEOUT_MS = 180_000;
const SETUP_CONCURRENCY = 4;
const QUIET_S = Number(process.env.LOAD_QUIET_S ?? 120);
const POLLS = {
  'GET /api/periods': '/api/periods?sort=["year","DESC"]&range=[0,24]',
  'GET /api/submissions': '/api/submissions?sort=["agencyName","ASC"]&range=[0,24]',
  'GET /healthz': '/healthz',
} as const;

interface Sample {
  ms: number;
  error?: string;
}

interface Client {
  url: string;
  cookie: string;
}

async function request(client: Client, method: string, url: string, body?: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(client.url + url, {
    method,
    headers: { cookie: client.cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await res.text();
  return { status: res.status, json: text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
}

async function expectOk(client: Client, method: string, url: string, body?: unknown): Promise<any> {
  const { status, json } = await request(client, method, url, body);
  if (status >= 300) throw new Error(`${method} ${url} → ${status}: ${JSON.stringify(json).slice(0, 500)}`);
  return json;
}

/** Times one request; a status ≥ 400 or a network error is an error sample. */
async function timed(client: Client, method: string, url: string, body?: unknown): Promise<Sample> {
  const started = performance.now();
  try {
    const { status, json } = await request(client, method, url, body);
    const ms = performance.now() - started;
    return status < 400 ? { ms } : { ms, error: `${status} ${json?.code ?? ''}`.trim() };
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code;
    return { ms: performance.now() - started, error: cause ?? (err as Error).name };
  }
}

async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(size, items.length) }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

/** The demo period's submissions copied into new periods of the same version, through the API. */
async function setUpPeriods(client: Client): Promise<string[]> {
  const periods = (await expectOk(client, 'GET', '/api/periods?range=[0,999]')) as { id: string; year: number; versionId: string }[];
  const demo = periods.find((p) => p.year === 2021);
  if (!demo) throw new Error('the demo period 2021 is missing: is CHISO_DEMO on?');
  const submissions = (await expectOk(client, 'GET', `/api/submissions?range=[0,999]&filter=${JSON.stringify({ periodId: demo.id })}`)) as {
    agencyId: string;
    facts: Record<string, unknown>;
    appraisedFacts: Record<string, unknown>;
  }[];
  const ids = [demo.id];
  const years = new Set(periods.map((p) => p.year));
  for (let year = 2099; ids.length < PERIODS; year--) {
    if (years.has(year)) continue;
    const period = await expectOk(client, 'POST', '/api/periods', { year, versionId: demo.versionId, title: `Load test ${year}` });
    await inBatches(submissions, SETUP_CONCURRENCY, async (s) => {
      const created = await expectOk(client, 'POST', '/api/submissions', { periodId: period.id, agencyId: s.agencyId, facts: s.facts });
      await expectOk(client, 'POST', `/api/submissions/${created.id}/submit`);
      for (const [fact, value] of Object.entries(s.appraisedFacts)) {
        await expectOk(client, 'POST', `/api/submissions/${created.id}/appraisals`, { fact, value, reason: 'Load test copy' });
      }
    });
    ids.push(period.id);
  }
  return ids;
}

/** Polls every endpoint back to back (one request in flight per endpoint) until `until` settles. */
async function poll(client: Client, until: Promise<unknown>): Promise<Record<string, Sample[]>> {
  let done = false;
  void until.finally(() => (done = true));
  const samples: Record<string, Sample[]> = {};
  await Promise.all(
    Object.entries(POLLS).map(async ([name, url]) => {
      const list: Sample[] = (samples[name] = []);
      while (!done) list.push(await timed(client, 'GET', url));
    }),
  );
  return samples;
}

/** CPU time of the whole machine so far: busy and total, summed over its CPUs. */
function cpuTimes(): { busy: number; total: number } {
  let busy = 0;
  let total = 0;
  for (const { times } of cpus()) {
    const all = times.user + times.nice + times.sys + times.irq + times.idle;
    total += all;
    busy += all - times.idle;
  }
  return { busy, total };
}

const busySince = (before: { busy: number; total: number }): number => {
  const now = cpuTimes();
  return (now.busy - before.busy) / Math.max(1, now.total - before.total);
};

/** Waits until the machine's CPUs are less than 25 % busy over 2 s (at most QUIET_S); returns the last figure. */
async function quiet(): Promise<number> {
  const until = performance.now() + QUIET_S * 1000;
  for (;;) {
    const before = cpuTimes();
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const busy = busySince(before);
    if (busy < 0.25 || performance.now() > until) return busy;
  }
}

const pct = (x: number) => `${Math.round(x * 100)} %`;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

interface Row {
  what: string;
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: string;
}

function row(what: string, samples: Sample[]): Row {
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  const errors = new Map<string, number>();
  for (const s of samples) if (s.error) errors.set(s.error, (errors.get(s.error) ?? 0) + 1);
  const at = (p: number) => Math.round(percentile(sorted, p) ?? NaN);
  return {
    what,
    n: samples.length,
    p50: at(50),
    p95: at(95),
    p99: at(99),
    max: at(100),
    errors: [...errors].map(([e, n]) => `${n}× ${e}`).join(', '),
  };
}

function printTable(title: string, rows: Row[]): void {
  const head = ['', 'n', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'errors'];
  const cells = rows.map((r) => [r.what, r.n, r.p50, r.p95, r.p99, r.max, r.errors || '0'].map(String));
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((v, i) => (i === 0 || i === 6 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join('  ');
  process.stdout.write(`\n${title}\n${line(head)}\n${cells.map(line).join('\n')}\n`);
}

interface Backend {
  name: 'pglite' | 'postgres';
  env: Record<string, string>;
  cleanUp(): Promise<void>;
}

function backends(): Backend[] {
  const wanted = (process.env.LOAD_DATABASES || 'pglite,postgres').split(',');
  const url = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
  const list: Backend[] = [];
  if (wanted.includes('pglite')) {
    const dir = mkdtempSync(path.join(tmpdir(), 'chiso-load-'));
    list.push({ name: 'pglite', env: { DATA_DIR: dir }, cleanUp: async () => rmSync(dir, { recursive: true, force: true }) });
  }
  if (wanted.includes('postgres') && url) {
    const schema = `load_${Date.now().toString(36)}`;
    list.push({
      name: 'postgres',
      env: { DATABASE_URL: url, DATABASE_SCHEMA: schema },
      async cleanUp() {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await client.end();
      },
    });
  }
  return list;
}

async function run(backend: Backend): Promise<{ failed: boolean }> {
  let server: ServerProcess | undefined;
  try {
    const started = performance.now();
    server = await spawnServer(
      {
        ...backend.env,
        CHISO_DEMO: '1',
        CHISO_DEMO_PASSWORD: PASSWORD,
        CHISO_CONSOLE_BUILD: '0',
        DATABASE_URL: backend.env.DATABASE_URL ?? '',
      },
      180_000,
    );
    const signedIn = await login(server.url, 'evaluator', PASSWORD);
    if (signedIn.status !== 200) throw new Error(`evaluator sign-in → ${signedIn.status}`);
    const client = { url: server.url, cookie: signedIn.cookie };
    const periodIds = await setUpPeriods(client);
    process.stdout.write(
      `\n[${backend.name}] server up and ${periodIds.length} periods ready in ${Math.round(performance.now() - started)} ms\n`,
    );

    const machineBefore = await quiet();
    const idle = await poll(client, new Promise((resolve) => setTimeout(resolve, IDLE_MS)));
    const measuring = cpuTimes();
    const busy: Record<string, Sample[]> = {};
    const evaluated: Sample[] = [];
    const walls: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      if (round) await new Promise((resolve) => setTimeout(resolve, 1_000));
      const roundStarted = performance.now();
      const evaluations = Promise.all(periodIds.map((id) => timed(client, 'POST', `/api/periods/${id}/evaluate`, {})));
      for (const [name, samples] of Object.entries(await poll(client, evaluations))) (busy[name] ??= []).push(...samples);
      evaluated.push(...(await evaluations));
      walls.push(Math.round(performance.now() - roundStarted));
    }
    const machine = busySince(measuring);

    printTable(
      `[${backend.name}] idle, ${IDLE_MS / 1000} s`,
      Object.entries(idle).map(([name, s]) => row(name, s)),
    );
    const busyRows = Object.entries(busy).map(([name, s]) => row(name, s));
    printTable(`[${backend.name}] while ${periodIds.length} period evaluations run, ${ROUNDS} round(s) of ${walls.join(', ')} ms`, [
      ...busyRows,
      row(`POST /api/periods/:id/evaluate`, evaluated),
    ]);
    process.stdout.write(`[${backend.name}] CPUs busy: ${pct(machineBefore)} before measuring, ${pct(machine)} while evaluating\n`);
    const errors = [...Object.values(idle), ...Object.values(busy), evaluated].flat().filter((s) => s.error).length;
    const over = busyRows.filter((r) => !(r.p99 < TARGET_MS));
    if (over.length) process.stdout.write(`[${backend.name}] p99 above ${TARGET_MS} ms: ${over.map((r) => r.what).join(', ')}\n`);
    return { failed: errors > 0 || over.length > 0 };
  } finally {
    await server?.stop();
    await backend.cleanUp();
  }
}

process.stdout.write(
  `chiso load: ${PERIODS} concurrent period evaluations; node ${process.version}, ${availableParallelism()} CPU (${cpus()[0]?.model ?? '?'})\n`,
);
let failed = false;
for (const backend of backends()) failed = (await run(backend)).failed || failed;
process.exit(failed ? 1 : 0);
