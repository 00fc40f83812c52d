// The same generated rule set as a GoRules ZEN decision graph (JDM): one expression node computing
// every criterion's points, one adding them up per index and in total, then the band. Evaluated with
// trace, as our full evaluation keeps one. Only the six methods the generator uses.
import type { Node, RuleSetVersion, Scoring } from '../../server/engine';

const leafFacts = (c: unknown): string[] => {
  const x = c as { all?: unknown[]; any?: unknown[]; fact?: string };
  return x.all ? x.all.flatMap(leafFacts) : x.any ? x.any.flatMap(leafFacts) : [x.fact!];
};

function expression(s: Scoring, max: number): string {
  switch (s.method) {
    case 'yesNo': {
      const [a, n] = leafFacts(s.when);
      return `(${a} == true and ${n} >= 50) ? ${max} : 0`;
    }
    case 'cases': {
      const [n] = leafFacts(s.cases[0].when);
      return `${n} >= 80 ? ${max} : (${n} >= 40 ? ${max * 0.5} : 0)`;
    }
    case 'parts': {
      const [a] = leafFacts(s.parts[0].when);
      const [n, b] = leafFacts(s.parts[1].when);
      return `min([(${a} == true ? ${max * 0.5} : 0) + ((${n} > 70 or ${b} > 70) ? ${max * 0.5} : 0), ${max}])`;
    }
    case 'tiers': {
      const n = (s.value as { fact: string }).fact;
      return `${n} >= 90 ? ${max} : (${n} >= 70 ? ${max * 0.8} : (${n} >= 50 ? ${max * 0.5} : 0))`;
    }
    case 'proportional': {
      const { numerator: n, denominator: d } = s as { numerator: string; denominator: string };
      return `${d} == 0 ? 0 : min([${n} / ${d}, 1]) * ${max}`;
    }
    case 'countCap':
      return `min([max([${s.fact} * ${s.unit}, 0]), ${max}])`;
    default:
      throw new Error(`the ZEN graph has no ${s.method}`);
  }
}

const key = (code: string) => `p${code.replace(/\./g, '_')}`;

export function zenGraph(version: RuleSetVersion): object {
  const criteria = version.criteria.flatMap((index: Node) => index.children!);
  const points = criteria.map((c, i) => ({ id: `e${i}`, key: key(c.code), value: expression(c.scoring!, c.max ?? 0) }));
  const indices = version.criteria.map((index, i) => ({
    id: `s${i}`,
    key: key(index.code),
    value: index.children!.map((c) => key(c.code)).join(' + '),
  }));
  const max = version.cohorts[0].maxScore;
  const levels = [...version.bands.levels].sort((a, b) => b.min - a.min);
  const band = levels.reduceRight((rest, l) => `percentage >= ${l.min} ? '${l.id}' : (${rest})`, "''");
  return {
    nodes: [
      { id: 'in', type: 'inputNode', name: 'submission', position: { x: 0, y: 0 }, content: { schema: '' } },
      {
        id: 'points',
        type: 'expressionNode',
        name: 'points',
        position: { x: 200, y: 0 },
        content: { expressions: points, passThrough: true, inputField: null, outputPath: null, executionMode: 'single' },
      },
      {
        id: 'indices',
        type: 'expressionNode',
        name: 'indices',
        position: { x: 400, y: 0 },
        content: { expressions: indices, passThrough: true, inputField: null, outputPath: null, executionMode: 'single' },
      },
      {
        id: 'total',
        type: 'expressionNode',
        name: 'total',
        position: { x: 600, y: 0 },
        content: {
          expressions: [{ id: 't', key: 'total', value: version.criteria.map((i) => key(i.code)).join(' + ') }],
          passThrough: true,
          inputField: null,
          outputPath: null,
          executionMode: 'single',
        },
      },
      {
        id: 'band',
        type: 'expressionNode',
        name: 'band',
        position: { x: 700, y: 0 },
        content: {
          expressions: [{ id: 'p', key: 'percentage', value: `total / ${max} * 100` }],
          passThrough: true,
          inputField: null,
          outputPath: null,
          executionMode: 'single',
        },
      },
      {
        id: 'level',
        type: 'expressionNode',
        name: 'level',
        position: { x: 750, y: 0 },
        content: {
          expressions: [{ id: 'b', key: 'band', value: band }],
          passThrough: true,
          inputField: null,
          outputPath: null,
          executionMode: 'single',
        },
      },
      { id: 'out', type: 'outputNode', name: 'result', position: { x: 800, y: 0 }, content: { schema: '' } },
    ],
    edges: [
      { id: 'a', sourceId: 'in', targetId: 'points', type: 'edge' },
      { id: 'b', sourceId: 'points', targetId: 'indices', type: 'edge' },
      { id: 'c', sourceId: 'indices', targetId: 'total', type: 'edge' },
      { id: 'd', sourceId: 'total', targetId: 'band', type: 'edge' },
      { id: 'e', sourceId: 'band', targetId: 'level', type: 'edge' },
      { id: 'f', sourceId: 'level', targetId: 'out', type: 'edge' },
    ],
  };
}
