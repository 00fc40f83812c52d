// Conditions are json-rules-engine condition trees. A compiled version holds one json-rules-engine
// Engine with one rule per "slot" (a cohort's membership, a criterion's yes/no condition, one case
// of a cases method …). One run per submission evaluates every slot; all facts share one priority,
// so json-rules-engine evaluates every condition of a group and the trace is complete.
import { Engine } from 'json-rules-engine';
import type { Condition } from './schemaTypes';
import type { ConditionTrace } from './evaluation';

export type SlotResults = Map<string, { holds: boolean; trace: ConditionTrace[] }>;

interface EvaluatedCondition {
  all?: EvaluatedCondition[];
  any?: EvaluatedCondition[];
  not?: EvaluatedCondition;
  fact?: string;
  path?: string;
  operator?: string;
  value?: unknown;
  factResult?: unknown;
  valueResult?: unknown;
  result?: boolean;
}

/** json-rules-engine wants all/any/not at the top of a rule. */
const topLevel = (condition: Condition): Condition =>
  'all' in condition || 'any' in condition || 'not' in condition ? condition : { all: [condition] };

const orNull = (v: unknown): unknown => (v === undefined ? null : v);

function flatten(c: EvaluatedCondition, out: ConditionTrace[]): ConditionTrace[] {
  if (c.all) c.all.forEach((x) => flatten(x, out));
  else if (c.any) c.any.forEach((x) => flatten(x, out));
  else if (c.not) flatten(c.not, out);
  else {
    const comparesFact = c.value !== null && typeof c.value === 'object' && !Array.isArray(c.value);
    out.push({
      fact: c.fact as string,
      ...(c.path ? { path: c.path } : {}),
      operator: c.operator as string,
      value: orNull(comparesFact ? c.valueResult : c.value),
      factValue: orNull(c.factResult),
      holds: c.result === true,
    });
  }
  return out;
}

export class ConditionEngine {
  private readonly engine = new Engine([], { allowUndefinedFacts: true });
  private readonly slots: string[] = [];

  add(slot: string, condition: Condition): void {
    this.slots.push(slot);
    this.engine.addRule({ name: slot, priority: 1, conditions: topLevel(condition) as never, event: { type: slot } });
  }

  get size(): number {
    return this.slots.length;
  }

  /** Evaluates every slot against the facts; the agency is the fact `agency`. */
  async run(facts: Record<string, unknown>): Promise<SlotResults> {
    const results: SlotResults = new Map();
    if (this.slots.length === 0) return results;
    const { results: held, failureResults: failed } = await this.engine.run({ ...facts });
    for (const ruleResult of [...held, ...failed]) {
      const json = ruleResult.toJSON(false) as unknown as { name: string; conditions: EvaluatedCondition; result: boolean };
      results.set(json.name, { holds: json.result === true, trace: flatten(json.conditions, []) });
    }
    return results;
  }
}
