import type { MethodDef } from './types';
import { Exact } from '../exact';
import { quantityRefs } from '../quantity';
import { arrow } from '../diff/support';
import { bi, num } from '../text';
import { compileRatio, ratioChanges, ratioQuantity, ratioView } from './ratio';

const pct = (ratio: number, lang: 'vi' | 'en') => `${num(Exact.of(ratio).times(Exact.HUNDRED), lang)}%`;

/** Below the gate → 0, else proportional ("plan completion ≥ 80 % → completion × max, else 0"). */
export const gatedProportional: MethodDef<'gatedProportional'> = {
  name: bi('Ngưỡng + theo tỷ lệ', 'Gate + proportional'),
  help: bi('Dưới ngưỡng → 0, từ ngưỡng trở lên tính theo tỷ lệ.', 'Below the gate ratio → 0, otherwise proportional.'),
  addsToMax: () => true,
  defaults: () => ({ method: 'gatedProportional', numerator: '', denominator: '', gate: 0.5 }),
  conditions: () => [],
  facts: (s) => quantityRefs(ratioQuantity(s), ''),
  nested: () => [],

  compile: compileRatio,

  view: (s, trace, ctx) => ratioView(s, trace.read ?? {}, ctx),
  lint: () => [],
  diff: {
    keys: ['numerator', 'denominator', 'gate'],
    changes: (a, b, path) => [
      ...ratioChanges(a, b, path),
      ...(a.gate !== b.gate
        ? [
            {
              kind: 'thresholdsChanged' as const,
              path: `${path}/gate`,
              before: a.gate,
              after: b.gate,
              message: bi(
                `ngưỡng tối thiểu ${arrow(pct(a.gate, 'vi'), pct(b.gate, 'vi'))}`,
                `minimum ratio ${arrow(pct(a.gate, 'en'), pct(b.gate, 'en'))}`,
              ),
            },
          ]
        : []),
    ],
  },
};
