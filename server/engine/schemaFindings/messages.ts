// One sentence per ajv error keyword, in Vietnamese and English. What is expected is said in words
// (a known pattern, a type, a format) rather than by quoting the schema.
import type { ErrorObject } from 'ajv/dist/2020.js';
import { SCHEMAS } from '../ajv';
import { bi, type Bilingual } from '../naming';
import { join } from '../pointer';

/** The parts of a JSON Schema read here. */
interface SchemaNode {
  pattern?: string;
  const?: unknown;
  $ref?: string;
  oneOf?: SchemaNode[];
  properties?: Record<string, SchemaNode>;
  [keyword: string]: unknown;
}

const rulesetDefs = (SCHEMAS.ruleset as { $defs: Record<string, SchemaNode> }).$defs;
const agencyProperties = (SCHEMAS.agency as { properties: Record<string, SchemaNode> }).properties;

/** A schema's pattern: a schema that no longer has it fails here, at load, not with an unnamed pattern. */
const patternOf = (schema: SchemaNode | undefined, where: string): string => {
  if (typeof schema?.pattern !== 'string') throw new Error(`schemaFindings: ${where} has no pattern`);
  return schema.pattern;
};

/** Known patterns, described in words rather than as a regular expression. */
const PATTERNS = new Map<string, Bilingual>([
  [
    patternOf(rulesetDefs.Id, 'Id'),
    bi(
      'mã định danh gồm chữ thường không dấu, số, "-" hoặc "_", bắt đầu bằng chữ cái',
      'an identifier of lowercase letters, digits, "-" or "_", starting with a letter',
    ),
  ],
  [
    patternOf(rulesetDefs.FactId, 'FactId'),
    bi(
      'mã chỉ tiêu gồm chữ thường không dấu, số hoặc "_", bắt đầu bằng chữ cái',
      'a fact id of lowercase letters, digits or "_", starting with a letter',
    ),
  ],
  [
    patternOf(rulesetDefs.Code, 'Code'),
    bi('mã mục gồm chữ, số, "." hoặc "-" (vd. 2.1.3)', 'a code of letters, digits, "." or "-" (e.g. 2.1.3)'),
  ],
  [patternOf(rulesetDefs.Band.properties?.color, 'Band.color'), bi('mã màu dạng #RRGGBB', 'a colour such as #RRGGBB')],
  [
    patternOf(agencyProperties.id, 'agency id'),
    bi(
      'mã cơ quan gồm chữ thường không dấu, số, "-" hoặc "_" (vd. so-noi-vu)',
      'an agency id of lowercase letters, digits, "-" or "_" (e.g. so-noi-vu)',
    ),
  ],
  [
    patternOf(agencyProperties.kind, 'agency kind'),
    bi(
      'loại cơ quan gồm chữ thường không dấu (vd. department, district)',
      'an agency kind in lowercase letters (e.g. department, district)',
    ),
  ],
  [
    patternOf(rulesetDefs.FactCondition.properties?.path, 'FactCondition.path'),
    bi('đường dẫn dạng $.tenThuocTinh', 'a path such as $.attributeName'),
  ],
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

const show = (v: unknown): string => {
  if (v === undefined) return '(trống)';
  const text = JSON.stringify(v);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};

/** Values a discriminated oneOf accepts for its tag, e.g. the scoring methods. */
function tagValues(parentSchema: SchemaNode | undefined, tag: string): string[] {
  const out: string[] = [];
  for (const branch of parentSchema?.oneOf ?? []) {
    const ref = branch?.$ref;
    const target = ref?.startsWith('#/$defs/') ? rulesetDefs[ref.slice('#/$defs/'.length)] : branch;
    const value = target?.properties?.[tag]?.const;
    if (typeof value === 'string') out.push(value);
  }
  return out;
}

/** An ajv error, placed in the whole document. */
export interface Located {
  error: ErrorObject;
  /** Absolute pointer of the instance the error is about. */
  at: string;
  /** Set when a union had no fitting branch: the sentence that replaces its branch errors. */
  union?: Bilingual;
}

/** Translates one ajv error; null when another error already says it. */
export function translate({ error: e, at, union }: Located): { path: string; message: Bilingual } | null {
  const p = e.params; // ajv's params: each keyword's own fields
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
