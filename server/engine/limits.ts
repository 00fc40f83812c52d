// How deep a document may nest. Real rule sets stay far below (the deepest shipped one nests 18
// levels, conditions included); a document nested thousands of levels deep would exhaust the stack
// of any recursive reader, so it is refused first, with the place where it goes too deep.
import type { Finding } from './finding';
import { escapeToken } from './pointer';

/** Levels of objects and arrays a rule set, a submission or a request body may nest. */
const MAX_DEPTH = 64;

/** A request body wraps a document in a few levels ({ document }, a list of submissions …). */
export const MAX_BODY_DEPTH = MAX_DEPTH + 4;

/** The JSON Pointer of the first value nested deeper than `limit`, or null. Iterative: any input is safe. */
function tooDeep(value: unknown, limit = MAX_DEPTH): string | null {
  const stack: [unknown, string, number][] = [[value, '', 0]];
  while (stack.length) {
    const [v, path, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= limit) return path;
    if (Array.isArray(v)) for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${path}/${i}`, depth + 1]);
    else
      for (const key of Object.keys(v).reverse())
        stack.push([(v as Record<string, unknown>)[key], `${path}/${escapeToken(key)}`, depth + 1]);
  }
  return null;
}

/** The finding for a document nested too deeply, or null. */
export function depthFinding(value: unknown, limit = MAX_DEPTH): Finding | null {
  const path = tooDeep(value, limit);
  if (path === null) return null;
  return {
    severity: 'error',
    path,
    code: 'too-deep',
    message: {
      vi: `Tài liệu lồng quá ${limit} cấp; không xử lý được`,
      en: `The document nests more than ${limit} levels; it cannot be processed`,
    },
  };
}

/** Thrown where a document reaches the engine without having been checked. */
class TooDeepError extends Error {
  constructor(readonly finding: Finding) {
    super(finding.message.en);
  }
}

export function assertShallow(value: unknown): void {
  const finding = depthFinding(value);
  if (finding) throw new TooDeepError(finding);
}
