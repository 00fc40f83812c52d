// Codes and ids are how results, submissions and the console refer to things: each must be unique.
import type { Finding } from '../finding';
import { bi, error, warning, type Bilingual, type LintContext } from './context';

/** Reports every repeat of a key after its first occurrence. */
function repeats<T>(
  items: readonly T[],
  key: (item: T) => string,
  path: (index: number) => string,
  report: (key: string, path: string, firstPath: string) => Finding,
): Finding[] {
  const first = new Map<string, number>();
  const out: Finding[] = [];
  items.forEach((item, i) => {
    const k = key(item);
    const seen = first.get(k);
    if (seen === undefined) first.set(k, i);
    else out.push(report(k, path(i), path(seen)));
  });
  return out;
}

const duplicate = (what: Bilingual, key: string, firstPath: string): Bilingual =>
  bi(`${what.vi} "${key}" bị trùng (đã có tại ${firstPath})`, `Duplicate ${what.en} "${key}" (first at ${firstPath})`);

export function uniqueness(ctx: LintContext): Finding[] {
  const v = ctx.version;
  const out: Finding[] = [];
  out.push(
    ...repeats(
      ctx.nodes,
      (e) => e.node.code,
      (i) => `${ctx.nodes[i].path}/code`,
      (k, p, f) => error(p, 'duplicate-code', duplicate(bi('Mã mục', 'node code'), k, f)),
    ),
  );
  // Ids default to codes, so an id may not repeat another node's id or code.
  const explicit = ctx.nodes.filter((e) => e.node.id !== undefined && e.node.id !== e.node.code);
  const codes = new Map(ctx.nodes.map((e) => [e.node.code, e.path]));
  out.push(
    ...repeats(
      explicit,
      (e) => e.node.id!,
      (i) => `${explicit[i].path}/id`,
      (k, p, f) => error(p, 'duplicate-node-id', duplicate(bi('Mã định danh mục', 'node id'), k, f)),
    ),
  );
  for (const e of explicit)
    if (codes.has(e.node.id!))
      out.push(
        error(
          `${e.path}/id`,
          'duplicate-node-id',
          duplicate(bi('Mã định danh mục', 'node id'), e.node.id!, `${codes.get(e.node.id!)}/code`),
        ),
      );
  out.push(
    ...repeats(
      v.facts,
      (f) => f.id,
      (i) => `/facts/${i}/id`,
      (k, p, f) => error(p, 'duplicate-fact', duplicate(bi('Mã chỉ tiêu', 'fact id'), k, f)),
    ),
  );
  v.facts.forEach((fact, i) => {
    if (fact.id === 'agency')
      out.push(
        error(
          `/facts/${i}/id`,
          'reserved-fact',
          bi('Mã chỉ tiêu "agency" dành cho thông tin cơ quan', 'The fact id "agency" is reserved for the agency'),
        ),
      );
    if (fact.options)
      out.push(
        ...repeats(
          fact.options,
          (o) => o.value,
          (k) => `/facts/${i}/options/${k}/value`,
          (k, p, f) => error(p, 'duplicate-option', duplicate(bi('Lựa chọn', 'option'), k, f)),
        ),
      );
  });
  out.push(
    ...repeats(
      v.cohorts,
      (c) => c.id,
      (i) => `/cohorts/${i}/id`,
      (k, p, f) => error(p, 'duplicate-cohort', duplicate(bi('Mã khối', 'cohort id'), k, f)),
    ),
  );
  const bandRepeats = (levels: readonly { id: string }[], base: string) =>
    repeats(
      levels,
      (b) => b.id,
      (i) => `${base}/levels/${i}/id`,
      (k, p, f) => error(p, 'duplicate-band', duplicate(bi('Mã xếp loại', 'band id'), k, f)),
    );
  out.push(...bandRepeats(v.bands.levels, '/bands'));
  v.cohorts.forEach((c, i) => c.bands && out.push(...bandRepeats(c.bands.levels, `/cohorts/${i}/bands`)));
  out.push(
    ...repeats(
      v.agencyAttributes ?? [],
      (a) => a.id,
      (i) => `/agencyAttributes/${i}/id`,
      (k, p, f) => error(p, 'duplicate-attribute', duplicate(bi('Thuộc tính cơ quan', 'agency attribute'), k, f)),
    ),
  );
  out.push(
    ...repeats(
      v.resultFields ?? [],
      (r) => r.id,
      (i) => `/resultFields/${i}/id`,
      (k, p, f) => error(p, 'duplicate-result-field', duplicate(bi('Mã kết quả công bố', 'result field'), k, f)),
    ),
  );
  out.push(
    ...repeats(
      v.tests ?? [],
      (t) => t.name,
      (i) => `/tests/${i}/name`,
      (k, p, f) => warning(p, 'duplicate-test', duplicate(bi('Tên ca kiểm thử', 'test name'), k, f)),
    ),
  );
  return out;
}
