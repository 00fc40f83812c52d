import type { ReactElement } from 'react';
import type { Method } from '../../../../../server/engine';
import { ConditionBuilder } from '../conditions/ConditionBuilder';
import { CaseList } from './CaseList';
import { ProportionalForm } from './ProportionalForm';
import { TiersForm } from './TiersForm';
import { CountCapForm } from './CountCapForm';
import { CompositeForm } from './CompositeForm';
import { BestOfForm } from './BestOfForm';
import { QuantityEditor } from './QuantityEditor';
import { DeductionForm } from './DeductionForm';
import { ManualForm } from './ManualForm';
import { NotScoredForm } from './NotScoredForm';
import { PLt } from '../inputs/PLt';

type Form = (props: { pointer: string; max?: number }) => ReactElement;

/** The form of each scoring method, keyed by the engine's method table: a method without a form does not compile. */
const FORMS: { [M in Method]: Form } = {
  yesNo: ({ pointer }) => <ConditionBuilder pointer={`${pointer}/when`} label="chiso.condition.whenFull" />,
  cases: ({ pointer, max }) => <CaseList pointer={`${pointer}/cases`} max={max} kind="cases" />,
  parts: ({ pointer, max }) => <CaseList pointer={`${pointer}/parts`} max={max} kind="parts" />,
  proportional: ({ pointer }) => <ProportionalForm pointer={pointer} gated={false} />,
  gatedProportional: ({ pointer }) => <ProportionalForm pointer={pointer} gated />,
  tiers: ({ pointer, max }) => <TiersForm pointer={pointer} max={max} />,
  countCap: ({ pointer }) => <CountCapForm pointer={pointer} />,
  composite: ({ pointer }) => <CompositeForm pointer={pointer} />,
  bestOf: ({ pointer, max }) => <BestOfForm pointer={pointer} max={max} />,
  relativeToBest: ({ pointer }) => <QuantityEditor pointer={`${pointer}/value`} />,
  deduction: ({ pointer }) => <DeductionForm pointer={pointer} />,
  manual: ({ pointer }) => <ManualForm pointer={pointer} />,
  notScored: ({ pointer }) => <NotScoredForm pointer={pointer} />,
  notApplicable: ({ pointer }) => <PLt pointer={`${pointer}/reason`} label="reason" required />,
};

/** Dispatches to the form of one scoring method. */
export const MethodForm = ({ pointer, method, max }: { pointer: string; method: Method; max?: number }) => {
  const Form = FORMS[method];
  return <Form pointer={pointer} max={max} />;
};
