// Who may do what: the one role matrix. The server guards every route with it (http/auth.ts
// `allow`), the console shows the menus, screens and buttons it allows (providers/access.ts), and
// test/api/roles.test.ts checks each route against it. Record-level rules (an agency user's own
// agency, a draft's status) are the services' to enforce and the console's to mirror.
export const ROLES = ['admin', 'evaluator', 'auditor', 'agency'] as const;
export type Role = (typeof ROLES)[number];

const ALL = ROLES;
const STAFF = ['admin', 'evaluator', 'auditor'] as const;
const ADMIN = ['admin'] as const;
const EVALUATOR = ['evaluator'] as const;
/** Periods are set up by the evaluator or the administrator. */
const ORGANISERS = ['admin', 'evaluator'] as const;
/** Self-assessments are written by the agency, or by the evaluator on its behalf. */
const SELF_ASSESSORS = ['agency', 'evaluator'] as const;
const OVERSIGHT = ['admin', 'auditor'] as const;
/** The right of reply is the agency's own. */
const AGENCY = ['agency'] as const;

export const PERMISSIONS = {
  session: { read: ALL },
  users: { read: OVERSIGHT, create: ADMIN, edit: ADMIN, delete: ADMIN },
  'rule-sets': { read: ALL, edit: ADMIN },
  versions: {
    read: ALL,
    create: ADMIN,
    edit: ADMIN,
    delete: ADMIN,
    copy: ADMIN,
    publish: ADMIN,
    retire: ADMIN,
    lint: STAFF,
    test: STAFF,
    diff: STAFF,
  },
  agencies: { read: ALL, create: ADMIN, edit: ADMIN, delete: ADMIN },
  periods: {
    read: ALL,
    create: ORGANISERS,
    edit: ORGANISERS,
    delete: ORGANISERS,
    transition: ORGANISERS,
    template: ALL,
    import: ORGANISERS,
    export: STAFF,
    evaluate: EVALUATOR,
    /** The current ranking: other agencies' results, so no agency users. */
    rank: STAFF,
    publishRanking: EVALUATOR,
    whatIf: STAFF,
    /** Who has not submitted, and whether the deadline has passed. */
    overdue: STAFF,
  },
  submissions: {
    read: ALL,
    create: SELF_ASSESSORS,
    edit: SELF_ASSESSORS,
    submit: SELF_ASSESSORS,
    evidence: SELF_ASSESSORS,
    appraise: EVALUATOR,
    /** Accepting or rejecting an explanation filed in place of evidence. */
    reviewEvidence: EVALUATOR,
    evaluate: EVALUATOR,
  },
  appraisals: { read: ALL, reply: AGENCY, resolve: EVALUATOR },
  evaluations: { read: ALL, report: ALL, replay: STAFF },
  /** Published results are public: every agency may see where it and the others stand. */
  'published-rankings': {
    read: ALL,
    replay: STAFF,
    correct: EVALUATOR,
    /** The hand-off of every agency's published results to the Department of Home Affairs (Sở Nội vụ): staff's to make. */
    homeAffairs: STAFF,
  },
  audit: { read: OVERSIGHT, verify: OVERSIGHT },
} as const satisfies Record<string, Record<string, readonly Role[]>>;

export type Resource = keyof typeof PERMISSIONS;
export type Action<R extends Resource = Resource> = keyof (typeof PERMISSIONS)[R] & string;

export const rolesFor = <R extends Resource>(resource: R, action: Action<R>): readonly Role[] =>
  (PERMISSIONS[resource] as Record<string, readonly Role[]>)[action];

/** Whether a role may take an action on a resource; false for any resource or action not in the matrix. */
export function allows(role: Role, resource: string, action: string): boolean {
  const actions = (PERMISSIONS as Record<string, Record<string, readonly Role[]> | undefined>)[resource];
  return Object.prototype.hasOwnProperty.call(actions ?? {}, action) ? actions![action].includes(role) : false;
}

/**
 * What each role's menu lists: its own work, not everything it may read (an agency user may read
 * the rule set and its own agency, but works in its submissions).
 */
export const MENUS: Record<Role, readonly Resource[]> = {
  admin: ['rule-sets', 'versions', 'periods', 'submissions', 'evaluations', 'published-rankings', 'audit', 'agencies', 'users'],
  evaluator: ['rule-sets', 'versions', 'periods', 'submissions', 'evaluations', 'published-rankings', 'agencies'],
  auditor: ['rule-sets', 'versions', 'periods', 'submissions', 'evaluations', 'published-rankings', 'audit', 'agencies', 'users'],
  agency: ['periods', 'submissions', 'evaluations', 'published-rankings'],
};
