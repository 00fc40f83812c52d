// Global setup: the `chiso` bundle is built once before the suites run, so the commands the tests
// spawn never rebuild it concurrently (bin.mjs would rebuild a stale bundle on its own otherwise).
// @ts-expect-error -- a plain .mjs module without types
import { ensureBuilt } from '../../server/cli/build.mjs';

export default async function setup(): Promise<void> {
  await (ensureBuilt as () => Promise<string>)();
}
