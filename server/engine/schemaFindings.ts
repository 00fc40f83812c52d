// Turns ajv errors into findings a person can act on: a JSON Pointer to the field and one sentence
// in Vietnamese and English. ajv reports every branch of an anyOf/oneOf that failed; a condition
// missing its `value` would come back as ten errors about `all`, `any` and `not`. So each failed
// union is re-checked branch by branch, and only the branch the document was evidently aiming at
// is reported (or one sentence naming the allowed forms when no branch fits).
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import type { Ajv } from './ajv';
import { SCHEMA_IDS, SCHEMAS } from './ajv';
import type { Finding } from './finding';
import { escapeToken, join, valueAt } from './pointer';

type Bilingual = Finding['message'];
const bi = (vi: string, en: string): Bilingual => ({ vi, en });

/** Where each schema object lives ("<$id>#/<pointer>"), so a failed union can be re-checked branch by branch. */
const schemaLocations = new WeakMap<object, string>();
function indexSchema(node: unknown, location: string): void {
  if (node === null || typeof node !== 'object') return;
  schemaLocations.set(node, location);
  for (const [key, child] of Object.entries(node)) indexSchema(child, `${location}/${escapeToken(key)}`);
}
for (const [name, id] of Object.entries(SCHEMA_IDS)) indexSchema(SCHEMAS[name as keyof typeof SCHEMAS], `${id}#`);

const rulesetDefs = (SCHEMAS.ruleset as { $defs: Record<string, any> }).$defs;
const agencyProperties = (SCHEMAS.agency as { properties: Record<string, any> }).properties;

/** Known patterns, described in words rather than as a regular expression. */
const PATTERNS = new Map<string, Bilingual>([
  [
    rulesetDefs.Id.pattern,
    bi(
      'mã định danh gồm chữ thường không dấu, số, "-" hoặc "_", bắt đầu bằng chữ cái',
      'an identifier of lowercase letters, digits, "-" or "_", starting with a letter',
    ),
  ],
  [
    rulesetDefs.FactId.pattern,
    bi(
      'mã chỉ tiêu gồm chữ thường không dấu, số hoặc "_", bắt đầu bằng chữ cái',
      'a fact id of lowercase letters, digits or "_", starting with a letter',
    ),
  ],
  [rulesetDefs.Code.pattern, bi('mã mục gồm chữ, số, "." hoặc "-" (vd. 2.1.3)', 'a code of letters, digits, "." or "-" (e.g. 2.1.3)')],
  [rulesetDefs.Band.properties.color.pattern, bi('mã màu dạng #RRGGBB', 'a colour such as #RRGGBB')],
  [
    agencyProperties.id.pattern,
    bi(
      'mã cơ quan gồm chữ thường không dấu, số, "-" hoặc "_" (vd. so-noi-vu)',
      'an agency id of lowercase letters, digits, "-" or "_" (e.g. so-noi-vu)',
    ),
  ],
  [
    agencyProperties.kind.pattern,
    bi(
      'loại cơ quan gồm chữ thường không dấu (vd. department, district)',
      'an agency kind in lowercase letters (e.g. department, district)',
    ),
  ],
  [rulesetDefs.FactCondition.properties.path.pattern, bi('đường dẫn dạng $.tenThuocTinh', 'a path such as $.attributeName')],
]);

const TYPES: Record<string, Bilingual> = {
  string: bi('chuỗi ký tự', 'a string'),
  number: bi('số', 'a number'),
  integer: bi('số nguyên', 'an integer'),
  boolean: bi('đúng/sai (true/false)', 'true or false'),
  object: bi('đối tượng {…}', 'an object {…}'),
  array: bi('danh sách […]', 'an array […]'),
  null: bi('null', 'null'),
};

const FORMATS: Record<string, Bilingual> = {
  date: bi('ngày dạng YYYY-MM-DD', 'a date as YYYY-MM-DD'),
  'date-time': bi('thời điểm dạng ISO 8601', 'an ISO 8601 date-time'),
  uri: bi('địa chỉ URL đầy đủ (vd. https://…)', 'a full URL (e.g. https://…)'),
  email: bi('địa chỉ email', 'an email address'),
};

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

const show = (v: unknown): string => {
  if (v === undefined) return '(trống)';
  const text = JSON.stringify(v);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};

