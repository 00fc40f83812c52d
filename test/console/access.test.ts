// The console shows each role what the server's matrix lets it do: every (role, resource, action)
// of the matrix agrees between can() and the server's allows(), the menus list only a role's own
// work, and record-level rules hide what the services would refuse.
import { describe, expect, it } from 'vitest';
import { can, type Identity } from '../../console/src/providers/access';
import { allows, MENUS, PERMISSIONS, ROLES, type Role } from '../../server/api/roles';

const user = (role: Role, agencyId: string | null = role === 'agency' ? 'so-tttt' : null): Identity => ({
  id: `u-${role}`,
  username: role,
  fullName: role,
  role,
  agencyId,
});

describe('console access', () => {
  it('agrees with the server matrix for every role, resource and action', () => {
    for (const role of ROLES) {
      for (const [resource, actions] of Object.entries(PERMISSIONS)) {
        for (const action of Object.keys(actions)) {
          expect(can(user(role), resource, action), `${role} ${resource}.${action}`).toBe(allows(role, resource, action));
        }
      }
    }
  });

  it('lists in the menu only what is a role’s own work, and only what it may read', () => {
    expect(can(user('agency'), 'submissions', 'list')).toBe(true);
    expect(can(user('agency'), 'versions', 'list')).toBe(false);
    expect(can(user('agency'), 'versions', 'show')).toBe(true);
    expect(can(user('evaluator'), 'users', 'list')).toBe(false);
    expect(can(user('auditor'), 'audit', 'list')).toBe(true);
    for (const role of ROLES) for (const resource of MENUS[role]) expect(allows(role, resource, 'read'), `${role} ${resource}`).toBe(true);
  });

  it('maps the console pages to the matrix: replay and what-if for staff, rankings not for agencies', () => {
    for (const role of ['admin', 'evaluator', 'auditor'] as const) {
      expect(can(user(role), 'replay', 'read')).toBe(true);
      expect(can(user(role), 'what-if', 'run')).toBe(true);
      expect(can(user(role), 'rankings', 'show')).toBe(true);
    }
    expect(can(user('agency'), 'replay', 'read')).toBe(false);
    expect(can(user('agency'), 'rankings', 'show')).toBe(false);
    expect(can(user('admin'), 'versions', 'impact', { status: 'draft' })).toBe(true);
    expect(can(user('auditor'), 'versions', 'impact', { status: 'draft' })).toBe(false);
  });

  it('refuses actions the matrix does not know, and anyone not signed in', () => {
    expect(can(user('admin'), 'versions', 'launch')).toBe(false);
    expect(can(user('admin'), 'nothing', 'read')).toBe(false);
    expect(can(null, 'periods', 'read')).toBe(false);
  });

  it('keeps agency users to their own agency and to drafts', () => {
    const agency = user('agency');
    expect(can(agency, 'submissions', 'edit', { agencyId: 'so-tttt', status: 'draft' })).toBe(true);
    expect(can(agency, 'submissions', 'edit', { agencyId: 'so-tttt', status: 'submitted' })).toBe(false);
    expect(can(agency, 'submissions', 'show', { agencyId: 'so-noi-vu' })).toBe(false);
    expect(can(agency, 'evaluations', 'show', { agencyId: 'so-noi-vu' })).toBe(false);
  });

  it('lets a draft be edited and published, and only a published version be retired', () => {
    const admin = user('admin');
    expect(can(admin, 'versions', 'publish', { status: 'draft' })).toBe(true);
    expect(can(admin, 'versions', 'edit', { status: 'published' })).toBe(false);
    expect(can(admin, 'versions', 'retire', { status: 'published' })).toBe(true);
    expect(can(admin, 'versions', 'retire', { status: 'draft' })).toBe(false);
    expect(can(user('evaluator'), 'versions', 'publish', { status: 'draft' })).toBe(false);
  });
});
