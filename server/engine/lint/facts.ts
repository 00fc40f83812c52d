// Facts are what agencies report. Every fact read must be declared (the form is derived from the
// declarations), every declared fact should be read, and each must be read as its type allows.
import type { Finding } from '../finding';
import { about, bi, cohortName, error, factName, nodeName, text, warning, type LintContext } from './context';
import { factRefs } from './walk';

const NUMERIC = new Set(['number', 'integer']);

export function facts(ctx: LintContext): Finding[] {
  const out: Finding[] = [];
  const used = new Set<string>();
  for (const ref of factRefs(ctx)) {
    used.add(ref.fact);
    if (ref.fact === 'agency') {
      if (ref.role !== 'condition')
        out.push(
          error(
            ref.path,
            'fact-type',
            bi('"agency" là thông tin cơ quan, không phải một số', '"agency" is the agency record, not a number'),
          ),
        );
      continue;
    }
    const declared = ctx.facts.get(ref.fact);
    const where = ref.entry ? nodeName(ref.entry.node) : bi('Quy tắc phân khối', 'Cohort rule');
    if (!declared) {
      out.push(
        error(
          ref.path,
          'undeclared-fact',
          about(where, bi(`chỉ tiêu "${ref.fact}" chưa được khai báo trong "facts"`, `fact "${ref.fact}" is not declared in "facts"`)),
        ),
      );
      continue;
    }
    const fact = declared.fact;
    if ((ref.role === 'number' || ref.role === 'manual') && !NUMERIC.has(fact.type))
      out.push(
        error(
          ref.path,
          'fact-type',
          about(
            where,
            bi(
              `phương pháp này cần một số nhưng chỉ tiêu ${factName(ctx, ref.fact).vi} có kiểu ${fact.type}`,
              `this method needs a number but fact ${factName(ctx, ref.fact).en} is of type ${fact.type}`,
            ),
          ),
        ),
      );
    if (ref.role === 'manual' && fact.enteredBy !== 'evaluator')
      out.push(
        warning(
          ref.path,
          'manual-fact-not-evaluator',
          about(
            where,
            bi(
              `điểm chấm thủ công ${factName(ctx, ref.fact).vi} nên do cán bộ thẩm định nhập (enteredBy: "evaluator"), không phải cơ quan tự chấm`,
              `the manual score ${factName(ctx, ref.fact).en} should be entered by the evaluator (enteredBy: "evaluator"), not by the agency`,
            ),
          ),
        ),
      );
    // A fact asked only of some cohorts cannot be relied on by an item of another cohort.
    if (fact.cohorts && ref.entry) {
      const missing = ref.entry.cohorts.filter((c) => !fact.cohorts!.includes(c));
      if (missing.length > 0) {
        const names = missing.map((c) => cohortName(ctx, c));
        out.push(
          warning(
            ref.path,
            'fact-cohort-mismatch',
            about(
              where,
              bi(
                `chỉ tiêu ${factName(ctx, ref.fact).vi} không được hỏi khối ${names.map((x) => x.vi).join(', ')}, nơi mục này áp dụng`,
                `fact ${factName(ctx, ref.fact).en} is not asked of ${names.map((x) => x.en).join(', ')}, where this item applies`,
              ),
            ),
          ),
        );
      }
    }
  }
  ctx.version.facts.forEach((fact, i) => {
    if (!used.has(fact.id))
      out.push(
        warning(
          `/facts/${i}`,
          'unused-fact',
          bi(
            `Chỉ tiêu ${factName(ctx, fact.id).vi} được khai báo nhưng không tiêu chí nào dùng (nếu chỉ thu thập, liệt kê trong một mục notScored)`,
            `Fact ${factName(ctx, fact.id).en} is declared but no criterion reads it (if it is only collected, list it in a notScored item)`,
          ),
        ),
      );
    if (fact.minimum !== undefined && fact.maximum !== undefined && fact.minimum > fact.maximum)
      out.push(
        error(
          `/facts/${i}/maximum`,
          'fact-range',
          bi(
            `Chỉ tiêu ${factName(ctx, fact.id).vi}: giá trị tối đa ${fact.maximum} nhỏ hơn tối thiểu ${fact.minimum}`,
            `Fact ${factName(ctx, fact.id).en}: maximum ${fact.maximum} is below minimum ${fact.minimum}`,
          ),
        ),
      );
    if (fact.atMostFact !== undefined) {
      const bound = ctx.facts.get(fact.atMostFact)?.fact;
      const problem =
        fact.atMostFact === fact.id
          ? bi('không thể bị chặn bởi chính nó', 'cannot be bounded by itself')
          : !bound
            ? bi(`chỉ tiêu "${fact.atMostFact}" chưa được khai báo`, `fact "${fact.atMostFact}" is not declared`)
            : !NUMERIC.has(bound.type) || !NUMERIC.has(fact.type)
              ? bi('chỉ so sánh được hai chỉ tiêu dạng số', 'only two numeric facts can be compared')
              : null;
      if (problem)
        out.push(
          error(
            `/facts/${i}/atMostFact`,
            'fact-bound',
            bi(`Chỉ tiêu ${factName(ctx, fact.id).vi}: ${problem.vi}`, `Fact ${factName(ctx, fact.id).en}: ${problem.en}`),
          ),
        );
    }
    if (fact.options && fact.type !== 'enum')
      out.push(
        warning(
          `/facts/${i}/options`,
          'options-ignored',
          bi(
            `Chỉ tiêu ${factName(ctx, fact.id).vi} có kiểu ${fact.type}: danh sách lựa chọn bị bỏ qua`,
            `Fact ${factName(ctx, fact.id).en} is of type ${fact.type}: its options are ignored`,
          ),
        ),
      );
    if ((fact.minimum !== undefined || fact.maximum !== undefined) && !NUMERIC.has(fact.type))
      out.push(
        warning(
          `/facts/${i}`,
          'range-ignored',
          bi(
            `Chỉ tiêu ${text(fact.label, 'vi')} (${fact.id}) có kiểu ${fact.type}: giới hạn minimum/maximum bị bỏ qua`,
            `Fact ${text(fact.label, 'en')} (${fact.id}) is of type ${fact.type}: minimum/maximum are ignored`,
          ),
        ),
      );
  });
  return out;
}
