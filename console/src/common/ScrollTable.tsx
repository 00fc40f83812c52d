import type { ReactNode } from 'react';
import { Table, TableContainer, type SxProps, type Theme } from '@mui/material';

// Every selector inside :where() weighs nothing, so a row's own highlight (changedRow) still colours
// its first cell; the sticky cell needs a background of its own, or the columns scroll through it.
const STICKY_FIRST_COLUMN: SxProps<Theme> = {
  '& :where(th:first-of-type, td:first-of-type)': {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    backgroundColor: 'background.paper',
    minWidth: 160,
    maxWidth: 280,
    whiteSpace: 'normal',
    overflowWrap: 'anywhere',
  },
};

/** A highlighted row: its cells are coloured (not the row), so that the sticky first cell is too. */
export const changedRow = (color = '#fff4e5'): SxProps<Theme> => ({ '& > td': { backgroundColor: color } });

/**
 * A results table that never widens the page: it scrolls sideways inside its own box when its
 * columns do not fit, with the first column (the agency's name) kept in view and wrapped.
 */
export const ScrollTable = ({ children, testId }: { children: ReactNode; testId?: string }) => (
  <TableContainer sx={{ maxWidth: '100%', overflowX: 'auto' }}>
    <Table size="small" sx={STICKY_FIRST_COLUMN} data-testid={testId}>
      {children}
    </Table>
  </TableContainer>
);
