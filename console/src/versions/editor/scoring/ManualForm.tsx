import { Stack } from '@mui/material';
import { PFact } from '../inputs/PFact';
import { PNumber } from '../inputs/PNumber';

/** Points typed by the evaluator into an evaluator-entered fact, between min and the node's max. */
export const ManualForm = ({ pointer }: { pointer: string }) => (
  <Stack direction="row" spacing={1}>
    <PFact pointer={`${pointer}/fact`} evaluator />
    <PNumber pointer={`${pointer}/min`} label="min" />
  </Stack>
);
