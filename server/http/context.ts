// What every route module receives: the database, the logger and the server's configuration.
import type { Logger } from 'pino';
import type { Db } from '../store/db';

export interface AppContext {
  db: Db;
  logger: Logger;
  config: {
    /** Where uploaded evidence and other files live (absent in tests that keep everything in memory). */
    dataDir?: string;
    /** Demo data (users, the 2021 period) is seeded on first start. */
    demo: boolean;
    /** Cookies get the Secure flag (set behind HTTPS). */
    secureCookies: boolean;
    /** Built console to serve; defaults to console/dist. */
    consoleDir?: string;
    /** Login attempts per IP and username in 15 minutes (default 10). */
    loginAttempts?: number;
    /** Requests per IP and minute to the public results, /api/public (default 300). */
    publicRequests?: number;
    /**
     * Other origins (e.g. "https://chiso.example.gov.vn") trusted to send state-changing requests,
     * besides the server's own; defaults to CHISO_ALLOWED_ORIGINS (sameOrigin.ts).
     */
    allowedOrigins?: readonly string[];
    /**
     * Which proxies' X-Forwarded-For to believe (TRUST_PROXY): a hop count, `loopback`, or addresses
     * and subnets. Unset, the client address is the socket's, so behind a proxy every user would
     * share the proxy's address (and one sign-in limit).
     */
    trustProxy?: string;
  };
}