/** Values a discriminated oneOf accepts for its tag, e.g. the scoring methods. */
function tagValues(parentSchema: any, tag: string): string[] {
  const out: string[] = [];
  for (const branch of parentSchema?.oneOf ?? []) {
    const ref: string | undefined = branch?.$ref;
    const target = ref?.startsWith('#/$defs/') ? rulesetDefs[ref.slice('#/$defs/'.length)] : branch;
    const value = target?.properties?.[tag]?.const;
    if (typeof value === 'string') out.push(value);
  }
  return out;
}

interface Located {
  error: ErrorObject;
  /** Absolute pointer of the instance the error is about. */
  at: string;
  /** Set when a union had no fitting branch: the sentence that replaces its branch errors. */
  union?: Bilingual;
}

/** Translates one ajv error; null when another error already says it. */
function translate({ error: e, at, union }: Located): { path: string; message: Bilingual } | null {
  const p = e.params as Record<string, any>;
  if (union) return { path: at, message: union };
  switch (e.keyword) {
    case 'required':
      return {
        path: join(at, p.missingProperty),
        message: bi(`Thiếu trường bắt buộc "${p.missingProperty}"`, `Missing required property "${p.missingProperty}"`),
      };
    case 'additionalProperties':
      return {
        path: join(at, p.additionalProperty),
        message: bi(`Trường "${p.additionalProperty}" không được phép ở đây`, `Property "${p.additionalProperty}" is not allowed here`),
      };
    case 'type': {
      const types = String(p.type).split(',');
      const vi = types.map((t) => TYPES[t]?.vi ?? t).join(' hoặc ');
      const en = types.map((t) => TYPES[t]?.en ?? t).join(' or ');
      return { path: at, message: bi(`Phải là ${vi} (hiện là ${show(e.data)})`, `Must be ${en} (got ${show(e.data)})`) };
    }
    case 'enum': {
      const values = p.allowedValues as unknown[];
      const allowed =
        values
          .slice(0, 12)
          .map((v) => show(v))
          .join(', ') + (values.length > 12 ? ', …' : '');
      return {
        path: at,
        message: bi(
          `Giá trị ${show(e.data)} không hợp lệ; phải là một trong: ${allowed}`,
          `Invalid value ${show(e.data)}; must be one of: ${allowed}`,
        ),
      };
    }
    case 'const':
      return { path: at, message: bi(`Phải bằng ${show(p.allowedValue)}`, `Must be ${show(p.allowedValue)}`) };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const op = { minimum: '≥', maximum: '≤', exclusiveMinimum: '>', exclusiveMaximum: '<' }[e.keyword];
      return { path: at, message: bi(`Phải ${op} ${p.limit} (hiện là ${show(e.data)})`, `Must be ${op} ${p.limit} (got ${show(e.data)})`) };
    }
    case 'multipleOf':
      return { path: at, message: bi(`Phải là bội số của ${p.multipleOf}`, `Must be a multiple of ${p.multipleOf}`) };
    case 'pattern': {
      const known = PATTERNS.get(p.pattern);
      return known
        ? { path: at, message: bi(`${show(e.data)} không hợp lệ: cần ${known.vi}`, `${show(e.data)} is invalid: expected ${known.en}`) }
        : { path: at, message: bi(`${show(e.data)} không khớp mẫu ${p.pattern}`, `${show(e.data)} does not match ${p.pattern}`) };
    }
    case 'format': {
      const f = FORMATS[p.format] ?? bi(`định dạng ${p.format}`, `format ${p.format}`);
      return { path: at, message: bi(`${show(e.data)} không hợp lệ: cần ${f.vi}`, `${show(e.data)} is invalid: expected ${f.en}`) };
    }
    case 'minItems':
      return { path: at, message: bi(`Cần ít nhất ${p.limit} phần tử`, `Must have at least ${p.limit} item(s)`) };
    case 'maxItems':
      return { path: at, message: bi(`Tối đa ${p.limit} phần tử`, `Must have at most ${p.limit} item(s)`) };
    case 'uniqueItems':
      return { path: at, message: bi(`Phần tử ${p.j} và ${p.i} trùng nhau`, `Items ${p.j} and ${p.i} are identical`) };
    case 'minLength':
      return p.limit === 1
        ? { path: at, message: bi('Không được để trống', 'Must not be empty') }
        : { path: at, message: bi(`Cần ít nhất ${p.limit} ký tự`, `Must have at least ${p.limit} characters`) };
    case 'maxLength':
      return { path: at, message: bi(`Tối đa ${p.limit} ký tự`, `Must have at most ${p.limit} characters`) };
    case 'propertyNames':
      // The error of the name itself (carrying `propertyName`) says it.
      return null;
    case 'if':
      // The failing `then`/`else` keyword reports its own error.
      return null;
    case 'not': {
      const forbidden: unknown = (e.schema as { required?: unknown })?.required;
      if (Array.isArray(forbidden) && forbidden.length === 1) {
        const name = String(forbidden[0]);
        return { path: join(at, name), message: bi(`Không được có trường "${name}" ở đây`, `Property "${name}" is not allowed here`) };
      }
      return { path: at, message: bi('Giá trị có dạng bị cấm ở đây', 'This form is not allowed here') };
    }
    case 'discriminator': {
      if (p.error === 'tag') {
        // A missing tag is already reported by `required`.
        if (p.tagValue === undefined) return null;
        return { path: join(at, p.tag), message: bi(`"${p.tag}" phải là chuỗi ký tự`, `"${p.tag}" must be a string`) };
      }
      const allowed = tagValues(e.parentSchema, p.tag).join(', ');
      if (p.tag === 'method')
        return {
          path: join(at, p.tag),
          message: bi(
            `Phương pháp chấm điểm không xác định ${show(p.tagValue)}; dùng một trong: ${allowed}`,
            `Unknown scoring method ${show(p.tagValue)}; use one of: ${allowed}`,
          ),
        };
      return {
        path: join(at, p.tag),
        message: bi(
          `Giá trị ${show(p.tagValue)} không hợp lệ; dùng một trong: ${allowed}`,
          `Invalid ${p.tag} ${show(p.tagValue)}; use one of: ${allowed}`,
        ),
      };
    }
    case 'anyOf':
    case 'oneOf':
      return Array.isArray(p.passingSchemas)
        ? { path: at, message: bi('Giá trị khớp nhiều hơn một dạng cho phép', 'The value matches more than one allowed form') }
        : { path: at, message: bi('Giá trị không khớp dạng nào được phép', 'The value matches none of the allowed forms') };
    case 'false schema':
      return { path: at, message: bi('Không được phép ở đây', 'Not allowed here') };
    case 'errorMessage':
      return { path: at, message: bi(e.message ?? '', e.message ?? '') };
    default:
      return { path: at, message: bi(`Giá trị không hợp lệ (${e.message ?? e.keyword})`, `Invalid value (${e.message ?? e.keyword})`) };
  }
}

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
function focus(ajv: Ajv, errors: ErrorObject[], data: unknown, base: string): Located[] {
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

/** Findings for ajv's errors on `data` (the whole document the validator was run on). */
export function schemaFindings(ajv: Ajv, errors: readonly ErrorObject[] | null | undefined, data: unknown): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const located of focus(ajv, [...(errors ?? [])], data, '')) {
    const propertyName = (located.error as ErrorObject & { propertyName?: string }).propertyName;
    let t = translate(located);
    if (t && propertyName !== undefined && !located.union) {
      // An invalid key: point at the key itself. A pattern message already quotes the name.
      const named = located.error.keyword === 'pattern';
      t = {
        path: join(located.at, propertyName),
        message: named
          ? t.message
          : bi(`Tên "${propertyName}" không hợp lệ: ${t.message.vi}`, `Invalid name "${propertyName}": ${t.message.en}`),
      };
    }
    if (!t) continue;
    const key = `${t.path}\u0000${t.message.en}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push({ severity: 'error', path: t.path, code: 'schema', message: t.message });
  }
  return findings;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Keys that could reach an object's prototype when a document is merged or indexed carelessly.
 * JSON.parse keeps "__proto__" as an own key, so they are looked for anywhere in the document.
 */
export function forbiddenKeys(value: unknown, base = ''): Finding[] {
  const out: Finding[] = [];
  const walk = (v: unknown, at: string, depth: number): void => {
    if (v === null || typeof v !== 'object' || depth > 200) return;
    if (Array.isArray(v)) {
      v.forEach((item, k) => walk(item, `${at}/${k}`, depth + 1));
      return;
    }
    for (const key of Object.keys(v)) {
      const path = join(at, key);
      if (FORBIDDEN_KEYS.has(key)) {
        out.push({
          severity: 'error',
          path,
          code: 'forbidden-key',
          message: bi(`Tên trường "${key}" bị cấm`, `The key "${key}" is forbidden`),
        });
        continue;
      }
      walk((v as Record<string, unknown>)[key], path, depth + 1);
    }
  };
  walk(value, base, 0);
  return out;
}
