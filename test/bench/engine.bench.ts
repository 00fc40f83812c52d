// `npm run bench`: submissions per second on the generated 10,000 × 100-criterion set, from one run:
//   (a) chiso full evaluation (points, roll-up, bands, trace, two SHA-256 hashes per record, ranking)
//   (b) chiso scoring-only path (totals, bands, ranks), run first so that (a)'s records do not weigh on it
//   (c) json-rules-engine, a new Engine per submission, conditions only
//   (d) GoRules ZEN, the same points as an expression graph, evaluated with trace
//   (e) a hand-written closure of the same arithmetic in plain numbers (the limit)
// then the ratios, and the time to rank 10,000 and 100,000 evaluations. Figures go in the README;
// no test asserts on time. BENCH_SUBMISSIONS=n runs a smaller set.
import os from 'node:os';
import { Engine } from 'json-rules-engine';
import { ZenEngine } from '@gorules/zen-engine';
import { METHODS, compileVersion, evaluateSubmissions, rankEvaluations, scoreSubmissions, type Scoring } from '../../server/engine';
import { walkNodes } from '../../server/engine/tree';
import { generateSubmissions, generateVersion } from './generate';
import { handWritten } from './closure';
import { zenGraph } from './zen';

const COUNT = Number(process.env.BENCH_SUBMISSIONS ?? 10_000);
const version = generateVersion(100);
const submissions = generateSubmissions(version, COUNT);

/** Every condition of the version as a json-rules-engine rule, as the engine before 2.0 registered them. */
const rules = [...walkNodes(version.criteria)].flatMap(({ node }) =>
  node.scoring
    ? (METHODS[node.scoring.method].conditions as (s: Scoring) => { path: string; value: object }[])(node.scoring).map(
        ({ path, value }) => ({
          name: `${node.code}${path}`,
          priority: 1,
          conditions: 'all' in value || 'any' in value ? value : { all: [value] },
          event: { type: node.code },
        }),
      )
    : [],
);

const results: Record<string, number> = {};
async function time(key: string, label: string, run: () => unknown | Promise<unknown>, count = COUNT): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const rate = count / seconds;
  console.log(`${label.padEnd(62)} ${seconds.toFixed(3).padStart(8)} s  ${rate.toFixed(0).padStart(8)} submissions/s`);
  results[key] = rate;
  return seconds;
}

console.log(`Chỉ Số engine benchmark: ${COUNT} submissions × 100 criteria (${rules.length} condition rules)`);
console.log(`machine: ${os.cpus()[0]?.model ?? 'unknown'} × ${os.cpus().length}, node ${process.version}\n`);

const zen = new ZenEngine();
const decision = zen.createDecision(zenGraph(version));
const closure = handWritten(version);

// Warm-up, so that every contender runs JIT-compiled code, and a check that all agree on the totals.
const warm = submissions.slice(0, 200);
const compiledWarm = compileVersion(version);
const ours = scoreSubmissions(compiledWarm, warm);
evaluateSubmissions(compiledWarm, warm);
for (let i = 0; i < warm.length; i++) {
  const z = (await decision.evaluate(warm[i].facts, { trace: true })).result as { total: number; band: string };
  const c = closure(warm[i].facts);
  const zenTotal = Math.round(z.total * 100) / 100;
  if (zenTotal !== ours[i].total || z.band !== ours[i].band?.id || c.total !== ours[i].total || c.band !== ours[i].band?.id)
    throw new Error(
      `the contenders disagree on submission ${i}: chiso ${ours[i].total} ${ours[i].band?.id}, ZEN ${zenTotal} ${z.band}, closure ${c.total} ${c.band}`,
    );
  await new Engine(rules as never, { allowUndefinedFacts: true }).run({ ...warm[i].facts, agency: warm[i].agency });
}
console.log(`checked: chiso, ZEN and the closure give the same totals and bands on ${warm.length} submissions\n`);

await time('scoring', '(b) chiso scoring-only: compile, totals and bands, rank', () => {
  const compiled = compileVersion(version);
  rankEvaluations(compiled, scoreSubmissions(compiled, submissions));
});
let evaluations: ReturnType<typeof evaluateSubmissions> = [];
await time('full', '(a) chiso full: compile, evaluate with trace and hashes, rank', () => {
  const compiled = compileVersion(version);
  evaluations = evaluateSubmissions(compiled, submissions);
  rankEvaluations(compiled, evaluations);
});
await time('jre', '(c) json-rules-engine, new Engine per submission (conditions)', async () => {
  for (const s of submissions) await new Engine(rules as never, { allowUndefinedFacts: true }).run({ ...s.facts, agency: s.agency });
});
await time('zen', '(d) GoRules ZEN expression graph with trace', async () => {
  for (const s of submissions) await decision.evaluate(s.facts, { trace: true });
});
await time('closure', '(e) hand-written closure, plain numbers', () => {
  let sum = 0;
  for (const s of submissions) sum += closure(s.facts).total;
  return sum;
});
zen.dispose();

console.log('');
console.log(`full / json-rules-engine:  ${(results.full / results.jre).toFixed(2)}×   (target ≥ 10×)`);
console.log(`full / ZEN with trace:     ${(results.full / results.zen).toFixed(2)}×   (target ≥ 10×)`);
console.log(`closure / scoring-only:    ${(results.closure / results.scoring).toFixed(2)}×   (target ≤ 3×)`);

const compiled = compileVersion(version);
const rank = async (label: string, items: Parameters<typeof rankEvaluations>[1]) => {
  const start = process.hrtime.bigint();
  rankEvaluations(compiled, items);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(`rank ${String(items.length).padStart(7)} ${label.padEnd(30)} ${seconds.toFixed(3).padStart(8)} s   (target 100,000 < 1 s)`);
};
console.log('');
await rank('full evaluations', evaluations);
// 100,000 distinct agencies: ten generated batches, scored (the scoring-only path keeps what ranking needs).
const many = [];
for (let k = 0; k < 10; k++)
  many.push(
    ...scoreSubmissions(compiled, generateSubmissions(version, 10_000, 100 + k)).map((s, i) => ({ ...s, agencyId: `agency-${k}-${i}` })),
  );
await rank('scores (totals, bands)', many);
