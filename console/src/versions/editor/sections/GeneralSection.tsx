import { Divider, Paper, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { PDay } from '../inputs/PDay';
import { PText } from '../inputs/PText';
import { PLt } from '../inputs/PLt';
import { PNumber } from '../inputs/PNumber';
import { PSelect } from '../inputs/PSelect';
import { PBool } from '../inputs/PBool';

const ROUNDING = ['halfUp', 'halfEven', 'down', 'up'];

/** Metadata, legal basis, effective period, numeric policy and ranking rule of the version. */
export const GeneralSection = () => {
  const translate = useTranslate();
  const heading = (key: string) => (
    <Typography variant="subtitle1" sx={{ mt: 1 }}>
      {translate(key)}
    </Typography>
  );
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Stack spacing={1.5} data-testid="general-form">
        <Stack direction="row" spacing={1}>
          <PText pointer="/ruleSet" label="ruleSet" required width={220} />
          <PText pointer="/version" label="versionLabel" required width={160} />
        </Stack>
        <PLt pointer="/title" label="title" required />
        <PLt pointer="/ruleSetTitle" label="ruleSetTitle" />
        <PLt pointer="/changeNote" label="changeNote" multiline />
        <Divider />
        {heading('chiso.editor.legalBasis')}
        <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
          <PText pointer="/legalBasis/decision" label="decision" required width={220} />
          <PDay pointer="/legalBasis/date" label="date" required width={160} />
          <PText pointer="/legalBasis/issuer" label="issuer" required width={320} />
        </Stack>
        <PText pointer="/legalBasis/url" label="url" />
        {heading('chiso.editor.effective')}
        <Stack direction="row" spacing={1}>
          <PDay pointer="/effective/from" label="effectiveFrom" required />
          <PDay pointer="/effective/to" label="effectiveTo" />
        </Stack>
        <Divider />
        {heading('chiso.editor.numeric')}
        <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1, alignItems: 'center' }}>
          <PNumber pointer="/numeric/places" label="places" required min={0} max={6} />
          <PSelect
            pointer="/numeric/rounding"
            label="rounding"
            choices={ROUNDING.map((id) => ({ id, name: translate(`chiso.editor.rounding.${id}`) }))}
          />
          <PSelect
            pointer="/numeric/classifyOn"
            label="classifyOn"
            allowEmpty
            choices={['exact', 'rounded'].map((id) => ({ id, name: translate(`chiso.editor.classifyOn.${id}`) }))}
          />
          <PBool pointer="/numeric/roundCriteria" label="roundCriteria" />
          <PBool pointer="/numeric/floorAtZero" label="floorAtZero" />
        </Stack>
        {heading('chiso.editor.rankingRule')}
        <PSelect
          pointer="/ranking/by"
          label="rankBy"
          choices={['total', 'percentage'].map((id) => ({ id, name: translate(`chiso.editor.rankBy.${id}`) }))}
        />
      </Stack>
    </Paper>
  );
};
