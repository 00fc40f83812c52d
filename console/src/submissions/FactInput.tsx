import { InputAdornment } from '@mui/material';
import { DateInput, NumberInput, SelectInput, TextInput, useTranslate } from 'react-admin';
import type { Fact } from '../../../server/engine';
import { useLt } from '../common/useLt';
import { factValidators } from './factValidators';

/** One input generated from a fact of the version: its type, unit, bounds, help text and options. */
export const FactInput = ({ fact, disabled }: { fact: Fact; disabled?: boolean }) => {
  const lt = useLt();
  const translate = useTranslate();
  const source = `facts.${fact.id}`;
  const label = lt(fact.label) || fact.id;
  const bounds =
    fact.minimum !== undefined || fact.maximum !== undefined
      ? translate('chiso.submission.bounds', { min: fact.minimum ?? '…', max: fact.maximum ?? '…' })
      : '';
  const helperText = [lt(fact.help), bounds].filter(Boolean).join(' · ') || false;
  const validate = factValidators(fact);
  const common = { source, label, helperText, validate, disabled, 'data-fact': fact.id } as const;
  switch (fact.type) {
    case 'number':
    case 'integer':
      return (
        <NumberInput
          {...common}
          step={fact.type === 'integer' ? 1 : 'any'}
          min={fact.minimum}
          max={fact.maximum}
          sx={{ minWidth: 280 }}
          slotProps={fact.unit ? { input: { endAdornment: <InputAdornment position="end">{lt(fact.unit)}</InputAdornment> } } : undefined}
        />
      );
    case 'boolean':
      return (
        <SelectInput
          {...common}
          choices={[
            { id: 'true', name: translate('chiso.common.yes') },
            { id: 'false', name: translate('chiso.common.no') },
          ]}
          format={(v: unknown) => (v === true ? 'true' : v === false ? 'false' : '')}
          parse={(v: string) => (v === 'true' ? true : v === 'false' ? false : null)}
          sx={{ minWidth: 280 }}
        />
      );
    case 'enum':
      return <SelectInput {...common} choices={(fact.options ?? []).map((o) => ({ id: o.value, name: lt(o.label) || o.value }))} sx={{ minWidth: 280 }} />;
    case 'date':
      return <DateInput {...common} />;
    default:
      return <TextInput {...common} multiline fullWidth />;
  }
};
