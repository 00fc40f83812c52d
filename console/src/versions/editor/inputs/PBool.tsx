import { FormControlLabel, Switch } from '@mui/material';
import { useBound } from './useBound';

/** A switch bound to a pointer; off removes the (optional) flag. */
export const PBool = ({ pointer, label, keepFalse }: { pointer: string; label: string; keepFalse?: boolean }) => {
  const b = useBound(pointer);
  return (
    <FormControlLabel
      ref={b.ref}
      control={
        <Switch
          checked={!!b.value}
          onChange={(e) => b.set(e.target.checked ? true : keepFalse ? false : undefined)}
          disabled={b.readOnly}
          size="small"
        />
      }
      label={b.t(label)}
      data-pointer={pointer}
    />
  );
};
