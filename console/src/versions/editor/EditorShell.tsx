import { useEffect, useRef, useState } from 'react';
import { Alert, Button } from '@mui/material';
import { useNotify, useTranslate, type RaRecord } from 'react-admin';
import { dataProvider } from '../../providers/dataProvider';
import { problemOf, messageOf, statusOf } from '../../api/problem';
import type { Finding } from '../../../../server/engine';
import { useEditor } from './EditorContext';
import { useLiveFindings } from './useLiveFindings';
import { EditorHeader } from './EditorHeader';
import { EditorBody } from './EditorBody';
import { toFindings } from './toFindings';
import type { TestRunState } from './testCases';

/** Save (with If-Match), server lint and test runs around the editor. */
export const EditorShell = ({ record, onChanged }: { record: RaRecord; onChanged: () => void }) => {
  const editor = useEditor();
  const notify = useNotify();
  const translate = useTranslate();
  const checked = useLiveFindings(editor.doc);
  const live = checked ?? [];
  // a ref, not state: publish right after a save must send the etag that save returned
  const etag = useRef<string | null>(record.etag ?? null);
  const [server, setServer] = useState<Finding[] | null>(null);
  const [tests, setTests] = useState<TestRunState | null>(null);
  const [running, setRunning] = useState(false);
  const [conflict, setConflict] = useState(false);

  // a draft with unsaved changes asks before the tab is closed
  useEffect(() => {
    if (!editor.dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [editor.dirty]);

  const save = async (): Promise<boolean> => {
    if (editor.readOnly) return true;
    if (!editor.dirty) return true;
    try {
      const saved = await dataProvider.saveVersionDocument(String(record.id), editor.doc, etag.current);
      etag.current = saved.etag ?? null;
      editor.markSaved();
      notify('chiso.editor.saved', { type: 'success' });
      return true;
    } catch (error) {
      if (statusOf(error) === 412) {
        setConflict(true);
        notify('chiso.editor.conflict', { type: 'error', autoHideDuration: 10000 });
      } else notify(messageOf(error) ?? 'ra.notification.http_error', { type: 'error', multiLine: true });
      const found = problemOf(error)?.problemErrors;
      if (found?.length) setServer(toFindings(found));
      return false;
    }
  };

  const run = async (what: 'lint' | 'test') => {
    // the document that is saved and then tested: results tell about it, not about later edits
    const doc = editor.doc;
    setRunning(true);
    try {
      if (!(await save())) return;
      if (what === 'lint') setServer((await dataProvider.lintVersion(String(record.id))).findings);
      else setTests({ results: (await dataProvider.testVersion(String(record.id))).results, doc });
    } catch (error) {
      notify(messageOf(error) ?? 'ra.notification.http_error', { type: 'error', multiLine: true });
    } finally {
      setRunning(false);
    }
  };

  return (
    <>
      <EditorHeader
        record={record}
        etagRef={() => etag.current}
        save={save}
        onChanged={onChanged}
        onFindings={setServer}
        liveErrors={live.filter((f) => f.severity === 'error').length}
      />
      {conflict && (
        <Alert
          severity="error"
          sx={{ mb: 2 }}
          data-testid="conflict"
          action={
            <Button color="inherit" size="small" onClick={() => window.location.reload()}>
              {translate('chiso.editor.reload')}
            </Button>
          }
        >
          {translate('chiso.editor.conflict')}
        </Alert>
      )}
      <EditorBody
        checks={{
          live,
          liveAvailable: checked !== null,
          server,
          tests,
          running,
          runLint: () => run('lint'),
          runTests: () => run('test'),
          showImpact: !editor.readOnly,
        }}
      />
    </>
  );
};
