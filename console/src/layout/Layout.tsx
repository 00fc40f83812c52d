import type { ReactNode } from 'react';
import { Layout as RaLayout } from 'react-admin';
import { Menu } from './Menu';
import { AppBar } from './AppBar';

// react-admin's frame is at least as wide as its content (min-width: fit-content, and a flex item's
// min-width is its content's), so one wide table made the whole page wider than the window and the
// action buttons slid off-screen; at 0 the page keeps the window's width and wide tables scroll
// inside their own container (common/ScrollTable).
export const Layout = ({ children }: { children: ReactNode }) => (
  <RaLayout menu={Menu} appBar={AppBar} sx={{ minWidth: 0, '& .RaLayout-content': { minWidth: 0 } }}>
    {children}
  </RaLayout>
);
