import { useState } from 'react';
import { Alert, Box, Button, Chip, Paper, Stack, Typography } from '@mui/material';
import PlayArrow from '@mui/icons-material/PlayArrow';
import DoneAll from '@mui/icons-material/DoneAll';
import { useNotify, useTranslate } from 'react-admin';
import type { TestCase } from '../../../../../server/engine';
import { useEditor } from '../EditorContext';
import { useFormat } from '../../../common/useFormat';
import { useLt } from '../../../common/useLt';
import { acceptRows, acceptedExpectations, copyOfCase, resultOf, type TestRunState, type Words } from '../testCases';
import { ItemList } from './ItemList';
import { SplitPane } from './SplitPane';
import { TestCaseForm } from './TestCaseForm';
import { AcceptDialog } from './AcceptDialog';

/**
 * The version's embedded test cases: each one's inputs and expectations, edited in the draft, and
 * the results of the server's run on the saved draft, in the labels of the version's own tree.
 */
export const TestsPanel = ({ run, onRun, running }: { run: TestRunState | null; onRun: () => void; running: boolean }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const editor = useEditor();
  const f = useFormat();
  const lt = useLt();
  const words: Words = { lt, translate, number: (n) => f.number(n, 6) };
  const tests: TestCase[] = editor.doc.tests ?? [];
  const results = tests.map((t) => resultOf(run, editor.doc, t));
  const [selected, setSelected] = useState<number | null>(tests.length ? 0 : null);
  const [acceptingAll, setAcceptingAll] = useState(false);

  // A new run shows its first failing case (adjusted during render, not in an effect after a paint).
  const [shownRun, setShownRun] = useState(run);
  if (run !== shownRun) {
    setShownRun(run);
    const first = results.findIndex((r) => r && !r.passed);
    if (first >= 0) setSelected(first);
  }

  const passed = run?.results.filter((r) => r.passed).length ?? 0;
  const failing = tests.flatMap((test, i) => {
    const result = results[i];
    return result && !result.passed ? [{ i, test, result }] : [];
  });
  const current = selected !== null && tests[selected] ? selected : null;

  const status = (i: number) => {
    const r = results[i];
    if (r)
      return (
        <Chip size="small" color={r.passed ? 'success' : 'error'} label={translate(r.passed ? 'chiso.editor.pass' : 'chiso.editor.fail')} />
      );
    return null;
  };

  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="tests-panel">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1, flexWrap: 'wrap', rowGap: 1 }}>
        <Typography variant="subtitle1">{translate('chiso.editor.testsTitle', { smart_count: tests.length })}</Typography>
        <Button variant="outlined" size="small" startIcon={<PlayArrow />} onClick={onRun} disabled={running || !tests.length}>
          {translate(editor.dirty && !editor.readOnly ? 'chiso.editor.saveAndTest' : 'chiso.editor.runTests')}
        </Button>
        {run && (
          <Chip
            color={passed === run.results.length ? 'success' : 'error'}
            label={translate('chiso.editor.testsPassed', { passed, total: run.results.length })}
            data-testid="tests-summary"
          />
        )}
        {failing.length > 0 && !editor.readOnly && (
          <Button
            size="small"
            color="warning"
            variant="outlined"
            startIcon={<DoneAll />}
            onClick={() => setAcceptingAll(true)}
            data-testid="accept-all"
          >
            {translate('chiso.editor.testCases.acceptAll')}
          </Button>
        )}
      </Stack>
      {!tests.length && (
        <Alert severity="info" sx={{ mb: 1 }}>
          {translate('chiso.editor.noTests')}
        </Alert>
      )}
      <SplitPane
        leftWidth={400}
        left={
          <ItemList<TestCase>
            pointer="/tests"
            selected={current}
            onSelect={setSelected}
            primary={(t, i) => (
              <Stack direction="row" spacing={1} component="span" sx={{ alignItems: 'center' }}>
                <span>{t.name}</span>
                {status(i)}
              </Stack>
            )}
            secondary={(t) => (
              <Box component="span" sx={{ display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' }}>
                {[t.agency?.name, t.description].filter(Boolean).join(' · ')}
              </Box>
            )}
            make={(items) =>
              items.length
                ? copyOfCase(items[current ?? items.length - 1], items, (n) => translate('chiso.editor.testCases.copySuffix', { n }))
                : { name: translate('chiso.editor.testCases.newCase'), agency: { id: '', name: '', kind: '' }, facts: {}, expect: {} }
            }
            testId="tests-list"
          />
        }
        right={
          current !== null ? (
            <TestCaseForm index={current} result={results[current]} stale={!!run && !results[current]} words={words} />
          ) : (
            <Alert severity="info">{translate('chiso.editor.testCases.selectCase')}</Alert>
          )
        }
      />
      <AcceptDialog
        open={acceptingAll}
        title={translate('chiso.editor.testCases.acceptAllTitle', { smart_count: failing.length })}
        lines={failing.flatMap(({ test, result }) =>
          acceptRows(editor.doc, test, result, words).map((l) => ({ ...l, caseName: test.name })),
        )}
        onClose={() => setAcceptingAll(false)}
        onAccept={() => {
          const next = [...tests];
          for (const { i, test, result } of failing) next[i] = { ...test, expect: acceptedExpectations(test.expect, result.failures) };
          editor.set('/tests', next);
          setAcceptingAll(false);
          notify('chiso.editor.testCases.accepted', { type: 'info' });
        }}
      />
    </Paper>
  );
};
