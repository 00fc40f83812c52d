import { FormControlLabel, Switch } from '@mui/material';
import { useBound } from './useBound';

/** A switch bound to a pointer; off removes the (optional) flag. */
export const PBool = ({ pointer, label, keepFalse }: { pointer: string; label: string; keepFalse?: boolean }) => {
  const { ref, t, value, set, readOnly } = useBound(pointer);
  return (
    <FormControlLabel
      ref={ref}
      control={
        <Switch
          checked={!!value}
          onChange={(e) => set(e.target.checked ? true : keepFalse ? false : undefined)}
          disabled={readOnly}
          size="small"
        />
      }
      label={t(label)}
      data-pointer={pointer}
    />
  );
};
