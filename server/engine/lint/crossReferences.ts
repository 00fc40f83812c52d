// Names that point elsewhere in the version must point at something: cohorts named by criteria,
// maxima and facts; criteria named by tie-breakers; and what the embedded test cases expect.
import type { Finding } from '../finding';
import { join } from '../pointer';
import { about, bi, cohortName, error, nodeName, warning, type LintContext } from './context';

const unknownCohort = (ctx: LintContext, path: string, id: string): Finding =>
  error(
    path,
    'unknown-cohort',
    bi(
      `Khối "${id}" không tồn tại (các khối: ${[...ctx.cohorts.keys()].join(', ')})`,
      `Unknown cohort "${id}" (cohorts: ${[...ctx.cohorts.keys()].join(', ')})`,
    ),
  );

export function crossReferences(ctx: LintContext): Finding[] {
  const out: Finding[] = [];
  const v = ctx.version;
  for (const entry of ctx.nodes) {
    const { node, path, parent } = entry;
    node.cohorts?.forEach((id, k) => {
      if (!ctx.cohorts.has(id)) out.push(unknownCohort(ctx, `${path}/cohorts/${k}`, id));
    });
    for (const id of Object.keys(node.maxByCohort ?? {}))
      if (!ctx.cohorts.has(id)) out.push(unknownCohort(ctx, join(path, 'maxByCohort', id), id));
    // A node listing a cohort its parent excludes never applies to that cohort.
    if (parent && node.cohorts) {
      const parentCohorts = new Set(ctx.nodes.find((e) => e.node === parent)!.cohorts);
      const outside = node.cohorts.filter((c) => ctx.cohorts.has(c) && !parentCohorts.has(c));
      if (outside.length > 0) {
        const names = outside.map((c) => cohortName(ctx, c));
        out.push(
          warning(
            `${path}/cohorts`,
            'cohort-outside-parent',
            about(
              nodeName(node),
              bi(
                `mục cha ${parent.code} không áp dụng cho khối ${names.map((x) => x.vi).join(', ')}, nên mục này cũng không`,
                `its parent ${parent.code} does not apply to ${names.map((x) => x.en).join(', ')}, so neither does this item`,
              ),
            ),
          ),
        );
      }
    }
  }
  v.facts.forEach((fact, i) =>
    fact.cohorts?.forEach((id, k) => {
      if (!ctx.cohorts.has(id)) out.push(unknownCohort(ctx, `/facts/${i}/cohorts/${k}`, id));
    }),
  );
  v.ranking.tieBreakers?.forEach((tb, i) => {
    if (!ctx.nodesByCode.has(tb.node))
      out.push(
        error(
          `/ranking/tieBreakers/${i}/node`,
          'unknown-node',
          bi(
            `Tiêu chí phụ để xếp hạng "${tb.node}" không có trong cây tiêu chí`,
            `Tie-breaker "${tb.node}" names no node of the criteria tree`,
          ),
        ),
      );
  });
  const bandIds = new Set([...v.bands.levels.map((b) => b.id), ...v.cohorts.flatMap((c) => c.bands?.levels.map((b) => b.id) ?? [])]);
  const resultIds = new Set((v.resultFields ?? []).map((r) => r.id));
  v.tests?.forEach((test, i) => {
    const base = `/tests/${i}`;
    const subject = bi(`Ca kiểm thử "${test.name}"`, `Test case "${test.name}"`);
    const e = test.expect;
    if (typeof e.cohort === 'string' && !ctx.cohorts.has(e.cohort)) out.push(unknownCohort(ctx, `${base}/expect/cohort`, e.cohort));
    if (typeof e.band === 'string' && !bandIds.has(e.band))
      out.push(
        error(
          `${base}/expect/band`,
          'unknown-band',
          about(subject, bi(`xếp loại "${e.band}" không tồn tại`, `band "${e.band}" does not exist`)),
        ),
      );
    for (const code of Object.keys(e.points ?? {}))
      if (!ctx.nodesByCode.has(code))
        out.push(
          error(
            join(base, 'expect', 'points', code),
            'unknown-node',
            about(subject, bi(`mục "${code}" không có trong cây tiêu chí`, `node "${code}" is not in the criteria tree`)),
          ),
        );
    for (const id of Object.keys(e.results ?? {}))
      if (!resultIds.has(id))
        out.push(
          error(
            join(base, 'expect', 'results', id),
            'unknown-result-field',
            about(subject, bi(`kết quả công bố "${id}" không được khai báo`, `result field "${id}" is not declared`)),
          ),
        );
    for (const id of Object.keys(test.facts))
      if (!ctx.facts.has(id))
        out.push(
          warning(
            join(base, 'facts', id),
            'undeclared-fact',
            about(subject, bi(`chỉ tiêu "${id}" chưa được khai báo`, `fact "${id}" is not declared`)),
          ),
        );
  });
  return out;
}
