// `npm run bench`: submissions per second for our engine (points, roll-up, bands and a full trace)
// against a baseline that runs the same conditions through a fresh json-rules-engine Engine per
// submission. Figures go in the README; no test asserts on time.
import os from 'node:os';
import { Engine } from 'json-rules-engine';
import { compileVersion, evaluateSubmissions, rankEvaluations } from '../../server/engine';
import { scoringConditions } from '../../server/engine/methods';
import { walkNodes } from '../../server/engine/tree';
import { generateSubmissions, generateVersion } from './generate';

const COUNT = Number(process.env.BENCH_SUBMISSIONS ?? 10_000);
const version = generateVersion(100);
const submissions = generateSubmissions(version, COUNT);

const rules = [...walkNodes(version.criteria)].flatMap(({ node }) =>
  node.scoring ? scoringConditions(node.scoring, node.code).map(([name, c]) => ({ name, priority: 1, conditions: 'all' in c || 'any' in c ? c : { all: [c] }, event: { type: name } })) : [],
);

async function time(label: string, run: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const rate = COUNT / seconds;
  console.log(`${label.padEnd(58)} ${seconds.toFixed(2).padStart(7)} s  ${rate.toFixed(0).padStart(7)} submissions/s`);
  return rate;
}

console.log(`Chỉ Số engine benchmark: ${COUNT} submissions × 100 criteria (${rules.length} condition rules)`);
console.log(`machine: ${os.cpus()[0]?.model ?? 'unknown'} × ${os.cpus().length}, node ${process.version}\n`);

// Warm-up so both sides run JIT-compiled code.
await evaluateSubmissions(compileVersion(version), submissions.slice(0, 200));

const ours = await time('chiso: compile once, evaluate with full trace, rank', async () => {
  const compiled = compileVersion(version);
  rankEvaluations(compiled, await evaluateSubmissions(compiled, submissions));
});
const compiledOnce = compileVersion(version);
await time('  of which: the same conditions in the compiled engine', async () => {
  for (const s of submissions) await compiledOnce.conditions.run({ ...s.facts, agency: s.agency });
});
const baseline = await time('baseline: new json-rules-engine Engine per submission', async () => {
  for (const s of submissions) {
    const engine = new Engine(rules as never, { allowUndefinedFacts: true });
    await engine.run({ ...s.facts, agency: s.agency });
  }
});
console.log(`\nratio (chiso ÷ baseline): ${(ours / baseline).toFixed(2)}×`);
console.log('chiso does the baseline’s condition work plus points, roll-up, bands, a trace and explanation per');
console.log('criterion, and SHA-256 over the canonical input and result of every submission.');
