import type { RaRecord } from 'react-admin';

/**
 * Slot for the spreadsheet buttons of a period (issue 5: download the XLSX template, import filled
 * spreadsheets, export results as XLSX/CSV/PDF). The spreadsheet helper fills this component;
 * PeriodShow already renders it in its action bar.
 */
export const PeriodFileActions = (_props: { period: RaRecord }) => null;
