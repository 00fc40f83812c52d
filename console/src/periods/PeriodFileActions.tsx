// The spreadsheet buttons of a period: download the XLSX import template, import filled templates
// or CSVs (every problem shown in a table with its sheet, row and column; nothing is imported
// then), and export the results as XLSX, CSV (for Vietnamese Excel or with commas) or the
// printable PDF annex.
import { useRef, useState } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  LinearProgress,
  Menu,
  MenuItem,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import Download from '@mui/icons-material/Download';
import UploadFile from '@mui/icons-material/UploadFile';
import FileDownload from '@mui/icons-material/FileDownload';
import { useCanAccess, useNotify, useRefresh, useTranslate, type RaRecord } from 'react-admin';
import { apiFetch } from '../api/http';
import { problemOf, messageOf } from '../api/problem';
import { downloadFile } from '../common/download';
import type { vi } from '../i18n/vi';
import { RANKING_EXPORTS } from './exportFormats';

type Key = keyof typeof vi.chiso.periodFiles;

/** Labels are chiso.periodFiles.* in the i18n messages (Vietnamese first, English too). */
const useText = () => {
  const translate = useTranslate();
  return (key: Key, args: Record<string, string | number> = {}) => translate(`chiso.periodFiles.${key}`, args);
};

interface FileProblemRow {
  sheet: string | null;
  row: number | null;
  column: string | null;
  message: string;
}

/**
 * `only="export"` shows just the export menu (for the ranking page); by default the template and
 * import buttons come too, each for the roles and period stages that allow it.
 */
export const PeriodFileActions = ({ period, only }: { period: RaRecord; only?: 'export' }) => {
  const t = useText();
  const notify = useNotify();
  const refresh = useRefresh();
  const canImport = useCanAccess({ resource: 'periods', action: 'import' }).canAccess;
  const canExport = useCanAccess({ resource: 'periods', action: 'export' }).canAccess;
  const [menu, setMenu] = useState<HTMLElement | null>(null);
  const [dialog, setDialog] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<FileProblemRow[] | null>(null);
  const [summary, setSummary] = useState<string | null>(null);
  const picker = useRef<HTMLInputElement>(null);
  const open = period.status === 'open';

  const get = async (path: string, name: string) => {
    try {
      await downloadFile(`/api/periods/${period.id}/${path}`, name);
    } catch (e) {
      notify(messageOf(e) ?? 'ra.notification.http_error', { type: 'error', multiLine: true });
    }
  };

  const upload = async (file: File) => {
    setBusy(true);
    setProblems(null);
    setSummary(null);
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      const { json } = await apiFetch<{ imported: number; created: number; updated: number }>(`/api/periods/${period.id}/import`, {
        method: 'POST',
        body: form,
      });
      notify(t('imported', { n: json.imported, created: json.created, updated: json.updated }), { type: 'success' });
      setDialog(false);
      refresh();
    } catch (e) {
      const p = problemOf(e);
      const rows = (p?.problemErrors ?? []) as unknown as FileProblemRow[];
      setSummary(p?.detail ?? messageOf(e) ?? null);
      setProblems(rows.map((r) => ({ sheet: r.sheet ?? null, row: r.row ?? null, column: r.column ?? null, message: r.message })));
    } finally {
      setBusy(false);
      if (picker.current) picker.current.value = '';
    }
  };

  return (
    <>
      {only !== 'export' && (
        <Button startIcon={<Download />} onClick={() => get('template.xlsx', 'mau-nhap.xlsx')} data-testid="download-template">
          {t('template')}
        </Button>
      )}
      {only !== 'export' && canImport && open && (
        <Button startIcon={<UploadFile />} onClick={() => setDialog(true)} data-testid="import-file">
          {t('import')}
        </Button>
      )}
      {canExport && (
        <>
          <Button startIcon={<FileDownload />} onClick={(e) => setMenu(e.currentTarget)} data-testid="export-menu">
            {t('export')}
          </Button>
          <Menu anchorEl={menu} open={!!menu} onClose={() => setMenu(null)}>
            {RANKING_EXPORTS.map((format) => (
              <MenuItem
                key={format.id}
                data-testid={format.testId}
                onClick={() => {
                  setMenu(null);
                  void get(`export?${format.query}`, `ket-qua.${format.extension}`);
                }}
              >
                {t(format.id)}
              </MenuItem>
            ))}
          </Menu>
        </>
      )}
      <Dialog open={dialog} onClose={() => !busy && setDialog(false)} maxWidth="md" fullWidth>
        <DialogTitle>{t('importTitle')}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 2 }}>
            {t('importHelp')}
          </Typography>
          <input
            ref={picker}
            type="file"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            hidden
            data-testid="import-input"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void upload(file);
            }}
          />
          <Button variant="contained" startIcon={<UploadFile />} disabled={busy} onClick={() => picker.current?.click()}>
            {t('choose')}
          </Button>
          {busy && <LinearProgress sx={{ mt: 2 }} />}
          {problems && (
            <>
              <Alert severity="error" sx={{ mt: 2 }}>
                {summary ?? t('problems')}
              </Alert>
              {problems.length > 0 && (
                <Table size="small" sx={{ mt: 1 }} data-testid="import-problems">
                  <TableHead>
                    <TableRow>
                      <TableCell>{t('sheet')}</TableCell>
                      <TableCell>{t('row')}</TableCell>
                      <TableCell>{t('column')}</TableCell>
                      <TableCell>{t('message')}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {problems.map((p, i) => (
                      <TableRow key={i}>
                        <TableCell>{p.sheet ?? '—'}</TableCell>
                        <TableCell>{p.row ?? '—'}</TableCell>
                        <TableCell>{p.column ?? '—'}</TableCell>
                        <TableCell>{p.message}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              )}
            </>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setDialog(false)} disabled={busy}>
            {t('close')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
