const ROLES = ['admin', 'evaluator', 'auditor', 'agency'] as const;
export const roleChoices = ROLES.map((id) => ({ id, name: `chiso.role.${id}` }));
