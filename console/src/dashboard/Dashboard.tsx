import { useGetIdentity } from 'react-admin';
import { StaffDashboard } from './StaffDashboard';
import { AgencyDashboard } from './AgencyDashboard';

/** The landing page: the current period at a glance, or, for an agency, its own assessment. */
export const Dashboard = () => {
  const { identity } = useGetIdentity();
  if (!identity) return null;
  return identity.role === 'agency' ? <AgencyDashboard /> : <StaffDashboard />;
};
