import { useState, type ReactNode } from 'react';
import {
  Alert,
  Autocomplete,
  Box,
  Button,
  IconButton,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
  alpha,
} from '@mui/material';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import DoneAll from '@mui/icons-material/DoneAll';
import { useNotify, useTranslate } from 'react-admin';
import type { TestCase } from '../../../../../server/engine';
import type { TestCaseResult } from '../../../providers/dataProvider';
import { useEditor } from '../EditorContext';
import { join } from '../docOps';
import { useBound } from '../inputs/useBound';
import { PText } from '../inputs/PText';
import { PNumber } from '../inputs/PNumber';
import {
  acceptRows,
  acceptedExpectations,
  bandsOf,
  cohortOfCase,
  expectedAt,
  expectedNodes,
  failureText,
  fieldLabel,
  parseField,
  pointsInRun,
  treeNodes,
  valueText,
  type Words,
} from '../testCases';
import { AcceptDialog } from './AcceptDialog';

// A select's value for an expectation of null ("in no cohort", "below every band"), which differs
// from no expectation at all (the field left empty: not checked).
const NONE = '\u2205';

const ExpectSelect = ({ pointer, choices, noneLabel }: { pointer: string; choices: { id: string; name: string }[]; noneLabel: string }) => {
  const { ref, value, set, readOnly, focused } = useBound(pointer);
  const translate = useTranslate();
  const v = value === undefined ? '' : value === null ? NONE : String(value);
  return (
    <TextField
      ref={ref}
      select
      size="small"
      label={translate('chiso.editor.expected')}
      value={v}
      error={focused}
      disabled={readOnly}
      onChange={(e) => set(e.target.value === '' ? undefined : e.target.value === NONE ? null : e.target.value)}
      sx={{ width: 240 }}
      data-pointer={pointer}
    >
      <MenuItem value="">
        <em>{translate('chiso.editor.testCases.notChecked')}</em>
      </MenuItem>
      {choices.map((c) => (
        <MenuItem key={c.id} value={c.id}>
          {c.name}
        </MenuItem>
      ))}
      <MenuItem value={NONE}>{noneLabel}</MenuItem>
      {v !== '' && v !== NONE && !choices.some((c) => c.id === v) && <MenuItem value={v}>{v}</MenuItem>}
    </TextField>
  );
};

/**
 * One test case: its name and agency, and what it expects (points per criterion, total, band …)
 * next to what the last run gave, with the run's result to accept when a change was deliberate.
 */
