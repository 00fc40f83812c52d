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
import type { Method } from './methods';

/** Dispatches to the form of one scoring method. */
export const MethodForm = ({ pointer, method, max }: { pointer: string; method: Method; max?: number }) => {
  switch (method) {
    case 'yesNo':
      return <ConditionBuilder pointer={`${pointer}/when`} label="chiso.condition.whenFull" />;
    case 'cases':
      return <CaseList pointer={`${pointer}/cases`} max={max} kind="cases" />;
    case 'parts':
      return <CaseList pointer={`${pointer}/parts`} max={max} kind="parts" />;
    case 'proportional':
    case 'gatedProportional':
      return <ProportionalForm pointer={pointer} gated={method === 'gatedProportional'} />;
    case 'tiers':
      return <TiersForm pointer={pointer} max={max} />;
    case 'countCap':
      return <CountCapForm pointer={pointer} />;
    case 'composite':
      return <CompositeForm pointer={pointer} />;
    case 'bestOf':
      return <BestOfForm pointer={pointer} max={max} />;
    case 'relativeToBest':
      return <QuantityEditor pointer={`${pointer}/value`} />;
    case 'deduction':
      return <DeductionForm pointer={pointer} />;
    case 'manual':
      return <ManualForm pointer={pointer} />;
    case 'notScored':
      return <NotScoredForm pointer={pointer} />;
    case 'notApplicable':
      return <PLt pointer={`${pointer}/reason`} label="reason" required />;
  }
};
