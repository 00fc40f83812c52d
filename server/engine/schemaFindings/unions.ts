// ajv reports every branch of an anyOf/oneOf that failed; a condition missing its `value` would
// come back as ten errors about `all`, `any` and `not`. So each failed union is re-checked branch by
// branch, and only the branch the document was evidently aiming at is reported (or one sentence
// naming the allowed forms when no branch fits).
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import type { Ajv } from '../ajv';
import { SCHEMA_IDS, SCHEMAS } from '../ajv';
import { bi, type Bilingual } from '../naming';
import { escapeToken, valueAt } from '../pointer';
import { translate, type Located } from './messages';

/** Where each schema object lives ("<$id>#/<pointer>"), so a failed union can be re-checked branch by branch. */
const schemaLocations = new WeakMap<object, string>();
function indexSchema(node: unknown, location: string): void {
  if (node === null || typeof node !== 'object') return;
  schemaLocations.set(node, location);
  for (const [key, child] of Object.entries(node)) indexSchema(child, `${location}/${escapeToken(key)}`);
}
for (const [name, id] of Object.entries(SCHEMA_IDS)) indexSchema(SCHEMAS[name as keyof typeof SCHEMAS], `${id}#`);

/** What a union site accepts, for when no alternative fits. Keyed by the end of the schema location. */
const UNION_SITES: [RegExp, Bilingual][] = [
  [
    /\/\$defs\/Condition$/,
    bi(
      'Điều kiện không hợp lệ: cần một trong {"all": […]}, {"any": […]}, {"not": {…}} hoặc {"fact", "operator", "value"}',
      'Invalid condition: expected one of {"all": […]}, {"any": […]}, {"not": {…}} or {"fact", "operator", "value"}',
    ),
  ],
  [
    /\/\$defs\/Points$/,
    bi(
      'Cần đúng một trong "points" (điểm) hoặc "fraction" (tỷ lệ của điểm tối đa)',
      'Exactly one of "points" or "fraction" (of the maximum) is required',
    ),
  ],
  [
    /\/\$defs\/Quantity$/,
    bi(
      'Giá trị cần đo phải là {"fact"} hoặc {"numerator", "denominator", "percent"?}',
      'The quantity must be {"fact"} or {"numerator", "denominator", "percent"?}',
    ),
  ],
  [/\/denominator$/, bi('Mẫu số phải là mã một chỉ tiêu hoặc một số lớn hơn 0', 'The denominator must be a fact id or a number above 0')],
  [
    /\/FactCondition\/properties\/value$/,
    bi(
      'Giá trị so sánh phải là số, chuỗi, true/false, null, danh sách giá trị hoặc {"fact": …}',
      'The value compared against must be a number, string, true/false, null, a list of values or {"fact": …}',
    ),
  ],
];

const SHAPE_KEYWORDS = new Set(['required', 'additionalProperties', 'type', 'const', 'enum', 'not', 'discriminator', 'false schema']);

/** Validates `value` against one branch of a union, or undefined when the branch cannot be located. */
function checkBranch(ajv: Ajv, location: string, value: unknown): ErrorObject[] | undefined {
  let validate: ValidateFunction | undefined;
  try {
    validate = ajv.getSchema(location);
  } catch {
    return undefined;
  }
  if (!validate) return undefined;
  validate(value);
  return [...(validate.errors ?? [])];
}

/**
 * ajv's errors with each failed union replaced by the errors of its most plausible branch.
 * `base` is the pointer of `data` within the document.
 */
export function focus(ajv: Ajv, errors: ErrorObject[], data: unknown, base: string): Located[] {
  const blocks: Located[][] = [];
  // A union's branch errors are the errors ajv pushed just before the union's own error, so walk
  // backwards and swallow each union's block whole.
  let i = errors.length - 1;
  while (i >= 0) {
    const e = errors[i];
    const at = base + e.instancePath;
    const location = (e.keyword === 'anyOf' || e.keyword === 'oneOf') && e.parentSchema ? schemaLocations.get(e.parentSchema) : undefined;
    if (location && Array.isArray(e.schema)) {
      const value = valueAt(data, e.instancePath);
      const branches = (e.schema as unknown[]).map((_, k) => checkBranch(ajv, `${location}/${e.keyword}/${k}`, value));
      const count = branches.reduce((sum, b) => sum + (b?.length ?? 0), 0);
      const block = errors.slice(i - count, i);
      const consistent =
        branches.every((b) => b !== undefined) && i - count >= 0 && block.every((x) => x.instancePath.startsWith(e.instancePath));
      if (consistent) {
        blocks.push(resolveUnion(ajv, e, branches as ErrorObject[][], value, at, location));
        i -= count + 1;
        continue;
      }
    }
    blocks.push([{ error: e, at }]);
    i--;
  }
  return blocks.reverse().flat();
}

function resolveUnion(ajv: Ajv, e: ErrorObject, branches: ErrorObject[][], value: unknown, at: string, location: string): Located[] {
  const site = UNION_SITES.find(([re]) => re.test(location))?.[1];
  if (e.keyword === 'oneOf' && Array.isArray((e.params as { passingSchemas?: unknown }).passingSchemas)) {
    return [{ error: e, at, ...(site ? { union: site } : {}) }];
  }
  // A branch whose errors are all inside the value got further than one that rejects its shape.
  const scored = branches.map((errs, k) => ({
    k,
    shape: errs.filter((x) => x.instancePath === '' && SHAPE_KEYWORDS.has(x.keyword)).length,
    total: errs.length,
  }));
  const fewestShape = Math.min(...scored.map((s) => s.shape));
  const candidates = scored.filter((s) => s.shape === fewestShape);
  if (candidates.length > 1 && fewestShape > 0) {
    return [{ error: e, at, union: site ?? translate({ error: e, at })!.message }];
  }
  const best = candidates.reduce((a, b) => (b.total < a.total ? b : a));
  return focus(ajv, branches[best.k], value, at);
}
