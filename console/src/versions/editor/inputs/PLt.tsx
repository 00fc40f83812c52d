import { Stack } from '@mui/material';
import { PText } from './PText';

/** A Vietnamese/English text pair; Vietnamese is the legal text and comes first. */
export const PLt = ({
  pointer,
  label,
  required,
  multiline,
}: {
  pointer: string;
  label: string;
  required?: boolean;
  multiline?: boolean;
}) => (
  <Stack direction={{ xs: 'column', md: 'row' }} spacing={1} sx={{ width: '100%' }}>
    <PText pointer={`${pointer}/vi`} label={label} suffix="VI" required={required} multiline={multiline} />
    <PText pointer={`${pointer}/en`} label={label} suffix="EN" multiline={multiline} />
  </Stack>
);
