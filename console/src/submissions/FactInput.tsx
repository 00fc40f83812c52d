import { InputAdornment } from '@mui/material';
import { NumberInput, SelectInput, TextInput, useTranslate } from 'react-admin';
import type { Fact } from '../../../server/engine';
import { DayInput } from '../common/DayInput';
import { useLt } from '../common/useLt';
import { factValidators } from './factValidators';

/**
 * One input generated from a fact of the version: its type, unit, bounds (a fact it may not exceed
 * among them), help text, data source and options.
 */
export const FactInput = ({ fact, disabled, facts = [] }: { fact: Fact; disabled?: boolean; facts?: readonly Fact[] }) => {
  const lt = useLt();
  const translate = useTranslate();
  const source = `facts.${fact.id}`;
  const label = lt(fact.label) || fact.id;
  const bounds =
    fact.minimum !== undefined || fact.maximum !== undefined
      ? translate('chiso.submission.bounds', { min: fact.minimum ?? '…', max: fact.maximum ?? '…' })
      : '';
  const other = fact.atMostFact ? facts.find((f) => f.id === fact.atMostFact) : undefined;
  const atMost = fact.atMostFact ? translate('chiso.submission.atMost', { other: other ? lt(other.label) : fact.atMostFact }) : '';
  const dataSource = fact.source ? translate('chiso.submission.dataSource', { source: lt(fact.source) }) : '';
  const helperText = [lt(fact.help), bounds, atMost, dataSource].filter(Boolean).join(' · ') || false;
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
      return (
        <SelectInput
          {...common}
          choices={(fact.options ?? []).map((o) => ({ id: o.value, name: lt(o.label) || o.value }))}
          sx={{ minWidth: 280 }}
        />
      );
    case 'date':
      return <DayInput {...common} />;
    default:
      return <TextInput {...common} multiline fullWidth />;
  }
};
