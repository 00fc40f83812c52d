import { Stack } from '@mui/material';
import { PFact } from '../inputs/PFact';
import { PNumber } from '../inputs/PNumber';

/** count × unit points, at most the cap (the node's maximum when no cap). */
export const CountCapForm = ({ pointer }: { pointer: string }) => (
  <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
    <PFact pointer={`${pointer}/fact`} numeric />
    <PNumber pointer={`${pointer}/unit`} label="unit" required />
    <PNumber pointer={`${pointer}/cap`} label="cap" min={0} />
  </Stack>
);
