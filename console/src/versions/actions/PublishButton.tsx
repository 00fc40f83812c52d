import { useState } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import Publish from '@mui/icons-material/Publish';
import { useNotify, useTranslate, type RaRecord } from 'react-admin';
import { dataProvider } from '../../providers/dataProvider';
import { problemOf, messageOf } from '../../api/problem';
import { dayBefore, type Finding, parseDay, shareADay, viDay } from '../../../../server/engine';
import { useEditor } from '../editor/EditorContext';
import { toFindings } from '../editor/toFindings';

/** A published version whose days in force the draft would share (the server's 409 effective-overlap). */
interface Overlapping {
  id: string;
  version: string;
  from: string | null;
  to: string | null;
}

/**
 * Publishing makes the version immutable: the dialog asks for the change note and confirms the
 * legal basis. The server refuses unless lint has no errors and every test case passes, and asks
 * what becomes of a published version in force on the same days: ended the day before this one
 * starts, or retired.
 */
export const PublishButton = ({
  record,
  save,
  onDone,
  onFindings,
  blocked,
  etagRef,
}: {
  record: RaRecord;
  save: () => Promise<boolean>;
  onDone: () => void;
  onFindings: (f: Finding[]) => void;
  blocked: boolean;
  etagRef: () => string | null;
}) => {
  const editor = useEditor();
  const translate = useTranslate();
  const notify = useNotify();
  const doc = editor.doc;
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [form, setForm] = useState({
    noteVi: '',
    noteEn: '',
    decision: doc.legalBasis?.decision ?? '',
    date: doc.legalBasis?.date ? viDay(doc.legalBasis.date) : '',
    issuer: doc.legalBasis?.issuer ?? '',
  });
  const [overlapping, setOverlapping] = useState<Overlapping[]>([]);
  // The decision the copied version was published under, when the draft still carries it.
  const [inherited, setInherited] = useState<{ version: string; decision: string; date: string } | null>(null);
  const [overlap, setOverlap] = useState<'end' | 'retire' | ''>('');
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [k]: e.target.value });
  const day = parseDay(form.date);
  const ready = form.noteVi.trim() && form.decision.trim() && day && form.issuer.trim() && (!overlapping.length || overlap);
  // Asked before publishing: the published versions this one would share days in force with (the
  // server checks again, in the same transaction as the publication).
  const openDialog = async () => {
    setOpen(true);
    setOverlap('');
    // An amendment is published by a new decision: one copied from its source is not offered.
    if (record.basedOn && !inherited) {
      const source = await dataProvider.getOne('versions', { id: record.basedOn }).catch(() => null);
      const basis = source?.data.legalBasis;
      if (basis?.decision && basis.decision === doc.legalBasis?.decision) {
        setInherited({ version: source!.data.version, decision: basis.decision, date: basis.date ? viDay(basis.date) : '' });
        setForm((f) => (f.decision === basis.decision ? { ...f, decision: '', date: '' } : f));
      }
    }
    const published = await dataProvider.getAll('versions', { ruleSet: doc.ruleSet, status: 'published' }).catch(() => []);
    setOverlapping(
      published
        .filter(
          (v) =>
            v.id !== record.id &&
            v.effectiveFrom &&
            doc.effective?.from &&
            shareADay(doc.effective, { from: v.effectiveFrom, to: v.endedOn ?? v.effectiveTo }),
        )
        .map((v) => ({ id: v.id, version: v.version, from: v.effectiveFrom, to: v.endedOn ?? v.effectiveTo })),
    );
  };
  const period = (o: Overlapping) => `${o.from ? viDay(o.from) : '…'} – ${o.to ? viDay(o.to) : '…'}`;

  const publish = async () => {
    setBusy(true);
    setProblem(null);
    try {
      if (!(await save())) return;
      await dataProvider.publishVersion(
        String(record.id),
        {
          changeNote: { vi: form.noteVi.trim(), ...(form.noteEn.trim() ? { en: form.noteEn.trim() } : {}) },
          legalBasis: { ...doc.legalBasis, decision: form.decision.trim(), date: day!, issuer: form.issuer.trim() },
          ...(overlapping.length && overlap ? { overlap } : {}),
        },
        etagRef(),
      );
      notify('chiso.version.published', { type: 'success' });
      setOpen(false);
      onDone();
    } catch (error) {
      const found = problemOf(error);
      if (found?.code === 'effective-overlap' && Array.isArray((found as { overlapping?: unknown }).overlapping)) {
        // Not an error of the draft: a question for the person publishing it.
        setOverlapping((found as { overlapping: Overlapping[] }).overlapping);
        return;
      }
      setProblem(messageOf(error) ?? translate('ra.notification.http_error'));
      if (found?.problemErrors?.length) onFindings(toFindings(found.problemErrors));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button variant="contained" color="success" startIcon={<Publish />} onClick={openDialog} data-testid="publish-version">
        {translate('chiso.version.publish')}
      </Button>
      <Dialog open={open} onClose={() => !busy && setOpen(false)} maxWidth="sm" fullWidth>
        <DialogTitle>{translate('chiso.version.publishTitle', { version: doc.version })}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 2 }}>
            {translate('chiso.version.publishWarning')}
          </Typography>
          {blocked && (
            <Alert severity="warning" sx={{ mb: 2 }}>
              {translate('chiso.version.publishBlocked')}
            </Alert>
          )}
          <Stack spacing={2}>
            <TextField
              label={translate('chiso.version.changeNoteVi')}
              value={form.noteVi}
              onChange={set('noteVi')}
              required
              multiline
              minRows={2}
              name="changeNoteVi"
            />
            <TextField
              label={translate('chiso.version.changeNoteEn')}
              value={form.noteEn}
              onChange={set('noteEn')}
              multiline
              name="changeNoteEn"
            />
            <Stack direction="row" spacing={1}>
              <TextField
                label={translate('chiso.editor.field.decision')}
                value={form.decision}
                onChange={set('decision')}
                required
                name="decision"
              />
              <TextField
                label={translate('chiso.editor.field.date')}
                value={form.date}
                onChange={set('date')}
                required
                placeholder="dd/mm/yyyy"
                error={form.date !== '' && !day}
                helperText={form.date !== '' && !day ? translate('chiso.validation.day') : 'dd/mm/yyyy'}
                name="date"
              />
            </Stack>
            <TextField label={translate('chiso.editor.field.issuer')} value={form.issuer} onChange={set('issuer')} required name="issuer" />
            {inherited && (
              <Alert severity="info" data-testid="publish-new-decision">
                {translate('chiso.version.newDecision', inherited)}
                {doc.title?.vi?.includes(inherited.decision) && ` ${translate('chiso.version.titleNamesOldDecision', inherited)}`}
              </Alert>
            )}
          </Stack>
          {overlapping.length > 0 && (
            <Alert severity="warning" sx={{ mt: 2 }} data-testid="publish-overlap">
              <Typography variant="body2" sx={{ mb: 1 }}>
                {translate('chiso.version.overlap', {
                  versions: overlapping.map((o) => `${o.version} (${period(o)})`).join(', '),
                  from: viDay(doc.effective?.from ?? ''),
                })}
              </Typography>
              <RadioGroup value={overlap} onChange={(e) => setOverlap(e.target.value as 'end' | 'retire')} name="overlap">
                <FormControlLabel
                  value="end"
                  control={<Radio size="small" />}
                  label={translate('chiso.version.overlapEnd', {
                    day: doc.effective?.from && parseDay(doc.effective.from) ? viDay(dayBefore(doc.effective.from)) : '…',
                  })}
                />
                <FormControlLabel value="retire" control={<Radio size="small" />} label={translate('chiso.version.overlapRetire')} />
              </RadioGroup>
            </Alert>
          )}
          {problem && (
            <Alert severity="error" sx={{ mt: 2, whiteSpace: 'pre-line' }} data-testid="publish-problem">
              {problem}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)} disabled={busy}>
            {translate('ra.action.cancel')}
          </Button>
          <Button variant="contained" color="success" onClick={publish} disabled={busy || !ready} data-testid="confirm-publish">
            {translate('chiso.version.publishConfirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
