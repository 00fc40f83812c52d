// What the audit log records: the actions and the resources an entry can name. One list for the
// services that write entries (the type refuses any other word) and the console that offers them
// as filters and reads them in words.
export const AUDIT_ACTIONS = [
  'login',
  'logout',
  'create',
  'update',
  'delete',
  'disable',
  'publish',
  'correct',
  'retire',
  'end',
  'transition',
  'submit',
  'add-evidence',
  'withdraw-evidence',
  'review-evidence',
  'appraise',
  'reply',
  'resolve-reply',
  'evaluate',
  'import',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_RESOURCES = [
  'sessions',
  'users',
  'agencies',
  'rule-sets',
  'versions',
  'periods',
  'submissions',
  'evaluations',
  'published-rankings',
] as const;
export type AuditResource = (typeof AUDIT_RESOURCES)[number];
