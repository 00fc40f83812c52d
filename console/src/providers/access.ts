// Who may do what, from the server's own role matrix (server/api/roles.ts), so each role sees only
// the menus, screens and buttons it can use. The server still enforces every rule; this only hides.
import { allows, MENUS, type Resource, type Role } from '../../../server/api/roles';

export type { Role } from '../../../server/api/roles';

export interface Identity {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  agencyId: string | null;
}

/** react-admin's reading actions are one action of the matrix. */
const READS = new Set(['list', 'show', 'read']);

/** The console's own pages and words, as the matrix's resource and action they stand for. */
const ALIASES: Record<string, Record<string, [Resource, string]>> = {
  dashboard: { read: ['session', 'read'] },
  replay: { read: ['evaluations', 'replay'], run: ['evaluations', 'replay'] },
  'what-if': { read: ['periods', 'whatIf'], run: ['periods', 'whatIf'] },
  rankings: { read: ['periods', 'rank'] },
  versions: { impact: ['periods', 'whatIf'] },
  evaluations: { export: ['evaluations', 'report'] },
};

/** Record-level rules the services enforce: agency users touch only their own agency's drafts; drafts change, published versions retire. */
function recordAllows(user: Identity, resource: string, action: string, record?: Record<string, unknown>): boolean {
  if (!record) return true;
  if (user.role === 'agency' && (resource === 'submissions' || resource === 'evaluations')) {
    if (record.agencyId && record.agencyId !== user.agencyId) return false;
  }
  if (resource === 'submissions' && (action === 'edit' || action === 'submit' || action === 'evidence')) {
    return record.status === 'draft' || record.status === undefined;
  }
  if (resource === 'versions' && ['edit', 'delete', 'publish', 'lint', 'test', 'impact'].includes(action)) {
    return record.status === undefined || record.status === 'draft';
  }
  if (resource === 'versions' && action === 'retire') return record.status === 'published';
  return true;
}

export function can(user: Identity | null | undefined, resource: string, action: string, record?: Record<string, unknown>): boolean {
  if (!user) return false;
  // A resource's list is in the menu only for roles whose work it is.
  if (action === 'list' && !MENUS[user.role].includes(resource as Resource)) return false;
  const verb = READS.has(action) ? 'read' : action;
  const [target, targetAction] = ALIASES[resource]?.[verb] ?? [resource, verb];
  // Impact is previewed in the editor: only those who may edit a version and run a what-if.
  if (resource === 'versions' && action === 'impact' && !allows(user.role, 'versions', 'edit')) return false;
  if (!allows(user.role, target, targetAction)) return false;
  return recordAllows(user, resource, action, record);
}
