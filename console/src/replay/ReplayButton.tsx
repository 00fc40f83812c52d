import { useState } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, LinearProgress } from '@mui/material';
import Replay from '@mui/icons-material/Replay';
import { useCanAccess, useTranslate } from 'react-admin';
import { dataProvider, type ReplayResult } from '../providers/dataProvider';
import { ReplayResultView } from './ReplayResultView';
import { messageOf } from '../api/problem';

/** Recomputes a stored evaluation or published ranking under its own version and compares hashes. */
export const ReplayButton = ({ kind, id }: { kind: 'evaluations' | 'published-rankings'; id: string }) => {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: kind, action: 'replay' });
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<ReplayResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  if (!canAccess) return null;
  const run = async () => {
    setOpen(true);
    setResult(null);
    setProblem(null);
    try {
      setResult(await dataProvider.replay(kind, id));
    } catch (e) {
      setProblem(messageOf(e) ?? translate('ra.notification.http_error'));
    }
  };
  return (
    <>
      <Button variant="outlined" startIcon={<Replay />} onClick={run} data-testid="replay">
        {translate('chiso.replay.run')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="md" fullWidth>
        <DialogTitle>{translate('chiso.replay.title')}</DialogTitle>
        <DialogContent>
          {!result && !problem && <LinearProgress />}
          {problem && <Alert severity="error">{problem}</Alert>}
          {result && <ReplayResultView result={result} />}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.close')}</Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
