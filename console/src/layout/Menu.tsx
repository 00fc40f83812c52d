import { Menu as RaMenu, useCanAccess, useCanAccessResources, useSidebarState, useTranslate } from 'react-admin';
import { Divider, ListSubheader } from '@mui/material';
import type { ReactNode } from 'react';
import Replay from '@mui/icons-material/Replay';
import Science from '@mui/icons-material/Science';

/** A heading over a group of entries, shown only when the role can open one of them. */
const Section = ({ label, resources, pages: custom = [] }: { label: string; resources: string[]; pages?: string[] }) => {
  const translate = useTranslate();
  const [open] = useSidebarState();
  const { canAccess: lists } = useCanAccessResources({ action: 'list', resources });
  const { canAccess: pages } = useCanAccessResources({ action: 'read', resources: custom });
  const any = resources.some((r) => lists?.[r]) || custom.some((p) => pages?.[p]);
  if (!any) return null;
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
    <Section label="chiso.menu.rules" resources={['rule-sets', 'versions']} />
    <RaMenu.ResourceItem name="rule-sets" />
    <RaMenu.ResourceItem name="versions" />
    <Section label="chiso.menu.assessment" resources={['periods', 'submissions', 'evaluations', 'published-rankings']} />
    <RaMenu.ResourceItem name="periods" />
    <RaMenu.ResourceItem name="submissions" />
    <RaMenu.ResourceItem name="evaluations" />
    <RaMenu.ResourceItem name="published-rankings" />
    <Section label="chiso.menu.audit" resources={['audit']} pages={['replay', 'what-if']} />
    <PageItem resource="replay" to="/replay" label="chiso.menu.replay" icon={<Replay />} />
    <PageItem resource="what-if" to="/what-if" label="chiso.menu.whatIf" icon={<Science />} />
    <RaMenu.ResourceItem name="audit" />
    <Section label="chiso.menu.admin" resources={['agencies', 'users']} />
    <RaMenu.ResourceItem name="agencies" />
    <RaMenu.ResourceItem name="users" />
  </RaMenu>
);
