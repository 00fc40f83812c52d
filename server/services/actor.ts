// Who asks: every service that reads or writes an agency's data is told the caller, and agency
// users reach only their own agency's records.
import type { Role } from '../store/users';
import { Problem } from '../problems/problem';

export interface Actor {
  username: string;
  role: Role;
  /** The agency an agency user belongs to; null for the other roles. */
  agencyId: string | null;
}

const otherAgency = () =>
  new Problem('other-agency', {
    vi: 'Tài khoản cơ quan chỉ truy cập được dữ liệu của cơ quan mình.',
    en: "An agency account can only access its own agency's data.",
  });

/** Agency users may touch only their own agency's records; other roles pass. */
export function assertAgencyAccess(actor: Actor, agencyId: string): void {
  if (actor.role === 'agency' && actor.agencyId !== agencyId) throw otherAgency();
}

/** An agency user's list filter is pinned to its own agency (asking for another is refused). */
export function scopedAgency(actor: Actor, requested: string | undefined): string | undefined {
  if (actor.role !== 'agency') return requested;
  if (requested !== undefined && requested !== actor.agencyId) throw otherAgency();
  return actor.agencyId ?? '';
}

/** A member of staff acting outside a request: the seed, scripts, the CLI. */
export const staffActor = (username: string, role: Exclude<Role, 'agency'> = 'evaluator'): Actor => ({ username, role, agencyId: null });
