// A json-rules-engine condition tree compiled once into a synchronous closure. It reads facts as
// json-rules-engine's almanac does (an absent fact is undefined; `path` applies to objects only and
// otherwise yields the fact itself; `value: { fact }` is read the same way) and compares with
// json-rules-engine's own operators. All facts share one priority, so json-rules-engine evaluates
// every leaf of every group; so does this, which is what makes the trace complete.
import { JSONPath } from 'jsonpath-plus';
import type { Condition, FactCondition } from '../schemaTypes';
import type { Env } from '../env';
import { jsonValue } from '../canonical';
import { operatorFor } from './operators';

/** One leaf as evaluated for one submission: what was read, what it was compared with, the result. */
export interface LeafRecord {
  holds: boolean;
  /** The fact's value (after `path`); null when absent. */
  read: unknown;
  /** The compared value, only where it was read from another fact. */
  value?: unknown;
}

/** Evaluates the tree; with `out`, appends one record per leaf in document order. */
export type ConditionFn = (env: Env, out: LeafRecord[] | null) => boolean;

export class ConditionError extends Error {}

const SIMPLE_PATH = /^\$\.([A-Za-z_][A-Za-z0-9_]*)$/;
const hasOwn = Object.prototype.hasOwnProperty;

/** The almanac's fact lookup: the runtime facts are the submission's facts plus `agency`. */
export function readFact(env: Env, fact: string): unknown {
  if (fact === 'agency') return env.agency;
  return hasOwn.call(env.facts, fact) ? env.facts[fact] : undefined;
}

type Resolver = (value: unknown) => unknown;

/** How json-rules-engine applies a path: only to objects, through JSONPath (simple paths directly). */
function resolverFor(path: string | undefined): Resolver | null {
  if (!path) return null;
  const simple = SIMPLE_PATH.exec(path);
  if (simple) {
    const key = simple[1];
    return (v) => (v !== null && typeof v === 'object' ? (hasOwn.call(v, key) ? (v as Record<string, unknown>)[key] : undefined) : v);
  }
  return (v) => (v !== null && typeof v === 'object' ? JSONPath({ path, json: v as object, wrap: false }) : v);
}

const recorded = jsonValue;

function compileLeaf(leaf: FactCondition): ConditionFn {
  const op = operatorFor(leaf.operator);
  if (!op) throw new ConditionError(`Unknown operator: ${leaf.operator}`);
  const fact = leaf.fact;
  const path = resolverFor(leaf.path);
  const rhs = leaf.value;
  const ref = rhs !== null && typeof rhs === 'object' && !Array.isArray(rhs) && hasOwn.call(rhs, 'fact') ? (rhs as { fact: string; path?: string }) : null;
  const refPath = ref ? resolverFor(ref.path) : null;
  const read = (env: Env) => {
    const v = readFact(env, fact);
    return path && v !== undefined ? path(v) : v;
  };
  if (!ref) {
    return (env, out) => {
      const factValue = read(env);
      const holds = op.evaluate(factValue, rhs) === true;
      if (out) out.push({ holds, read: recorded(factValue) });
      return holds;
    };
  }
  return (env, out) => {
    const factValue = read(env);
    const other = readFact(env, ref.fact);
    const compareTo = refPath && other !== undefined ? refPath(other) : other;
    const holds = op.evaluate(factValue, compareTo) === true;
    if (out) out.push({ holds, read: recorded(factValue), value: recorded(compareTo) });
    return holds;
  };
}

/** Every child is evaluated (no short circuit), as json-rules-engine does within one priority. */
function compileGroup(children: readonly Condition[], every: boolean): ConditionFn {
  const fns = children.map(compileCondition);
  if (fns.length === 1) return fns[0];
  return (env, out) => {
    let all = true;
    let some = false;
    for (let i = 0; i < fns.length; i++) {
      if (fns[i](env, out)) some = true;
      else all = false;
    }
    return every ? all : some;
  };
}

export function compileCondition(condition: Condition): ConditionFn {
  if ('any' in condition) return compileGroup(condition.any, false);
  if ('all' in condition) return compileGroup(condition.all, true);
  if ('not' in condition) {
    const inner = compileCondition(condition.not);
    return (env, out) => !inner(env, out);
  }
  return compileLeaf(condition);
}
