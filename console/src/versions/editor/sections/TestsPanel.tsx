import { Alert, Button, Chip, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import PlayArrow from '@mui/icons-material/PlayArrow';
import { useTranslate } from 'react-admin';
import type { TestCaseResult } from '../../../providers/dataProvider';
import { useEditor } from '../EditorContext';
import { useFormat } from '../../../common/useFormat';

const show = (v: unknown, number: (n: number) => string) =>
  typeof v === 'number' ? number(v) : v === null || v === undefined ? '—' : String(v);

/** The version's embedded test cases, run by the server on the saved draft. */
export const TestsPanel = ({ results, onRun, running }: { results: TestCaseResult[] | null; onRun: () => void; running: boolean }) => {
  const translate = useTranslate();
  const editor = useEditor();
  const f = useFormat();
  const count = editor.doc.tests?.length ?? 0;
  const passed = results?.filter((r) => r.passed).length ?? 0;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="tests-panel">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="subtitle1">{translate('chiso.editor.testsTitle', { smart_count: count })}</Typography>
        <Button variant="outlined" size="small" startIcon={<PlayArrow />} onClick={onRun} disabled={running || !count}>
          {translate(editor.dirty && !editor.readOnly ? 'chiso.editor.saveAndTest' : 'chiso.editor.runTests')}
        </Button>
        {results && (
          <Chip
            color={passed === results.length ? 'success' : 'error'}
            label={translate('chiso.editor.testsPassed', { passed, total: results.length })}
            data-testid="tests-summary"
          />
        )}
      </Stack>
      {!count && <Alert severity="info">{translate('chiso.editor.noTests')}</Alert>}
      {results && (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('chiso.editor.testName')}</TableCell>
              <TableCell>{translate('chiso.editor.testResult')}</TableCell>
              <TableCell>{translate('chiso.editor.testField')}</TableCell>
              <TableCell>{translate('chiso.editor.expected')}</TableCell>
              <TableCell>{translate('chiso.editor.actual')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {results.flatMap((r) =>
              (r.failures.length ? r.failures : [null]).map((fail, i) => (
                <TableRow key={`${r.name}-${i}`}>
                  <TableCell>{i === 0 ? r.name : ''}</TableCell>
                  <TableCell>
                    {i === 0 && (
                      <Chip
                        size="small"
                        color={r.passed ? 'success' : 'error'}
                        label={translate(r.passed ? 'chiso.editor.pass' : 'chiso.editor.fail')}
                      />
                    )}
                  </TableCell>
                  <TableCell>{fail?.field ?? ''}</TableCell>
                  <TableCell>{fail ? show(fail.expected, f.number) : ''}</TableCell>
                  <TableCell>{fail ? show(fail.actual, f.number) : ''}</TableCell>
                </TableRow>
              )),
            )}
          </TableBody>
        </Table>
      )}
    </Paper>
  );
};
