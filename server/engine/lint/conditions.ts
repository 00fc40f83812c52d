// Conditions run in json-rules-engine, which only fails at evaluation time (or silently answers
// false) when an operator is unknown or does not suit the fact. So the operator must exist, and the
// fact and the value compared must be of kinds the operator can compare.
import type { Finding } from '../finding';
import { BASE_OPERATORS, DATE_OPERATORS, DECORATORS, isoDay, operatorFor } from '../conditions/operators';
import type { FactCondition, Option } from '../schemaTypes';
import { about, bi, cohortName, error, factName, nodeName, warning, type Bilingual, type LintContext } from './context';
import { conditionSites, leaves } from './walk';

/** The operators conditions compile with, decorators included ("not:equal", "everyFact:greaterThan"). */
const isKnownOperator = (name: string): boolean => operatorFor(name) !== null;

/** Agency fields every agency record has (schemas/agency.schema.json). */
const AGENCY_FIELDS = new Set(['id', 'name', 'nameEn', 'kind']);

type Kind = 'number' | 'boolean' | 'enum' | 'text' | 'date';
interface Subject {
  kind: Kind;
  options?: readonly Option[];
  name: Bilingual;
}

const KIND_WORDS: Record<Kind, Bilingual> = {
  number: bi('số', 'number'),
  boolean: bi('đúng/sai', 'true/false'),
  enum: bi('lựa chọn', 'choice'),
  text: bi('văn bản', 'text'),
  date: bi('ngày', 'date'),
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a JSON value can be compared with a fact of this kind; a message when not. */
function valueProblem(subject: Subject, value: unknown): Bilingual | null {
  if (value === null) return null;
  const shown = JSON.stringify(value);
  const mismatch = () =>
    bi(
      `${subject.name.vi} có kiểu ${KIND_WORDS[subject.kind].vi} nhưng giá trị so sánh là ${shown}`,
      `${subject.name.en} is a ${KIND_WORDS[subject.kind].en} but is compared with ${shown}`,
    );
  switch (subject.kind) {
    case 'number':
      return typeof value === 'number' ? null : mismatch();
    case 'boolean':
      return typeof value === 'boolean' ? null : mismatch();
    case 'text':
      return typeof value === 'string' ? null : mismatch();
    case 'date':
      return typeof value === 'string' && DATE.test(value) ? null : mismatch();
    case 'enum': {
      if (typeof value !== 'string') return mismatch();
      if (subject.options && !subject.options.some((o) => o.value === value)) {
        const allowed = subject.options.map((o) => o.value).join(', ');
        return bi(
          `"${value}" không phải lựa chọn của ${subject.name.vi} (các lựa chọn: ${allowed})`,
          `"${value}" is not an option of ${subject.name.en} (options: ${allowed})`,
        );
      }
      return null;
    }
  }
}

export function conditions(ctx: LintContext): Finding[] {
  const out: Finding[] = [];
  const attributes = new Map((ctx.version.agencyAttributes ?? []).map((a) => [a.id, a]));
  for (const site of conditionSites(ctx)) {
    const where = site.entry
      ? nodeName(site.entry.node)
      : bi(`Quy tắc của khối ${cohortName(ctx, site.cohort!).vi}`, `Rule of cohort ${cohortName(ctx, site.cohort!).en}`);
    for (const { leaf, path } of leaves(site.condition, site.path)) {
      if (!isKnownOperator(leaf.operator)) {
        out.push(
          error(
            `${path}/operator`,
            'unknown-operator',
            about(
              where,
              bi(
                `toán tử "${leaf.operator}" không tồn tại; dùng một trong: ${[...BASE_OPERATORS, ...DATE_OPERATORS].join(', ')} (có thể thêm tiền tố ${DECORATORS.map((d) => `${d}:`).join(', ')})`,
                `unknown operator "${leaf.operator}"; use one of: ${[...BASE_OPERATORS, ...DATE_OPERATORS].join(', ')} (optionally prefixed by ${DECORATORS.map((d) => `${d}:`).join(', ')})`,
              ),
            ),
          ),
        );
        continue;
      }
      const parts = leaf.operator.split(':');
      const base = parts[parts.length - 1];
      const value = leaf.value;
      const report = (code: string, message: Bilingual, at = `${path}/value`) => out.push(error(at, code, about(where, message)));
      const periodDate = value !== null && typeof value === 'object' && !Array.isArray(value) && 'periodDate' in value;
      // A date of the assessed year means something only to the date operators (other operators would compare text).
      if (periodDate && !DATE_OPERATORS.includes(base)) {
        report(
          'period-date-operator',
          bi(
            `ngày trong năm đánh giá chỉ so sánh được bằng toán tử ngày (${DATE_OPERATORS.join(', ')}), không phải "${leaf.operator}"`,
            `a date of the assessed year compares only with a date operator (${DATE_OPERATORS.join(', ')}), not "${leaf.operator}"`,
          ),
          `${path}/operator`,
        );
        continue;
      }
      const subject = subjectOf(ctx, leaf, path, attributes, where, out);
      if (!subject) continue;
      if (DATE_OPERATORS.includes(base)) {
        if (subject.kind !== 'date')
          report(
            'operator-fact-type',
            bi(
              `toán tử ${base} so sánh ngày, nhưng ${subject.name.vi} có kiểu ${KIND_WORDS[subject.kind].vi}`,
              `operator ${base} compares dates, but ${subject.name.en} is a ${KIND_WORDS[subject.kind].en}`,
            ),
            `${path}/operator`,
          );
        else if (!periodDate && (value === null || typeof value !== 'object') && isoDay(value) === null)
          report(
            'condition-value-type',
            bi(`${JSON.stringify(value)} không phải một ngày YYYY-MM-DD`, `${JSON.stringify(value)} is not a date YYYY-MM-DD`),
          );
        else if (periodDate && isoDay(`2024-${(value as { periodDate: string }).periodDate}`) === null)
          report(
            'condition-value-type',
            bi(
              `"${(value as { periodDate: string }).periodDate}" không phải một ngày trong năm`,
              `"${(value as { periodDate: string }).periodDate}" is not a day of the year`,
            ),
            `${path}/value/periodDate`,
          );
        continue;
      }
      // Only plain operators (optionally negated) are type-checked; other decorators work on lists.
      if (parts.slice(0, -1).some((d) => d !== 'not')) continue;
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) continue; // compared with another fact
      switch (base) {
        case 'equal':
        case 'notEqual': {
          if (Array.isArray(value)) {
            report(
              'condition-value-type',
              bi(
                `toán tử ${base} so sánh với một giá trị, không phải danh sách; dùng "in"/"notIn"`,
                `operator ${base} compares with one value, not a list; use "in"/"notIn"`,
              ),
            );
            break;
          }
          const problem = valueProblem(subject, value);
          if (problem) report(subject.kind === 'enum' && typeof value === 'string' ? 'unknown-option' : 'condition-value-type', problem);
          break;
        }
        case 'in':
        case 'notIn': {
          if (!Array.isArray(value)) {
            report(
              'condition-value-type',
              bi(`toán tử ${base} cần một danh sách giá trị […]`, `operator ${base} needs a list of values […]`),
            );
            break;
          }
          value.forEach((item, k) => {
            const problem = valueProblem(subject, item);
            if (problem)
              report(
                subject.kind === 'enum' && typeof item === 'string' ? 'unknown-option' : 'condition-value-type',
                problem,
                `${path}/value/${k}`,
              );
          });
          break;
        }
        case 'lessThan':
        case 'lessThanInclusive':
        case 'greaterThan':
        case 'greaterThanInclusive': {
          if (subject.kind === 'date') {
            out.push(
              warning(
                `${path}/operator`,
                'date-compared-as-text',
                about(
                  where,
                  bi(
                    `${subject.name.vi} là ngày: toán tử ${base} so sánh chữ; dùng ${DATE_OPERATORS.slice(0, 4).join(', ')}`,
                    `${subject.name.en} is a date: operator ${base} compares text; use ${DATE_OPERATORS.slice(0, 4).join(', ')}`,
                  ),
                ),
              ),
            );
            break;
          }
          if (subject.kind !== 'number') {
            report(
              'operator-fact-type',
              bi(
                `toán tử ${base} so sánh số hoặc ngày, nhưng ${subject.name.vi} có kiểu ${KIND_WORDS[subject.kind].vi}`,
                `operator ${base} compares numbers or dates, but ${subject.name.en} is a ${KIND_WORDS[subject.kind].en}`,
              ),
              `${path}/operator`,
            );
            break;
          }
          const problem = value === null ? bi('không so sánh lớn/nhỏ với null', 'cannot compare with null') : valueProblem(subject, value);
          if (problem) report('condition-value-type', problem);
          break;
        }
        case 'contains':
        case 'doesNotContain':
          report(
            'operator-fact-type',
            bi(
              `toán tử ${base} cần một chỉ tiêu dạng danh sách, nhưng ${subject.name.vi} có kiểu ${KIND_WORDS[subject.kind].vi}`,
              `operator ${base} needs a list-valued fact, but ${subject.name.en} is a ${KIND_WORDS[subject.kind].en}`,
            ),
            `${path}/operator`,
          );
          break;
        default:
          break;
      }
    }
  }
  return out;
}

