import { Menu as RaMenu, useCanAccess, useTranslate } from 'react-admin';
import { Divider, ListSubheader } from '@mui/material';
import type { ReactNode } from 'react';
import Replay from '@mui/icons-material/Replay';
import Science from '@mui/icons-material/Science';
import { useSidebarState } from 'react-admin';

const Section = ({ label }: { label: string }) => {
  const translate = useTranslate();
  const [open] = useSidebarState();
  return open ? (
    <ListSubheader sx={{ bgcolor: 'transparent', lineHeight: '32px', mt: 1 }}>{translate(label)}</ListSubheader>
  ) : (
    <Divider sx={{ my: 1 }} />
  );
};

/** A custom page's menu entry, shown only to roles that may open it. */
const PageItem = ({ resource, to, label, icon }: { resource: string; to: string; label: string; icon: ReactNode }) => {
  const { canAccess } = useCanAccess({ resource, action: 'read' });
  const translate = useTranslate();
  return canAccess ? <RaMenu.Item to={to} primaryText={translate(label)} leftIcon={icon} /> : null;
};

/** Grouped by what people do: write rules, assess, audit, administer. ResourceItem hides what a role cannot list. */
export const Menu = () => (
  <RaMenu>
    <RaMenu.DashboardItem />
    <Section label="chiso.menu.rules" />
    <RaMenu.ResourceItem name="rule-sets" />
    <RaMenu.ResourceItem name="versions" />
    <Section label="chiso.menu.assessment" />
    <RaMenu.ResourceItem name="periods" />
    <RaMenu.ResourceItem name="submissions" />
    <RaMenu.ResourceItem name="evaluations" />
    <RaMenu.ResourceItem name="published-rankings" />
    <Section label="chiso.menu.audit" />
    <PageItem resource="replay" to="/replay" label="chiso.menu.replay" icon={<Replay />} />
    <PageItem resource="what-if" to="/what-if" label="chiso.menu.whatIf" icon={<Science />} />
    <RaMenu.ResourceItem name="audit" />
    <Section label="chiso.menu.admin" />
    <RaMenu.ResourceItem name="agencies" />
    <RaMenu.ResourceItem name="users" />
  </RaMenu>
);
