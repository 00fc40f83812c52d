// A thread of the scoring pool (pool.ts). The server runs TypeScript through tsx, registered by
// server/cli/bin.mjs (and by vitest's own transform in tests); a worker thread does not inherit
// those loader hooks, so it registers tsx itself before loading the tasks.
import { register } from 'tsx/esm/api';

register();
const { default: scoringWorker } = await import('./tasks.ts');

export default scoringWorker;
