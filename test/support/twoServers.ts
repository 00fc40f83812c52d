// Two `chiso serve` processes on one PostgreSQL database (a fresh schema, first start with the demo
// seed), for tests of concurrent writes through both. Call it inside the suite: it registers the
// afterAll that stops both servers (each must exit 0) and drops the schema.
import { afterAll, expect } from 'vitest';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { login, spawnServer, type ServerProcess } from './server';

/** The demo accounts' password on the two servers. */
export const TWO_SERVERS_PASSWORD = 'two servers one database';

/** A JSON request through server `i % 2`, so that consecutive calls alternate between the two. */
export type AlternatingCall = (
  i: number,
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<{ status: number; body: any }>;

export function twoServers(url: string, schemaPrefix: string) {
  const schema = `${schemaPrefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const servers: ServerProcess[] = [];
  afterAll(async () => {
    for (const s of servers) expect(await s.stop()).toBe(0);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  });

  return {
    servers,
    /** Starts both at once on the empty schema. */
    async start() {
      const env = { DATABASE_URL: url, DATABASE_SCHEMA: schema, CHISO_DEMO_PASSWORD: TWO_SERVERS_PASSWORD, CHISO_DEMO: '1' };
      servers.push(...(await Promise.all([spawnServer(env), spawnServer(env)])));
    },
    /** Signs `username` in on both servers (each must answer 200). */
    async signIn(username: string): Promise<AlternatingCall> {
      const cookies = await Promise.all(servers.map((s) => login(s.url, username, TWO_SERVERS_PASSWORD)));
      expect(cookies.map((c) => c.status)).toEqual([200, 200]);
      return async (i, method, path, body, headers = {}) => {
        const res = await fetch(servers[i % 2].url + path, {
          method,
          headers: { cookie: cookies[i % 2].cookie, 'content-type': 'application/json', ...headers },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        return { status: res.status, body: await res.json() };
      };
    },
  };
}
