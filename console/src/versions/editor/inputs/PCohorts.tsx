import { Checkbox, ListItemText, MenuItem, TextField } from '@mui/material';
import { useBound } from './useBound';
import { useChoices } from './useChoices';

/** Cohorts a node or fact applies to; none selected means all cohorts (the key is removed). */
export const PCohorts = ({ pointer, label = 'cohorts' }: { pointer: string; label?: string }) => {
  const { ref, t, value: stored, set, focused, readOnly } = useBound(pointer);
  const { cohortChoices } = useChoices();
  const value: string[] = Array.isArray(stored) ? stored : [];
  return (
    <TextField
      ref={ref}
      select
      size="small"
      label={t(label)}
      value={value}
      error={focused}
      disabled={readOnly}
      helperText={value.length ? undefined : t('allCohorts')}
      sx={{ minWidth: 260 }}
      slotProps={{
        select: {
          multiple: true,
          renderValue: (selected) => (selected as string[]).map((id) => cohortChoices.find((c) => c.id === id)?.name ?? id).join(', '),
        },
      }}
      onChange={(e) => {
        const next = e.target.value as unknown as string[];
        set(next.length ? next : undefined);
      }}
      data-pointer={pointer}
    >
      {cohortChoices.map((c) => (
        <MenuItem key={c.id} value={c.id}>
          <Checkbox size="small" checked={value.includes(c.id)} />
          <ListItemText primary={c.name} />
        </MenuItem>
      ))}
    </TextField>
  );
};
