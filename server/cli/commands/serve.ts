// `chiso serve` (npm start): opens and migrates the database, seeds an empty one, builds the
// console if needed, serves API and console on PORT, and shuts down cleanly on SIGTERM/SIGINT.
import type { Command } from 'commander';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import pino, { type Logger } from 'pino';
import { createApp } from '../../http/app';
import { fromRoot } from '../../paths';
import type { AppContext } from '../../http/context';
import { credentialsBox, seedIfEmpty } from '../../seed';
import { databaseConfig, openConfiguredDb } from '../database';
import { allowedOriginsFrom } from '../../http/sameOrigin';
import { closeScoringPool } from '../../services/scoring/pool';

const off = (value: string | undefined) => value !== undefined && /^(0|false|off|no)$/i.test(value.trim());

export function register(command: Command): void {
  command
    .addHelpText(
      'after',
      '\nEnvironment: PORT (3000), HOST, DATA_DIR (./data), DATABASE_URL (PostgreSQL instead of embedded PGlite), ' +
        'DATABASE_SCHEMA, CHISO_DEMO (1; 0 = no demo users or demo data), CHISO_DEMO_PASSWORD (fixed demo passwords), ' +
        'CHISO_CONSOLE_BUILD (1; 0 = do not build a missing console), CHISO_SECURE_COOKIES (0), LOG_LEVEL (info)',
    )
    .action(async () => {
      await serve();
    });
}

export async function serve(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  // Synchronous writes: startup lines and the credentials box stay in order, and nothing is lost on exit.
  const logger = pino({ name: 'chiso', level: env.LOG_LEVEL || 'info' }, pino.destination({ dest: 1, sync: true }));
  const port = Number(env.PORT || 3000);
  const demo = !off(env.CHISO_DEMO);
  const config = databaseConfig(env);

  const { db, release, applied } = await openConfiguredDb(config, true);
  logger.info({ database: db.dialect, dataDir: config.url ? undefined : config.dataDir, applied }, 'database ready');

  const seed = await seedIfEmpty(db, { logger, demo, demoPassword: env.CHISO_DEMO_PASSWORD || undefined });
  if (seed.seeded) logger.info({ demo }, 'empty database seeded');
  if (seed.credentials.length) process.stdout.write(`\n${credentialsBox(seed.credentials)}\n\n`);

  const consoleDir = fromRoot('console/dist');
  if (!off(env.CHISO_CONSOLE_BUILD)) await ensureConsoleBuilt(consoleDir, logger);

  const ctx: AppContext = {
    db,
    logger,
    config: {
      dataDir: config.dataDir,
      demo,
      secureCookies: env.CHISO_SECURE_COOKIES === '1',
      consoleDir,
      allowedOrigins: allowedOriginsFrom(env.CHISO_ALLOWED_ORIGINS),
      trustProxy: env.TRUST_PROXY || undefined,
    },
  };
  const app = createApp(ctx);
  const server: Server = env.HOST ? app.listen(port, env.HOST) : app.listen(port);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const actualPort = (server.address() as AddressInfo).port;
  logger.info({ port: actualPort, url: `http://localhost:${actualPort}` }, 'listening');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: no new connections, draining requests');
    // Requests in flight finish; idle keep-alive sockets close now, stragglers after 10 s.
    const force = setTimeout(() => server.closeAllConnections(), 10_000);
    force.unref();
    server.close(async (err) => {
      if (err) logger.error({ err }, 'server close');
      try {
        // No request is left to score for: the scoring threads end before the database closes.
        await closeScoringPool();
        await db.close();
        logger.info('database closed; bye');
      } catch (e) {
        logger.error({ err: e }, 'database close failed');
      } finally {
        release();
        process.exit(0);
      }
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

/** Builds the console with Vite when console/dist is missing; the API works without it. */
async function ensureConsoleBuilt(consoleDir: string, logger: Logger): Promise<void> {
  if (existsSync(path.join(consoleDir, 'index.html'))) return;
  const configFile = fromRoot('console/vite.config.ts');
  if (!existsSync(configFile)) {
    logger.warn('console/ is not there yet; serving the API only');
    return;
  }
  logger.info('console/dist is missing: building the console (vite build)…');
  const started = Date.now();
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve) => {
    // A served console is a production build, whatever NODE_ENV the server itself runs under
    // (test runners set it to "test", which would give React's development bundle).
    const child = spawn('npx', ['vite', 'build', '--config', configFile], {
      cwd: fromRoot(),
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_ENV: 'production' },
    });
    child.stdout.on('data', (d) => output.push(String(d)));
    child.stderr.on('data', (d) => output.push(String(d)));
    child.on('error', (err) => {
      output.push(String(err));
      resolve(null);
    });
    child.on('close', resolve);
  });
  if (code === 0) logger.info({ ms: Date.now() - started }, 'console built');
  else logger.error({ code, output: output.join('').slice(-4000) }, 'console build failed; serving the API only');
}
