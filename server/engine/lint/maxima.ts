// Maxima must add up: a parent's declared maximum is its children's sum (unless capped), and a
// cohort's declared scale is what its tree can give. Computed per cohort, because children differ
// by cohort; deductions, not-scored and not-applicable items add nothing (tree.ts decides).
import type { Finding } from '../finding';
import { Exact } from '../exact';
import { METHODS } from '../methods';
import { computedMax, cohortComputedMax, declaredMax, isLeaf } from '../tree';
import { about, bi, cohortName, error, nodeName, warning, type LintContext } from './context';

export function parentMaxima(ctx: LintContext): Finding[] {
  const out: Finding[] = [];
  for (const entry of ctx.nodes) {
    const { node, path } = entry;
    if (isLeaf(node) || node.capped) continue;
    // Cohorts with the same mismatch on the same field make one finding.
    const groups = new Map<string, { path: string; sum: string; declared: string; cohorts: string[] }>();
    for (const cohort of entry.cohorts) {
      const declared = declaredMax(node, cohort);
      if (declared === undefined) continue;
      const sum = (node.children ?? []).reduce((acc, child) => acc.plus(computedMax(child, cohort)), Exact.ZERO);
      if (sum.eq(declared)) continue;
      const field = node.maxByCohort?.[cohort] !== undefined ? `${path}/maxByCohort/${cohort}` : `${path}/max`;
      const key = `${field}|${sum}|${declared}`;
      const group = groups.get(key) ?? { path: field, sum: sum.toString(), declared: declared.toString(), cohorts: [] as string[] };
      group.cohorts.push(cohort);
      groups.set(key, group);
    }
    for (const g of groups.values()) {
      const names = g.cohorts.map((c) => cohortName(ctx, c));
      out.push(
        error(
          g.path,
          'parent-max-mismatch',
          about(
            nodeName(node),
            bi(
              `các mục con cộng lại ${g.sum} điểm, khác điểm tối đa khai báo ${g.declared} (${names.map((x) => x.vi).join(', ')}); sửa điểm tối đa, hoặc đặt "capped" nếu cố ý giới hạn`,
              `its children add up to ${g.sum}, not the declared maximum ${g.declared} (${names.map((x) => x.en).join(', ')}); fix the maximum, or set "capped" if the cap is intended`,
            ),
          ),
        ),
      );
    }
  }
  return out;
}

export function cohortMaxima(ctx: LintContext): Finding[] {
  const out: Finding[] = [];
  ctx.version.cohorts.forEach((cohort, i) => {
    const computed = cohortComputedMax(ctx.version, cohort.id);
    if (computed.eq(Exact.of(cohort.maxScore))) return;
    const name = cohortName(ctx, cohort.id);
    out.push(
      error(
        `/cohorts/${i}/maxScore`,
        'cohort-max-mismatch',
        bi(
          `Khối ${name.vi}: các tiêu chí áp dụng cộng lại ${computed} điểm, khác điểm tối đa khai báo ${cohort.maxScore}`,
          `Cohort ${name.en}: its criteria add up to ${computed}, not the declared maximum ${cohort.maxScore}`,
        ),
      ),
    );
  });
  return out;
}

/** Items that give no points should not declare any: the maximum would mislead a reader. */
export function zeroMaxima(ctx: LintContext): Finding[] {
  const out: Finding[] = [];
  for (const { node, path } of ctx.nodes) {
    const method = node.scoring?.method;
    if (method && !(METHODS[method].addsToMax as (s: typeof node.scoring) => boolean)(node.scoring) && (node.max ?? 0) > 0)
      out.push(
        warning(
          `${path}/max`,
          'zero-max-expected',
          about(
            nodeName(node),
            bi(
              `phương pháp ${method} không cộng điểm nên điểm tối đa ${node.max} bị bỏ qua; đặt 0`,
              `method ${method} adds no points, so the maximum ${node.max} is ignored; set it to 0`,
            ),
          ),
        ),
      );
  }
  return out;
}
