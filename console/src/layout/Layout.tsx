import type { ReactNode } from 'react';
import { Layout as RaLayout } from 'react-admin';
import { Menu } from './Menu';
import { AppBar } from './AppBar';

// A flex item's min-width is its content's by default, so one wide table made the whole page wider
// than the window (the action buttons slid off-screen); at 0 the page keeps the window's width and
// wide tables scroll inside their own container (common/ScrollTable).
export const Layout = ({ children }: { children: ReactNode }) => (
  <RaLayout menu={Menu} appBar={AppBar} sx={{ '& .RaLayout-content': { minWidth: 0 } }}>
    {children}
  </RaLayout>
);
