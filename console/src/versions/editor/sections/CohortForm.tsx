import { useLt } from '../../../common/useLt';
import { Box, Button, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { Cohort } from '../../../../../server/engine';
import { useEditor } from '../EditorContext';
import { PText } from '../inputs/PText';
import { PLt } from '../inputs/PLt';
import { PNumber } from '../inputs/PNumber';
import { PSelect } from '../inputs/PSelect';
import { PBool } from '../inputs/PBool';
import { ConditionBuilder } from '../conditions/ConditionBuilder';
import { BandsEditor } from './BandsEditor';

/** One cohort: who belongs (a condition over agency attributes), its scale, ranking and bands. */
export const CohortForm = ({ index }: { index: number }) => {
  const editor = useEditor();
  const translate = useTranslate();
  const lt = useLt();
  const p = `/cohorts/${index}`;
  const cohort: Cohort = editor.get(p);
  return (
    <Stack spacing={1.5} key={p} data-testid="cohort-form">
      <Typography variant="h6">{lt(cohort.name) || cohort.id}</Typography>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <PText pointer={`${p}/id`} label="id" required width={220} />
        <PNumber pointer={`${p}/maxScore`} label="maxScore" required min={0} unit={translate('chiso.common.pointsShort')} width={200} />
        <PBool pointer={`${p}/ranked`} label="ranked" keepFalse />
        <PSelect
          pointer={`${p}/notApplicable`}
          label="notApplicableRule"
          allowEmpty
          width={300}
          choices={['rescale', 'reduceMax'].map((id) => ({ id, name: translate(`chiso.editor.naRule.${id}`) }))}
        />
      </Stack>
      <PLt pointer={`${p}/name`} label="name" required />
      <ConditionBuilder pointer={`${p}/membership`} scope="agency" label="chiso.editor.membership" />
      <Box>
        <Typography variant="subtitle2">{translate('chiso.editor.cohortBands')}</Typography>
        {cohort.bands ? (
          <>
            <BandsEditor pointer={`${p}/bands`} />
            <Button size="small" color="error" disabled={editor.readOnly} onClick={() => editor.set(`${p}/bands`, undefined)}>
              {translate('chiso.editor.useVersionBands')}
            </Button>
          </>
        ) : (
          <Button size="small" disabled={editor.readOnly} onClick={() => editor.set(`${p}/bands`, structuredClone(editor.doc.bands))}>
            {translate('chiso.editor.overrideBands')}
          </Button>
        )}
      </Box>
    </Stack>
  );
};
