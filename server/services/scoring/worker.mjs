// A thread of the scoring pool (pool.ts) when the server runs from its sources (vitest, `npm run
// load`); the `chiso` bundle has its own worker entry. A worker thread does not inherit the
// parent's loader hooks, so it registers tsx itself before loading the tasks.
import { register } from 'tsx/esm/api';

register();
const { default: scoringWorker } = await import('./tasks.ts');

export default scoringWorker;
