import { Alert, Box, Divider, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { computedMax, type Node } from '../../../../../server/engine';
import { useEditor } from '../EditorContext';
import { PText } from '../inputs/PText';
import { PLt } from '../inputs/PLt';
import { PNumber } from '../inputs/PNumber';
import { PSelect } from '../inputs/PSelect';
import { PBool } from '../inputs/PBool';
import { PCohorts } from '../inputs/PCohorts';
import { ConditionBuilder } from '../conditions/ConditionBuilder';
import { ScoringForm } from '../scoring/ScoringForm';
import { useFormat } from '../../../common/useFormat';
import { useLt } from '../../../common/useLt';

const KINDS = ['group', 'index', 'component', 'criterion'];

/** The form of the one selected node: identity, maximum, applicability, and scoring for criteria. */
export const NodeForm = () => {
  const editor = useEditor();
  const translate = useTranslate();
  const f = useFormat();
  const lt = useLt();
  const p = editor.node;
  const node: Node | undefined = p ? editor.get(p) : undefined;
  if (!p || !node) return <Alert severity="info">{translate('chiso.editor.selectNode')}</Alert>;
  const isLeaf = node.kind === 'criterion';
  const sums = !isLeaf
    ? (editor.doc.cohorts ?? []).map((c) => `${lt(c.name) || c.id}: ${f.number(computedMax(node, c.id).toNumber())}`).join(' · ')
    : '';
  return (
    <Box key={p} data-testid="node-form" data-node={node.code}>
      <Typography variant="h6" sx={{ mb: 1.5 }}>
        {node.code} · {lt(node.title) || translate('chiso.editor.untitled')}
      </Typography>
      <Stack spacing={1.5}>
        <Stack direction="row" spacing={1}>
          <PText pointer={`${p}/code`} label="code" required width={160} />
          <PSelect
            pointer={`${p}/kind`}
            label="kind"
            width={200}
            choices={KINDS.map((k) => ({ id: k, name: translate(`chiso.kind.${k}`) }))}
          />
          <PNumber pointer={`${p}/max`} label="max" required={isLeaf} min={0} unit={translate('chiso.common.pointsShort')} width={170} />
          {!isLeaf && <PBool pointer={`${p}/capped`} label="capped" />}
        </Stack>
        {!isLeaf && (editor.doc.cohorts ?? []).length > 1 && (
          <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1, alignItems: 'center' }} data-testid="max-by-cohort">
            <Typography variant="body2" sx={{ mr: 1 }}>
              {translate('chiso.editor.maxByCohort')}
            </Typography>
            {editor.doc.cohorts.map((c) => (
              <PNumber key={c.id} pointer={`${p}/maxByCohort/${c.id}`} label={lt(c.name) || c.id} min={0} width={220} />
            ))}
          </Stack>
        )}
        {!isLeaf && sums && (
          <Typography variant="body2" color="text.secondary">
            {translate('chiso.editor.childrenSum')}: {sums}
          </Typography>
        )}
        <PLt pointer={`${p}/title`} label="title" required />
        <PLt pointer={`${p}/description`} label="description" multiline />
        <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
          <PCohorts pointer={`${p}/cohorts`} />
          <PText pointer={`${p}/legalRef`} label="legalRef" width={260} />
          <PBool pointer={`${p}/provisional`} label="provisional" />
        </Stack>
        <PText pointer={`${p}/source`} label="source" />
        <PLt pointer={`${p}/evidence`} label="evidence" />
        <ConditionBuilder pointer={`${p}/applicableWhen`} optional label="chiso.editor.applicableWhen" />
        {isLeaf && (
          <>
            <Divider />
            <Typography variant="subtitle1">{translate('chiso.editor.scoring')}</Typography>
            <ScoringForm pointer={`${p}/scoring`} max={node.max} />
          </>
        )}
      </Stack>
    </Box>
  );
};
