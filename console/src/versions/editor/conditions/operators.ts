import { DATE_OPERATORS } from '../../../../../server/engine';

// json-rules-engine's built-in operators, in the order a person looks for them; dates have their own.
export const OPERATORS = [
  'equal',
  'notEqual',
  'greaterThanInclusive',
  'greaterThan',
  'lessThanInclusive',
  'lessThan',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
] as const;

export const LIST_OPERATORS = ['in', 'notIn'];

/** A date fact compares as a date, with the engine's date operators (others would compare text). */
export const operatorsFor = (type: string): readonly string[] => (type === 'date' ? DATE_OPERATORS : OPERATORS);

/** A condition as the editor reads it: a group (all, any, not) or a comparison of a fact. */
export interface Cond {
  all?: Cond[];
  any?: Cond[];
  not?: Cond;
  fact?: string;
  /** JSONPath into the fact (the agency's attributes: "$.kind"). */
  path?: string;
  operator?: string;
  value?: unknown;
  [key: string]: unknown;
}

export const emptyLeaf = (fact = ''): Cond => ({ fact, operator: 'equal', value: true });
export const agencyLeaf = (): Cond => ({ fact: 'agency', path: '$.kind', operator: 'equal', value: '' });

export const groupKey = (c: Cond | undefined): 'all' | 'any' | 'not' | null =>
  !c ? null : 'all' in c ? 'all' : 'any' in c ? 'any' : 'not' in c ? 'not' : null;
