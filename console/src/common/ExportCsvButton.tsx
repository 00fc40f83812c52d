import { Button, Tooltip } from '@mui/material';
import FileDownload from '@mui/icons-material/FileDownload';
import { useNotify, useTranslate } from 'react-admin';
import { messageOf } from '../api/problem';
import { saveCsv, type CsvTable } from './tableCsv';

/** "Xuất bảng (CSV)": the table as it is shown (filters applied), made in the browser. */
export const ExportCsvButton = ({
  fileName,
  table,
  testId = 'export-table-csv',
  label,
  disabled,
}: {
  fileName: string;
  /** Read when clicked, so that the file is what the screen shows at that moment. */
  table: () => CsvTable | Promise<CsvTable>;
  testId?: string;
  /** Instead of "Xuất bảng (CSV)". */
  label?: string;
  disabled?: boolean;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const run = async () => {
    try {
      saveCsv(`${fileName}.csv`, await table());
    } catch (e) {
      notify(messageOf(e) ?? 'ra.notification.http_error', { type: 'error', multiLine: true });
    }
  };
  return (
    <Tooltip title={translate('chiso.tableExport.csvHelp')}>
      <span>
        <Button
          startIcon={<FileDownload />}
          disabled={disabled}
          data-testid={testId}
          sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}
          onClick={() => void run()}
        >
          {label ?? translate('chiso.tableExport.csv')}
        </Button>
      </span>
    </Tooltip>
  );
};