export const TestCaseForm = ({
  index,
  result,
  stale,
  words,
}: {
  index: number;
  result: TestCaseResult | null;
  stale: boolean;
  words: Words;
}) => {
  const editor = useEditor();
  const translate = useTranslate();
  const notify = useNotify();
  const [accepting, setAccepting] = useState(false);
  const doc = editor.doc;
  const p = `/tests/${index}`;
  const test: TestCase = editor.get(p);
  const expect = test.expect ?? {};
  const cohort = cohortOfCase(test, result);
  const failures = new Map((result?.failures ?? []).map((f) => [f.field, f]));
  const ro = editor.readOnly;

  // What the run gave for a field: a failing check says it, a passing one equals what it expects,
  // an unchecked scalar is read from the evaluation.
  const actual = (field: string, expected: unknown): unknown => {
    if (!result) return undefined;
    const failed = failures.get(field);
    if (failed) return failed.actual;
    if (expected !== undefined) return expected;
    const e = result.evaluation;
    const scalars: Record<string, unknown> = {
      cohort: e.cohort,
      total: e.total,
      max: e.max,
      percentage: e.percentage,
      band: e.band?.id ?? null,
    };
    if (field in scalars) return scalars[field];
    if (field.startsWith('points.')) return pointsInRun(doc, result, field.slice('points.'.length)) ?? undefined;
    return undefined;
  };

  const row = (field: string, label: string, input: ReactNode, onRemove?: () => void) => {
    const expected = expectedAt(expect, field);
    const got = actual(field, expected);
    const failed = failures.has(field);
    const parsed = parseField(field);
    return (
      <TableRow
        key={field}
        data-expect-row={field}
        data-failed={failed || undefined}
        sx={failed ? { bgcolor: (t) => alpha(t.palette.error.main, 0.07) } : undefined}
      >
        <TableCell sx={{ maxWidth: 360 }}>{label}</TableCell>
        <TableCell>{input}</TableCell>
        <TableCell align="right" data-cell="actual" sx={{ fontWeight: failed ? 600 : undefined }}>
          {result ? valueText(doc, parsed, got, result.evaluation.cohort, words) : ''}
        </TableCell>
        <TableCell padding="checkbox">
          {onRemove && (
            <IconButton size="small" disabled={ro} onClick={onRemove} aria-label={translate('chiso.editor.testCases.removeNode')}>
              <DeleteOutline fontSize="small" />
            </IconButton>
          )}
        </TableCell>
      </TableRow>
    );
  };

  const number = (pointer: string) => <PNumber pointer={pointer} label="chiso.editor.expected" width={140} />;
  const scalarLabel = (field: string) => fieldLabel(doc, parseField(field), words);
  const pinned = expectedNodes(doc, expect.points);
  const pinnedKeys = new Set(pinned.flatMap(({ key, node }) => [key, node?.code, node?.id]));
  const addable = treeNodes(doc).filter((n) => !pinnedKeys.has(n.code) && !(n.id && pinnedKeys.has(n.id)));
  const failing = result && !result.passed;

  return (
    <Stack spacing={1.5} key={p} data-testid="test-case-form">
      <Typography variant="h6">{test.name}</Typography>
      <PText pointer={`${p}/name`} label="name" required />
      <PText pointer={`${p}/description`} label="description" multiline />
      <Stack direction="row" spacing={1}>
        <PText pointer={`${p}/agency/name`} label="chiso.editor.testCases.agencyName" required />
        <PNumber pointer={`${p}/year`} label="chiso.editor.testCases.year" width={160} />
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {translate('chiso.editor.testCases.inputs', {
          facts: words.number(Object.keys(test.facts ?? {}).length),
          peers: words.number(test.peers?.length ?? 0),
        })}
      </Typography>

      {stale && <Alert severity="info">{translate('chiso.editor.testCases.staleCase')}</Alert>}
      {result?.passed && (
        <Alert severity="success" data-testid="case-passed">
          {translate('chiso.editor.testCases.passedCase')}
        </Alert>
      )}
      {failing && (
        <Alert
          severity="error"
          data-testid="case-failures"
          action={
            <Button
              color="inherit"
              size="small"
              startIcon={<DoneAll />}
              disabled={ro}
              onClick={() => setAccepting(true)}
              data-testid="accept-case"
            >
              {translate('chiso.editor.testCases.accept')}
            </Button>
          }
        >
          {translate('chiso.editor.testCases.failedCase')}
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {result.failures.map((f) => (
              <li key={f.field} data-failure={f.field}>
                {failureText(doc, test, result, f, words)}
              </li>
            ))}
          </Box>
        </Alert>
      )}

      <Typography variant="subtitle1">{translate('chiso.editor.testCases.expectations')}</Typography>
      <Typography variant="body2" color="text.secondary">
        {translate('chiso.editor.testCases.expectationsHelp')}
      </Typography>
      <Table size="small" data-testid="expectations" sx={{ '& td': { py: 0.5 } }}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('chiso.editor.testCases.what')}</TableCell>
            <TableCell>{translate('chiso.editor.expected')}</TableCell>
            <TableCell align="right">{translate('chiso.editor.testCases.lastRun')}</TableCell>
            <TableCell padding="checkbox" />
          </TableRow>
        </TableHead>
        <TableBody>
          {row(
            'cohort',
            scalarLabel('cohort'),
            <ExpectSelect
              pointer={`${p}/expect/cohort`}
              choices={(doc.cohorts ?? []).map((c) => ({ id: c.id, name: words.lt(c.name) }))}
              noneLabel={translate('chiso.editor.testCases.noCohort')}
            />,
          )}
          {(['total', 'max', 'percentage'] as const).map((f) => row(f, scalarLabel(f), number(`${p}/expect/${f}`)))}
          {row(
            'band',
            scalarLabel('band'),
            <ExpectSelect
              pointer={`${p}/expect/band`}
              choices={bandsOf(doc, cohort).map((b) => ({ id: b.id, name: words.lt(b.label) }))}
              noneLabel={translate('chiso.editor.testCases.noBand')}
            />,
          )}
          {expect.average !== undefined &&
            row('average', scalarLabel('average'), number(`${p}/expect/average`), () => editor.remove(`${p}/expect/average`))}
          {(['results', 'cohortAverages'] as const).flatMap((kind) =>
            Object.keys(expect[kind] ?? {}).map((key) =>
              row(`${kind}.${key}`, scalarLabel(`${kind}.${key}`), number(join(p, 'expect', kind, key)), () =>
                editor.remove(join(p, 'expect', kind, key)),
              ),
            ),
          )}
          {pinned.map(({ key }) =>
            row(`points.${key}`, scalarLabel(`points.${key}`), number(join(p, 'expect', 'points', key)), () =>
              editor.remove(join(p, 'expect', 'points', key)),
            ),
          )}
        </TableBody>
      </Table>
      {!ro && (
        <Autocomplete
          size="small"
          options={addable}
          value={null}
          getOptionLabel={(n) => `${n.code} ${words.lt(n.title)}`}
          onChange={(_, n) => {
            if (!n) return;
            editor.set(join(p, 'expect', 'points', n.code), (result && pointsInRun(doc, result, n.code)) ?? 0);
          }}
          renderInput={(params) => <TextField {...params} label={translate('chiso.editor.testCases.addNode')} />}
          sx={{ maxWidth: 520 }}
          data-testid="add-expected-node"
        />
      )}
      {failing && (
        <AcceptDialog
          open={accepting}
          title={translate('chiso.editor.testCases.acceptTitle', { name: test.name })}
          lines={acceptRows(doc, test, result, words)}
          onClose={() => setAccepting(false)}
          onAccept={() => {
            editor.set(`${p}/expect`, acceptedExpectations(expect, result.failures));
            setAccepting(false);
            notify('chiso.editor.testCases.accepted', { type: 'info' });
          }}
        />
      )}
    </Stack>
  );
};
