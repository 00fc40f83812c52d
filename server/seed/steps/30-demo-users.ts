// Demo accounts, one per role, with random passwords printed once by `chiso serve`.
// The agency account belongs to the Department of Information and Communications (Sở TT&TT).
import { generatePassword } from '../../services/passwords';
import { createUser, type Role } from '../../services/users';
import type { SeedStep } from '../index';

const DEMO_AGENCY = 'so-tttt';

const USERS: { username: string; role: Role; fullName: string; agencyId?: string }[] = [
  { username: 'admin', role: 'admin', fullName: 'Quản trị bộ chỉ số' },
  { username: 'evaluator', role: 'evaluator', fullName: 'Cán bộ thẩm định Sở TT&TT' },
  { username: 'auditor', role: 'auditor', fullName: 'Thanh tra tỉnh' },
  { username: 'so-tttt', role: 'agency', fullName: 'Sở Thông tin và Truyền thông', agencyId: DEMO_AGENCY },
];

export const step: SeedStep = {
  name: 'demo users',
  demoOnly: true,
  async run(ctx) {
    const agency = await ctx.tx.query('SELECT 1 FROM agencies WHERE id = $1', [DEMO_AGENCY]);
    for (const u of USERS) {
      if (u.agencyId && !agency.rows.length) {
        ctx.logger.warn({ agency: DEMO_AGENCY }, 'demo agency not found; no agency account created');
        continue;
      }
      const password = ctx.demoPassword ?? generatePassword();
      await createUser(ctx.tx, { ...u, password }, ctx.actor);
      ctx.credentials.push({ username: u.username, role: u.role, password, agencyId: u.agencyId ?? null });
    }
  },
};
