// vitest globalSetup: after a run of every API suite (npm test), every operation of the OpenAPI
// document must have been answered with a documented success in one of them (test/support/
// contract.ts records them per suite), but those NOT_EXERCISED names with a reason; the run fails
// otherwise. A run of some suites only concludes nothing: the others' records could be stale.
import { coverageReport } from './contract';

export default function setup(): () => void {
  const started = Date.now();
  return () => {
    const report = coverageReport(started);
    if (report.unrecorded.length) return;
    const lines = [
      ...report.missing.map((op) => `  ${op}: no API test calls it successfully (call it, or list it in NOT_EXERCISED with the reason)`),
      ...report.stale.map((op) => `  ${op}: listed in NOT_EXERCISED, but a suite calls it or the document has no such operation`),
    ];
    if (!lines.length) {
      console.log(`API contract: ${report.exercised} of ${report.operations} operations called by the API suites`);
      return;
    }
    console.error(`API contract coverage (test/support/contract.ts):\n${lines.join('\n')}`);
    // A teardown's exception is only logged; the exit code is what fails the run.
    process.exitCode = 1;
  };
}
