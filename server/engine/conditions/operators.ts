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
  evaluate(factValue: unknown, compareTo: unknown): boolean;
}

/** A calendar date written YYYY-MM-DD, as days since 1970-01-01; null for anything else. */
export function isoDay(value: unknown): number | null {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return null;
  const [y, m, d] = value.split('-').map(Number);
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  return back.getUTCFullYear() === y && back.getUTCMonth() === m - 1 && back.getUTCDate() === d ? t / 86_400_000 : null;
}
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Dates compare as dates (never as text): both sides must be real calendar dates, else the condition fails. */
const dates = (compare: (a: number, b: number) => boolean) => (fact: unknown, value: unknown) => {
  const a = isoDay(fact);
  const b = isoDay(value);
  return a !== null && b !== null && compare(a, b);
};

const CUSTOM_OPERATORS: readonly CustomOperator[] = [
  { name: 'dateBefore', evaluate: dates((a, b) => a < b) },
  { name: 'dateOnOrBefore', evaluate: dates((a, b) => a <= b) },
  { name: 'dateAfter', evaluate: dates((a, b) => a > b) },
  { name: 'dateOnOrAfter', evaluate: dates((a, b) => a >= b) },
  { name: 'dateEqual', evaluate: dates((a, b) => a === b) },
];

/** An Engine with our operators registered: the compiler's registry, and the reference in tests. */
export function referenceEngine(): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const op of CUSTOM_OPERATORS) engine.addOperator(op.name, op.evaluate);
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
] as const;

/** Our own operators, by name. */
export const DATE_OPERATORS = CUSTOM_OPERATORS.map((o) => o.name);

export const DECORATORS = ['not', 'someFact', 'someValue', 'everyFact', 'everyValue', 'swap'] as const;
