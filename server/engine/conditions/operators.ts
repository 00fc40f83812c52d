// The operators a condition may use: json-rules-engine's own (equal, in, greaterThan … and the
// decorators someFact, everyValue, not, swap …) and the ones registered here, one line each. A
// compiled condition calls these very Operator objects, so it means exactly what json-rules-engine
// would make of it; test/engine/conditions.test.ts runs both on generated trees to show it.
import { Engine } from 'json-rules-engine';

/** What json-rules-engine's OperatorMap hands out: a (possibly decorated) operator. */
export interface Operator {
  readonly name: string;
  evaluate(factValue: unknown, compareTo: unknown): unknown;
}

interface OperatorMap {
  get(name: string): Operator | null;
}

/** Operators of our own, added to every json-rules-engine Engine that should agree with the compiler. */
export interface CustomOperator {
  name: string;
  evaluate(factValue: never, compareTo: never): boolean;
  /** Only values passing it are compared (as json-rules-engine's factValueValidator). */
  accepts?: (factValue: unknown) => boolean;
}

export const CUSTOM_OPERATORS: readonly CustomOperator[] = [];

/** An Engine with our operators registered: the compiler's registry, and the reference in tests. */
export function referenceEngine(): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const op of CUSTOM_OPERATORS) {
    const cb = op.evaluate as (a: unknown, b: unknown) => boolean;
    engine.addOperator(op.name, op.accepts ? (a: unknown, b: unknown) => op.accepts!(a) && cb(a, b) : cb);
  }
  return engine;
}

const registry = (referenceEngine() as unknown as { operators: OperatorMap }).operators;

/** The operator for a name such as "greaterThan" or "everyFact:not:in"; null when it does not exist. */
export function operatorFor(name: string): Operator | null {
  try {
    return registry.get(name);
  } catch {
    return null;
  }
}

/** The plain operators, for messages and the console's operator list. */
export const BASE_OPERATORS = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
  ...CUSTOM_OPERATORS.map((o) => o.name),
] as const;

export const DECORATORS = ['not', 'someFact', 'someValue', 'everyFact', 'everyValue', 'swap'] as const;
