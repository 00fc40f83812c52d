// Text no column can hold, refused at the door. PostgreSQL stores no NUL (U+0000) in text or JSONB
// (the query fails, which used to answer 500), and node-postgres turns a lone UTF-16 surrogate into
// U+FFFD, changing what the caller sent behind their back. So every string a request carries is
// checked before the session gate, the routes or the database see it: the JSON body (keys too, at
// any depth), each query parameter (and the JSON inside sort/range/filter, whose "\u0000" escapes
// only appear once parsed) and each path segment (which must also be valid percent-encoded UTF-8).
import type { RequestHandler, Router } from 'express';
import { depthFinding, joinPointer, MAX_BODY_DEPTH, type Bilingual, type Finding } from '../engine';
import { Problem } from '../problems/problem';

/** A request with a thousand bad strings gets a readable answer: the first few are enough. */
const MAX_FINDINGS = 20;

/** What the first code unit no database column can hold is, in words, or null. */
function badCodeUnit(s: string): Bilingual | null {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0) return { vi: 'ký tự NUL (U+0000)', en: 'a NUL character (U+0000)' };
    if (c < 0xd800 || c > 0xdfff) continue;
    const next = s.charCodeAt(i + 1);
    if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      i++; // a well-formed pair
      continue;
    }
    const hex = c.toString(16).toUpperCase();
    return { vi: `nửa cặp UTF-16 lẻ (U+${hex})`, en: `a lone UTF-16 surrogate (U+${hex})` };
  }
  return null;
}

/** The text with what cannot be echoed shown as a \u escape (e.g. \u0000), so that a problem document is itself clean. */
const printable = (s: string): string =>
  [...s].map((ch) => (badCodeUnit(ch) ? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}` : ch)).join('');

const textFinding = (path: string, what: Bilingual): Finding => ({
  severity: 'error',
  path,
  code: 'invalid-text',
  message: { vi: `Giá trị chứa ${what.vi}; không lưu được`, en: `The value contains ${what.en}; it cannot be stored` },
});

const keyFinding = (path: string, what: Bilingual): Finding => ({
  severity: 'error',
  path,
  code: 'invalid-text',
  message: { vi: `Tên trường chứa ${what.vi}`, en: `The key contains ${what.en}` },
});

/**
 * Findings for every string and key of a parsed JSON value, under `base`. Iterative, so any depth
 * is safe (the depth limit is checked separately). A bad key is named by its pointer, the bad code
 * unit shown as a \u escape.
 */
function jsonTextFindings(value: unknown, base: string, out: Finding[]): void {
  const stack: [unknown, string][] = [[value, base]];
  while (stack.length && out.length < MAX_FINDINGS) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      const bad = badCodeUnit(v);
      if (bad) out.push(textFinding(path, bad));
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${path}/${i}`]);
    } else if (v !== null && typeof v === 'object') {
      for (const key of Object.keys(v).reverse()) {
        const bad = badCodeUnit(key);
        if (bad) out.push(keyFinding(joinPointer(path, printable(key)), bad));
        else stack.push([(v as Record<string, unknown>)[key], joinPointer(path, key)]);
      }
    }
  }
}

/** A finding inside a query parameter's JSON, said of the parameter (the field), with the place inside in words. */
const inParameter = (f: Finding, path: string): Finding => ({
  ...f,
  path,
  message: { vi: `${f.message.vi} (tại ${f.path || '/'})`, en: `${f.message.en} (at ${f.path || '/'})` },
});

/** A query parameter that is JSON text (sort, range, filter), parsed; undefined for plain text. */
function jsonOf(raw: string): unknown {
  const first = raw.trimStart()[0];
  if (first !== '{' && first !== '[' && first !== '"') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined; // not JSON after all: the route says what it expected
  }
}

