import { Box, Paper } from '@mui/material';
import type { ReactNode } from 'react';

/** Left: what to pick; right: the form of what is picked. */
export const SplitPane = ({ left, right, leftWidth = 380 }: { left: ReactNode; right: ReactNode; leftWidth?: number }) => (
  <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexDirection: { xs: 'column', md: 'row' } }}>
    <Paper variant="outlined" sx={{ p: 1, width: { xs: '100%', md: leftWidth }, flexShrink: 0, maxHeight: '75vh', overflow: 'auto' }}>
      {left}
    </Paper>
    <Paper variant="outlined" sx={{ p: 2, flex: 1, minWidth: 0, width: '100%' }}>
      {right}
    </Paper>
  </Box>
);
