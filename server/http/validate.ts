// Request bodies are checked before a handler sees them: no prototype keys anywhere, no unknown
// fields, and every ajv error as a problem with a JSON Pointer and a vi/en message.
import type { RequestHandler } from 'express';
import type { AnySchema, ValidateFunction } from 'ajv/dist/2020.js';
import { createAjv, depthFinding, forbiddenKeys, MAX_BODY_DEPTH, schemaFindings } from '../engine';
import { Problem } from '../problems/problem';

const ajv = createAjv({ verbose: true });
const compiled = new WeakMap<object, ValidateFunction>();

/** The body schema a validator was made from, so the OpenAPI document can describe the route. */
export const BODY_SCHEMA = Symbol('bodySchema');

export type BodyValidator = RequestHandler & { [BODY_SCHEMA]?: AnySchema };

function compile(schema: object): ValidateFunction {
  let fn = compiled.get(schema);
  if (!fn) {
    fn = ajv.compile(schema);
    compiled.set(schema, fn);
  }
  return fn;
}

const invalidBody = (count: number) => ({
  vi: `Dữ liệu gửi lên không hợp lệ (${count} lỗi).`,
  en: `The request body is invalid (${count} error(s)).`,
});

/**
 * Rejects a body nested deeper than any reader may recurse, and "__proto__", "constructor" and
 * "prototype" keys anywhere in it (before any schema).
 */
export const rejectForbiddenKeys: RequestHandler = (req, _res, next) => {
  const deep = req.body !== undefined ? depthFinding(req.body, MAX_BODY_DEPTH) : null;
  if (deep) throw new Problem('too-deep', deep.message, [deep]);
  const found = req.body !== undefined ? forbiddenKeys(req.body) : [];
  if (found.length) {
    throw new Problem(
      'forbidden-key',
      {
        vi: `Dữ liệu chứa tên trường bị cấm (${found.map((f) => f.path).join(', ')}).`,
        en: `The body contains forbidden keys (${found.map((f) => f.path).join(', ')}).`,
      },
      found,
    );
  }
  next();
};

/**
 * Validates req.body against a JSON Schema (objects should set additionalProperties: false, which
 * is how unknown fields are rejected) or a ready validate function.
 */
export function validateBody(schema: AnySchema | ValidateFunction, documentedAs?: AnySchema): BodyValidator {
  const validate = typeof schema === 'function' ? schema : compile(schema as object);
  const middleware: BodyValidator = (req, _res, next) => {
    const body = req.body ?? {};
    const forbidden = forbiddenKeys(body);
    if (forbidden.length) throw new Problem('forbidden-key', invalidBody(forbidden.length), forbidden);
    if (!validate(body)) {
      const findings = schemaFindings(ajv, validate.errors, body);
      throw new Problem('invalid-body', invalidBody(findings.length), findings);
    }
    req.body = body;
    next();
  };
  middleware[BODY_SCHEMA] = documentedAs ?? (typeof schema === 'function' ? (schema.schema as AnySchema) : schema);
  return middleware;
}

/** Shorthand for a closed object schema: every listed property, nothing else. */
export function object(properties: Record<string, object>, required: string[] = []): AnySchema {
  return { type: 'object', additionalProperties: false, required, properties };
}

export const localizedText = {
  type: 'object',
  additionalProperties: false,
  required: ['vi'],
  properties: { vi: { type: 'string', minLength: 1, maxLength: 2000 }, en: { type: 'string', minLength: 1, maxLength: 2000 } },
} as const;