function queryFindings(query: Record<string, unknown>, out: Finding[]): Finding | null {
  for (const [name, value] of Object.entries(query)) {
    const path = joinPointer('/query', printable(name));
    const badName = badCodeUnit(name);
    if (badName) {
      out.push(keyFinding(path, badName));
      continue;
    }
    for (const raw of Array.isArray(value) ? value : [value]) {
      if (typeof raw !== 'string') continue;
      const bad = badCodeUnit(raw);
      if (bad) {
        out.push(textFinding(path, bad));
        continue;
      }
      const parsed = jsonOf(raw);
      if (parsed === undefined) continue;
      // The parameter is the field; where inside its JSON the bad text is goes into the message.
      const deep = depthFinding(parsed, MAX_BODY_DEPTH);
      if (deep) return inParameter(deep, path);
      const inner: Finding[] = [];
      jsonTextFindings(parsed, '', inner);
      out.push(...inner.map((f) => inParameter(f, path)));
    }
  }
  return null;
}

/** What routeTemplates reads of Express's router internals (as openapi.ts does). */
interface Layer {
  route?: { path: unknown };
  handle?: { stack?: Layer[] };
}

/** Route paths of the API router ("/agencies/:id" …) as segments, to name a bad path segment. */
function routeTemplates(router: Router): string[][] {
  const out: string[][] = [];
  const visit = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const path of [layer.route.path].flat()) if (typeof path === 'string') out.push(path.split('/').slice(1));
      } else if (Array.isArray(layer.handle?.stack)) visit(layer.handle.stack);
    }
  };
  visit((router as unknown as { stack: Layer[] }).stack);
  return out;
}

/**
 * The name of the parameter at segment `index` of the request's path: from the route whose literal
 * segments all match (the most literal one, as /versions/in-force before /versions/:id), else the
 * segment's position.
 */
function segmentName(templates: string[][], segments: string[], index: number): string {
  let best: string[] | undefined;
  let bestLiterals = -1;
  for (const t of templates) {
    if (t.length !== segments.length) continue;
    const literals = t.filter((s) => !s.startsWith(':'));
    if (!t.every((s, i) => s.startsWith(':') || s.toLowerCase() === segments[i].toLowerCase())) continue;
    if (literals.length > bestLiterals) [best, bestLiterals] = [t, literals.length];
  }
  const segment = best?.[index];
  return segment?.startsWith(':') ? segment.slice(1) : String(index);
}

function pathFindings(path: string, templates: () => string[][], out: Finding[]): void {
  const segments = path.split('/').slice(1);
  segments.forEach((raw, i) => {
    let what: Bilingual | undefined;
    try {
      what = badCodeUnit(decodeURIComponent(raw)) ?? undefined;
    } catch {
      what = { vi: 'mã hóa phần trăm không phải UTF-8 hợp lệ', en: 'percent-encoding that is not valid UTF-8' };
    }
    if (what) out.push(textFinding(`/path/${segmentName(templates(), segments, i)}`, what));
  });
}

/**
 * Refuses (400 invalid-text, or too-deep for a query parameter's JSON) any request carrying text no
 * column can hold. `api` is the router the routes are mounted on, read on first use to name path
 * parameters (/path/id) as the routes do.
 */
export function rejectBadText(api: Router): RequestHandler {
  let templates: string[][] | undefined;
  return (req, _res, next) => {
    const findings: Finding[] = [];
    pathFindings(req.path, () => (templates ??= routeTemplates(api)), findings);
    const deep = queryFindings(req.query as Record<string, unknown>, findings);
    if (deep) throw new Problem('too-deep', deep.message, [deep]);
    if (req.body !== undefined) jsonTextFindings(req.body, '', findings);
    if (findings.length) {
      const paths = findings.slice(0, 5).map((f) => f.path || '/');
      throw new Problem(
        'invalid-text',
        {
          vi: `Yêu cầu chứa ký tự không lưu được (${paths.join(', ')}).`,
          en: `The request contains characters that cannot be stored (${paths.join(', ')}).`,
        },
        findings.slice(0, MAX_FINDINGS),
      );
    }
    next();
  };
}
