// Who may do what, mirroring the server's requireRole() checks so each role sees only the
// screens and buttons it can use. The server still enforces every rule; this only hides.
export type Role = 'admin' | 'evaluator' | 'auditor' | 'agency';

export interface Identity {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  agencyId: string | null;
}

const READ = ['list', 'show', 'read'];

type Matrix = Record<Role, Record<string, string[]>>;

const matrix: Matrix = {
  admin: {
    dashboard: ['read'],
    'rule-sets': [...READ, 'create', 'edit'],
    versions: [...READ, 'create', 'edit', 'delete', 'copy', 'lint', 'test', 'publish', 'retire', 'diff', 'impact'],
    agencies: [...READ, 'create', 'edit', 'delete'],
    users: [...READ, 'create', 'edit', 'delete'],
    periods: [...READ, 'create', 'edit', 'transition', 'import', 'export'],
    submissions: READ,
    appraisals: READ,
    evaluations: [...READ, 'replay', 'export'],
    rankings: READ,
    'published-rankings': [...READ, 'replay'],
    audit: [...READ, 'verify'],
    replay: ['read', 'run'],
    'what-if': ['read', 'run'],
  },
  evaluator: {
    dashboard: ['read'],
    'rule-sets': READ,
    versions: [...READ, 'diff', 'lint', 'test'],
    agencies: READ,
    periods: [...READ, 'create', 'edit', 'transition', 'evaluate', 'rank', 'publishRanking', 'export', 'import'],
    submissions: [...READ, 'edit', 'appraise', 'evaluate', 'export'],
    appraisals: READ,
    evaluations: [...READ, 'replay', 'export'],
    rankings: READ,
    'published-rankings': [...READ, 'replay'],
    replay: ['read', 'run'],
    'what-if': ['read', 'run'],
  },
  auditor: {
    dashboard: ['read'],
    'rule-sets': READ,
    versions: [...READ, 'diff', 'lint', 'test'],
    agencies: READ,
    users: READ,
    periods: [...READ, 'export'],
    submissions: READ,
    appraisals: READ,
    evaluations: [...READ, 'replay', 'export'],
    rankings: READ,
    'published-rankings': [...READ, 'replay'],
    audit: [...READ, 'verify'],
    replay: ['read', 'run'],
    'what-if': ['read', 'run'],
  },
  agency: {
    dashboard: ['read'],
    periods: READ,
    submissions: [...READ, 'edit', 'submit', 'evidence'],
    evaluations: READ,
    versions: ['show', 'read'],
  },
};

/** Record-level rules: agency users touch only their own agency's drafts. */
function recordAllows(user: Identity, resource: string, action: string, record?: Record<string, any>): boolean {
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

export function can(user: Identity | null | undefined, resource: string, action: string, record?: Record<string, any>): boolean {
  if (!user) return false;
  const allowed = matrix[user.role]?.[resource];
  if (!allowed || !allowed.includes(action)) return false;
  return recordAllows(user, resource, action, record);
}
