import { PSelect } from './PSelect';
import { useChoices } from './useChoices';

/** Picks a fact of the version (numeric facts only where a number is needed). */
export const PFact = ({
  pointer,
  label = 'fact',
  numeric,
  evaluator,
  width = 320,
}: {
  pointer: string;
  label?: string;
  numeric?: boolean;
  evaluator?: boolean;
  width?: number | string;
}) => {
  const { factChoices } = useChoices();
  return (
    <PSelect
      pointer={pointer}
      label={label}
      choices={factChoices(numeric ? 'numeric' : evaluator ? 'evaluator' : undefined)}
      width={width}
    />
  );
};
