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

class ConditionError extends Error {}

const SIMPLE_PATH = /^\$\.([A-Za-z_][A-Za-z0-9_]*)$/;
const hasOwn = Object.prototype.hasOwnProperty;

/** The almanac's fact lookup: the runtime facts are the submission's facts plus `agency`. */
function readFact(env: Env, fact: string): unknown {
  if (fact === 'agency') return env.agency;
  return hasOwn.call(env.facts, fact) ? env.facts[fact] : undefined;
}

type Reader = (env: Env) => unknown;

/** readFact for one fact id, decided at compile time: names no object inherits are read directly. */
function readerOf(fact: string): Reader {
  if (fact === 'agency') return (env) => env.agency;
  if (fact in Object.prototype) return (env) => readFact(env, fact);
  return (env) => env.facts[fact];
}

/**
 * json-rules-engine checks the fact of <, ≤, >, ≥ with Number.parseFloat(v).toString() !== 'NaN',
 * which for a number is just "not NaN"; numbers take that shortcut to the same operator callback.
 */
const NUMERIC = new Set(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);
type Callback = (factValue: unknown, compareTo: unknown) => unknown;

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
  const cb = NUMERIC.has(leaf.operator) ? (op as unknown as { cb: Callback }).cb : null;
  const evaluate = cb
    ? (factValue: unknown, compareTo: unknown) =>
        (typeof factValue === 'number' && factValue === factValue ? cb(factValue, compareTo) : op.evaluate(factValue, compareTo)) === true
    : (factValue: unknown, compareTo: unknown) => op.evaluate(factValue, compareTo) === true;
  const path = resolverFor(leaf.path);
  const fact = readerOf(leaf.fact);
  const read: Reader = path ? (env) => path(fact(env)) : fact;
  const rhs = leaf.value;
  if (rhs !== null && typeof rhs === 'object' && !Array.isArray(rhs) && 'periodDate' in rhs) {
    // A date of the assessed year, read from the evaluation's year like a fact and recorded as one.
    const { periodDate, yearOffset = 0 } = rhs;
    return (env, out) => {
      const factValue = read(env);
      const compareTo = `${String(env.year + yearOffset).padStart(4, '0')}-${periodDate}`;
      const holds = evaluate(factValue, compareTo);
      if (out) out.push({ holds, read: recorded(factValue), value: compareTo });
      return holds;
    };
  }
  const ref =
    rhs !== null && typeof rhs === 'object' && !Array.isArray(rhs) && hasOwn.call(rhs, 'fact')
      ? (rhs as { fact: string; path?: string })
      : null;
  if (!ref) {
    return (env, out) => {
      const factValue = read(env);
      const holds = evaluate(factValue, rhs);
      if (out) out.push({ holds, read: recorded(factValue) });
      return holds;
    };
  }
  const refPath = resolverFor(ref.path);
  const other = readerOf(ref.fact);
  const readOther: Reader = refPath ? (env) => refPath(other(env)) : other;
  return (env, out) => {
    const factValue = read(env);
    const compareTo = readOther(env);
    const holds = evaluate(factValue, compareTo);
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
