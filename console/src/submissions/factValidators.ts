import { maxValue, minValue, required, type Validator } from 'react-admin';
import type { Fact } from '../../../server/engine';

const integer: Validator = (value) =>
  value === null || value === undefined || value === '' || Number.isInteger(Number(value)) ? undefined : 'chiso.validation.integer';

/** Vietnamese validation messages come from ra.validation.* and chiso.validation.* (see i18n/vi.ts). */
export function factValidators(fact: Fact): Validator[] {
  const list: Validator[] = [];
  if (fact.required !== false) list.push(required());
  if (fact.minimum !== undefined) list.push(minValue(fact.minimum));
  if (fact.maximum !== undefined) list.push(maxValue(fact.maximum));
  if (fact.type === 'integer') list.push(integer);
  return list;
}
