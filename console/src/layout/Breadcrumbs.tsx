import type { ReactNode } from 'react';
import { Box, Breadcrumbs as MuiBreadcrumbs, Link, Typography } from '@mui/material';
import NavigateNext from '@mui/icons-material/NavigateNext';
import { useCanAccess, useGetOne, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { useRuleSetTitle } from '../common/useRuleSetTitle';

export interface Crumb {
  label: ReactNode;
  to?: string;
  /** The resource whose list or record `to` opens: a role that may not read it sees the label only. */
  resource?: string;
}

const CrumbLink = ({ crumb }: { crumb: Crumb }) => {
  const { canAccess, isPending } = useCanAccess({ resource: crumb.resource ?? 'session', action: 'read' });
  if (!crumb.to || isPending || !canAccess) return <Typography color="text.secondary">{crumb.label}</Typography>;
  return (
    <Link component={RouterLink} to={crumb.to} underline="hover" color="inherit">
      {crumb.label}
    </Link>
  );
};

/**
 * Where a page sits ("Bộ chỉ số › Sơn La 2021 › Phiên bản 2021"): each step back links to its page,
 * the last one is the page itself. Steps still loading (a period's title) are left out until known.
 */
export const Breadcrumbs = ({ trail }: { trail: (Crumb | null | undefined | false)[] }) => {
  const translate = useTranslate();
  const crumbs = trail.filter((c): c is Crumb => !!c && c.label !== undefined && c.label !== '');
  const last = crumbs.length - 1;
  return (
    <MuiBreadcrumbs
      separator={<NavigateNext fontSize="small" />}
      aria-label={translate('chiso.breadcrumbs.label')}
      data-testid="breadcrumbs"
      sx={{ my: 1, flex: 1 }}
    >
      {crumbs.map((c, i) =>
        i === last ? (
          <Typography key={i} color="text.primary" aria-current="page">
            {c.label}
          </Typography>
        ) : (
          <CrumbLink key={i} crumb={c} />
        ),
      )}
    </MuiBreadcrumbs>
  );
};

/** The first steps of most trails: a resource's list, then one of its records by name. */
export const useListCrumb = (resource: string): Crumb => {
  const translate = useTranslate();
  return { label: translate(`resources.${resource}.name`, { smart_count: 2 }), to: `/${resource}`, resource };
};

/** A rule set by its title, linking to its page. */
export const useRuleSetCrumb = (id: string | undefined): Crumb | null => {
  const title = useRuleSetTitle(id);
  return id ? { label: title, to: `/rule-sets/${encodeURIComponent(id)}/show`, resource: 'rule-sets' } : null;
};

/** A period by its title, linking to its page. */
export const usePeriodCrumb = (id: string | undefined): Crumb | null => {
  const { data } = useGetOne('periods', { id: id ?? '' }, { enabled: !!id });
  return id ? { label: data?.title, to: `/periods/${id}/show`, resource: 'periods' } : null;
};

/** The trail on its own line above a page's cards (pages with their own header, no toolbar). */
export const PageCrumbs = ({ trail }: { trail: (Crumb | null | undefined | false)[] }) => (
  <Box sx={{ display: 'flex', alignItems: 'center', minHeight: 40 }}>
    <Breadcrumbs trail={trail} />
  </Box>
);
