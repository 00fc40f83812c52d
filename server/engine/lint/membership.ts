// Cohort rules must put each agency in exactly one cohort: none and it is not scored, two and it
// would be ranked twice. Checked against a list of real agencies, with the engine's own rules.
import type { Finding } from '../finding';
import { compileVersion } from '../compile';
import { assignCohort } from '../cohort';
import { bi, cohortName, error, type LintContext } from './context';

export async function membership(ctx: LintContext): Promise<Finding[]> {
  const agencies = ctx.options.agencies ?? [];
  if (agencies.length === 0) return [];
  // The rules may not run at all (e.g. an unknown operator, reported by the conditions rule).
  const unchecked = (err: unknown): Finding[] => [
    error(
      '/cohorts',
      'membership-unchecked',
      bi(
        `Không chạy được quy tắc phân khối nên chưa kiểm tra được các cơ quan: ${(err as Error).message}`,
        `The cohort rules cannot run, so agencies were not checked: ${(err as Error).message}`,
      ),
    ),
  ];
  let compiled: ReturnType<typeof compileVersion>;
  try {
    compiled = compileVersion(ctx.version);
  } catch (err) {
    return unchecked(err);
  }
  const out: Finding[] = [];
  for (const agency of agencies) {
    let matches: string[];
    try {
      ({ matches } = assignCohort(compiled, agency));
    } catch (err) {
      return unchecked(err);
    }
    const who = `${agency.name} (${agency.id}, ${agency.kind})`;
    if (matches.length === 0)
      out.push(
        error(
          '/cohorts',
          'agency-no-cohort',
          bi(
            `Cơ quan ${who} không thuộc khối nào nên sẽ không được chấm điểm`,
            `Agency ${who} falls in no cohort, so it would not be scored`,
          ),
        ),
      );
    else if (matches.length > 1) {
      const names = matches.map((c) => cohortName(ctx, c));
      out.push(
        error(
          '/cohorts',
          'agency-many-cohorts',
          bi(
            `Cơ quan ${who} thuộc nhiều khối: ${names.map((x) => x.vi).join(', ')}`,
            `Agency ${who} falls in several cohorts: ${names.map((x) => x.en).join(', ')}`,
          ),
        ),
      );
    }
  }
  return out;
}
