// "Xuất dữ liệu cho Sở Nội vụ": the published results in force of a rule set, one row per agency and
// year (GET /api/exports/home-affairs), for the Department of Home Affairs, which weighs them in
// heads' accountability, the CCHC index and emulation. The rule set is the one the list is filtered
// on, else that of the current period; a year filtered on narrows it to that year.
import { useState } from 'react';
import { Button, Menu, MenuItem } from '@mui/material';
import FileDownload from '@mui/icons-material/FileDownload';
import { useCanAccess, useListContext, useNotify, useTranslate } from 'react-admin';
import { downloadFile } from '../common/download';
import { messageOf } from '../api/problem';
import { useCurrentRuleSetFilter } from '../dashboard/useCurrentPeriod';

/** The files offered, as the period's export menu offers them: a workbook and the two CSV flavours (both UTF-8 with a BOM). */
const HAND_OFF_FILES = [
  { id: 'xlsx', query: { format: 'xlsx' }, extension: 'xlsx' },
  { id: 'csvSemicolon', query: { format: 'csv', delimiter: 'semicolon' }, extension: 'csv' },
  { id: 'csvComma', query: { format: 'csv' }, extension: 'csv' },
] as const;

export const HomeAffairsExportButton = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const { canAccess } = useCanAccess({ resource: 'published-rankings', action: 'homeAffairs' });
  const { filterValues } = useListContext();
  const { defaults } = useCurrentRuleSetFilter();
  const [menu, setMenu] = useState<HTMLElement | null>(null);
  const [busy, setBusy] = useState(false);
  if (!canAccess) return null;
  const filtered = typeof filterValues?.ruleSet === 'string' ? filterValues.ruleSet.trim() : '';
  const ruleSet = filtered || defaults.ruleSet;
  const year = filterValues?.year ? String(filterValues.year) : undefined;

  const save = async (file: (typeof HAND_OFF_FILES)[number]) => {
    setMenu(null);
    if (!ruleSet) return;
    setBusy(true);
    try {
      const query = new URLSearchParams({ ruleSet, ...(year ? { fromYear: year, toYear: year } : {}), ...file.query });
      await downloadFile(`/api/exports/home-affairs?${query}`, `ban-giao-so-noi-vu.${file.extension}`);
    } catch (e) {
      notify(messageOf(e) ?? 'ra.notification.http_error', { type: 'error', multiLine: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        size="small"
        startIcon={<FileDownload />}
        disabled={busy || !ruleSet}
        onClick={(e) => setMenu(e.currentTarget)}
        title={translate('chiso.homeAffairs.help')}
        data-testid="home-affairs-export"
      >
        {translate('chiso.homeAffairs.export')}
      </Button>
      <Menu anchorEl={menu} open={!!menu} onClose={() => setMenu(null)}>
        {HAND_OFF_FILES.map((file) => (
          <MenuItem key={file.id} onClick={() => void save(file)} data-testid={`home-affairs-${file.id}`}>
            {translate(`chiso.homeAffairs.${file.id}`)}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
};