/** What a leaf compares: a declared fact or an agency attribute; null when it cannot be typed. */
function subjectOf(
  ctx: LintContext,
  leaf: FactCondition,
  path: string,
  attributes: Map<string, { type: string; options?: Option[]; label: { vi: string; en?: string } }>,
  where: Bilingual,
  out: Finding[],
): Subject | null {
  if (leaf.fact === 'agency') {
    if (!leaf.path) {
      out.push(
        warning(
          `${path}/fact`,
          'agency-without-path',
          about(
            where,
            bi(
              'điều kiện trên "agency" cần "path" chỉ thuộc tính, vd. "$.kind"',
              'a condition on "agency" needs a "path" naming the attribute, e.g. "$.kind"',
            ),
          ),
        ),
      );
      return null;
    }
    const attribute = leaf.path.slice(2);
    if (AGENCY_FIELDS.has(attribute))
      return { kind: 'text', name: bi(`thuộc tính cơ quan "${attribute}"`, `agency attribute "${attribute}"`) };
    const declared = attributes.get(attribute);
    if (!declared) {
      const known = [...AGENCY_FIELDS, ...attributes.keys()].join(', ');
      out.push(
        warning(
          `${path}/path`,
          'unknown-agency-attribute',
          about(
            where,
            bi(
              `thuộc tính cơ quan "${attribute}" chưa được khai báo trong "agencyAttributes" (có: ${known})`,
              `agency attribute "${attribute}" is not declared in "agencyAttributes" (known: ${known})`,
            ),
          ),
        ),
      );
      return null;
    }
    return {
      kind: declared.type as Kind,
      options: declared.options,
      name: bi(
        `thuộc tính cơ quan "${declared.label.vi}" (${attribute})`,
        `agency attribute "${declared.label.en ?? declared.label.vi}" (${attribute})`,
      ),
    };
  }
  const fact = ctx.facts.get(leaf.fact)?.fact;
  if (!fact) return null; // reported by the facts rule
  if (leaf.path) {
    out.push(
      warning(
        `${path}/path`,
        'path-on-value-fact',
        about(
          where,
          bi(
            `chỉ tiêu ${factName(ctx, fact.id).vi} là một giá trị đơn, "path" không dùng được`,
            `fact ${factName(ctx, fact.id).en} is a single value; "path" does not apply`,
          ),
        ),
      ),
    );
    return null;
  }
  const kind: Kind = fact.type === 'integer' ? 'number' : fact.type;
  return { kind, options: fact.options, name: bi(`chỉ tiêu ${factName(ctx, fact.id).vi}`, `fact ${factName(ctx, fact.id).en}`) };
}
