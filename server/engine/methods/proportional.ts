import type { MethodDef } from './types';
import { quantityRefs } from '../quantity';
import { bi } from '../text';
import { compileRatio, ratioChanges, ratioQuantity, ratioView } from './ratio';

/** points = numerator ÷ denominator × max ("directives signed ÷ directives required × 20"). */
export const proportional: MethodDef<'proportional'> = {
  name: bi('Theo tỷ lệ', 'Proportional'),
  help: bi('tử số ÷ mẫu số × điểm tối đa.', 'numerator ÷ denominator × maximum.'),
  addsToMax: () => true,
  defaults: () => ({ method: 'proportional', numerator: '', denominator: '' }),
  conditions: () => [],
  facts: (s) => quantityRefs(ratioQuantity(s), ''),
  nested: () => [],

  compile: compileRatio,

  view: (s, trace, ctx) => ratioView(s, trace.read ?? {}, ctx),
  lint: () => [],
  diff: { keys: ['numerator', 'denominator'], changes: ratioChanges },
};
