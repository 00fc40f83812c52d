import { Box, Button, Chip, Stack, Typography } from '@mui/material';
import Save from '@mui/icons-material/Save';
import CompareArrows from '@mui/icons-material/CompareArrows';
import { useCanAccess, useTranslate, type RaRecord } from 'react-admin';
import { Link } from 'react-router-dom';
import type { Finding } from '../../../../server/engine';
import { StatusChip } from '../../common/StatusChip';
import { useLt } from '../../common/useLt';
import { useFormat } from '../../common/useFormat';
import { useEditor } from './EditorContext';
import { PublishButton } from '../actions/PublishButton';
import { CopyButton } from '../actions/CopyButton';
import { RetireButton } from '../actions/RetireButton';

/** Who and what: the version's identity and status, with the actions allowed on it. */
export const EditorHeader = ({
  record,
  etagRef,
  save,
  onChanged,
  onFindings,
  liveErrors,
}: {
  record: RaRecord;
  etagRef: () => string | null;
  save: () => Promise<boolean>;
  onChanged: () => void;
  onFindings: (f: Finding[]) => void;
  liveErrors: number;
}) => {
  const editor = useEditor();
  const translate = useTranslate();
  const lt = useLt();
  const f = useFormat();
  const { canAccess: canCopy } = useCanAccess({ resource: 'versions', action: 'copy' });
  const { canAccess: canPublish } = useCanAccess({ resource: 'versions', action: 'publish', record });
  const { canAccess: canRetire } = useCanAccess({ resource: 'versions', action: 'retire', record });
  const doc = editor.doc;
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'center' }, mb: 1 }}>
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Typography variant="h5" component="h1" data-testid="version-heading">
            {lt(doc.title)} · {doc.version}
          </Typography>
          <StatusChip status={record.status} />
          {editor.dirty && (
            <Chip size="small" color="warning" variant="outlined" label={translate('chiso.editor.unsaved')} data-testid="dirty" />
          )}
        </Stack>
        <Typography variant="body2" color="text.secondary">
          {doc.legalBasis?.decision} · {f.date(doc.legalBasis?.date)} · {doc.legalBasis?.issuer} · {translate('chiso.common.effective')}{' '}
          {f.date(doc.effective?.from)} – {doc.effective?.to ? f.date(doc.effective.to) : translate('chiso.common.openEnded')}
          {record.hash ? ` · SHA-256 ${String(record.hash).slice(0, 12)}…` : ''}
        </Typography>
      </Box>
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
        {!editor.readOnly && (
          <Button variant="contained" startIcon={<Save />} onClick={save} disabled={!editor.dirty} data-testid="save-version">
            {translate('ra.action.save')}
          </Button>
        )}
        {canPublish && record.status === 'draft' && (
          <PublishButton
            record={record}
            save={save}
            onDone={onChanged}
            onFindings={onFindings}
            blocked={liveErrors > 0}
            etagRef={etagRef}
          />
        )}
        {canCopy && <CopyButton record={record} />}
        <Button component={Link} to={`/versions/${record.id}/diff`} startIcon={<CompareArrows />}>
          {translate('chiso.version.diff')}
        </Button>
        {canRetire && record.status === 'published' && <RetireButton record={record} onDone={onChanged} />}
      </Stack>
    </Stack>
  );
};
