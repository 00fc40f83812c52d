import { Stack } from '@mui/material';
import { PFact } from '../inputs/PFact';
import { PNumber } from '../inputs/PNumber';

/** −perUnit for each counted event, never below the floor (a negative number). */
export const DeductionForm = ({ pointer }: { pointer: string }) => (
  <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
    <PFact pointer={`${pointer}/fact`} numeric />
    <PNumber pointer={`${pointer}/perUnit`} label="perUnit" required min={0} />
    <PNumber pointer={`${pointer}/floor`} label="floor" required max={0} />
  </Stack>
);
