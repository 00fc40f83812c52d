// json-rules-engine is the reference for what a condition means. Thousands of generated condition
// trees (all / any / not, every operator and decorator, paths, fact-to-fact values, absent facts)
// are run through json-rules-engine and through the compiled closure on generated facts: the same
// result, and for every leaf the same value read, the same compared value and the same outcome —
// or both refuse to evaluate.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BASE_OPERATORS, DATE_OPERATORS, referenceEngine } from '../../server/engine/conditions/operators';
import { compileCondition, type LeafRecord } from '../../server/engine/conditions/compile';
import { conditionsView } from '../../server/engine/conditions/view';
import { Bests } from '../../server/engine/env';
import type { Agency, Condition, ConditionTrace } from '../../server/engine';

const FACTS = ['a', 'b', 'c', 'd', 'missing', 'agency'];
const PATHS = ['$.kind', '$.x', '$.length', '$.has_public_services'];
const OPERATORS = [
  ...BASE_OPERATORS,
  'not:equal',
  'not:in',
  'someFact:equal',
  'someFact:greaterThan',
  'everyFact:lessThanInclusive',
  'someValue:equal',
  'everyValue:notEqual',
  'swap:in',
  'swap:contains',
  'not:someFact:equal',
  'everyFact:not:in',
  ...DATE_OPERATORS,
  'not:dateBefore',
];

const primitive = fc.oneof(
  fc.integer({ min: -5, max: 100 }),
  fc.double({ min: -10, max: 10, noNaN: true }),
  fc.constantFrom('department', 'district', 'x', '', '10', 'abc', '2024-12-15', '2024-02-30', '2023-01-01', '2025-06-30'),
  fc.boolean(),
  fc.constant(null),
);
const value = fc.oneof(
  { arbitrary: primitive, weight: 5 },
  { arbitrary: fc.array(primitive, { maxLength: 4 }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constantFrom('department', 'district'), x: primitive }), weight: 1 },
);

const leaf: fc.Arbitrary<Condition> = fc
  .record(
    {
      fact: fc.constantFrom(...FACTS),
      path: fc.constantFrom(...PATHS),
      operator: fc.constantFrom(...OPERATORS),
      value: fc.oneof(
        { arbitrary: primitive, weight: 4 },
        { arbitrary: fc.array(primitive, { maxLength: 4 }), weight: 3 },
        {
          arbitrary: fc.record({ fact: fc.constantFrom(...FACTS), path: fc.constantFrom(...PATHS) }, { requiredKeys: ['fact'] }),
          weight: 2,
        },
      ),
    },
    { requiredKeys: ['fact', 'operator', 'value'] },
  )
  .map((c) => c as Condition);

const tree: fc.Arbitrary<Condition> = fc.letrec<{ node: Condition }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map((all) => ({ all }) as Condition),
    fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map((any) => ({ any }) as Condition),
    tie('node').map((not) => ({ not }) as Condition),
  ),
})).node;

const facts = fc.record(
  {
    a: value,
    b: value,
    c: value,
    d: fc.constantFrom(undefined, 0, 'x'),
    agency: fc.record({
      id: fc.constant('so-a'),
      name: fc.constant('Sở A'),
      kind: fc.constantFrom('department', 'district'),
      has_public_services: fc.boolean(),
    }),
  },
  { requiredKeys: ['agency'] },
);

interface Evaluated {
  all?: Evaluated[];
  any?: Evaluated[];
  not?: Evaluated;
  fact?: string;
  path?: string;
  operator?: string;
  value?: unknown;
  factResult?: unknown;
  valueResult?: unknown;
  result?: boolean;
}

/** json-rules-engine's evaluated leaves, as the engine before 2.0 read them into its trace. */
function flatten(c: Evaluated, out: ConditionTrace[] = []): ConditionTrace[] {
  if (c.all) c.all.forEach((x) => flatten(x, out));
  else if (c.any) c.any.forEach((x) => flatten(x, out));
  else if (c.not) flatten(c.not, out);
  else {
    const refers = c.value !== null && typeof c.value === 'object' && !Array.isArray(c.value);
    out.push({
      fact: c.fact!,
      ...(c.path ? { path: c.path } : {}),
      operator: c.operator!,
      value: (refers ? c.valueResult : c.value) ?? null,
      factValue: c.factResult ?? null,
      holds: c.result === true,
    });
  }
  return out;
}

async function reference(condition: Condition, input: Record<string, unknown>) {
  const engine = referenceEngine();
  const conditions = 'all' in condition || 'any' in condition || 'not' in condition ? condition : { all: [condition] };
  engine.addRule({ name: 'r', priority: 1, conditions: conditions as never, event: { type: 'r' } });
  try {
    const { results, failureResults } = await engine.run({ ...input });
    const json = [...results, ...failureResults][0].toJSON(false) as unknown as { conditions: Evaluated; result: boolean };
    return { holds: json.result === true, trace: flatten(json.conditions) };
  } catch (err) {
    return { error: String(err) };
  }
}

function compiled(condition: Condition, input: Record<string, unknown>) {
  try {
    const fn = compileCondition(condition);
    const leaves: LeafRecord[] = [];
    const { agency, ...rest } = input;
    const holds = fn({ facts: rest as never, agency: agency as Agency, best: Bests.NONE, year: 2024 }, leaves);
    // What is stored is JSON: compare what JSON keeps of both.
    return { holds, trace: JSON.parse(JSON.stringify(conditionsView([condition], leaves))) as ConditionTrace[] };
  } catch (err) {
    return { error: String(err) };
  }
}

describe('compiled conditions mean what json-rules-engine makes of them', () => {
  it('the same result and the same trace on generated trees and facts', async () => {
    let compared = 0;
    let failed = 0;
    await fc.assert(
      fc.asyncProperty(tree, facts, async (condition, input) => {
        const expected = await reference(condition, input);
        const actual = compiled(condition, input);
        if ('error' in expected) {
          failed++;
          expect(actual).toHaveProperty('error');
          return;
        }
        compared++;
        expect(actual).not.toHaveProperty('error');
        expect(actual).toEqual({ holds: expected.holds, trace: JSON.parse(JSON.stringify(expected.trace)) });
      }),
      { numRuns: 3000 },
    );
    // The generated cases mostly evaluate; the refusals (an operator applied to what it cannot take) agree too.
    expect(compared).toBeGreaterThan(failed);
  });

  it('refuses an unknown operator when compiling, as json-rules-engine does when running', async () => {
    const condition: Condition = { fact: 'a', operator: 'bogus', value: 1 };
    expect(await reference(condition, { a: 1, agency: {} })).toHaveProperty('error');
    expect(() => compileCondition(condition)).toThrow(/Unknown operator: bogus/);
  });
});
