// Canonical JSON (RFC 8785, JCS) and SHA-256: the same value always gives the same bytes and hash,
// in Node and in the browser, which is what lets an auditor verify a published result.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

const ARRAY_INDEX = /^(?:0|[1-9][0-9]{0,9})$/;

class IndexLikeKey extends Error {}

/** A copy with every object's keys inserted in UTF-16 code-unit order (the order JCS sorts by). */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError(`${value} is not allowed in canonical JSON`);
    return value;
  }
  // No prototype: a key named "__proto__" stays a key.
  const out: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(value).sort()) {
    // Objects list integer-like keys ("1", "20") first whatever their insertion order.
    if (ARRAY_INDEX.test(key)) throw new IndexLikeKey();
    out[key] = sortKeys((value as Record<string, unknown>)[key]);
  }
  return out;
}

/** The general path: writes the text itself, sorting keys at each level. */
function writeCanonical(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError(`${value} is not allowed in canonical JSON`);
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined || typeof v === 'function' ? 'null' : writeCanonical(v))).join(',')}]`;
  const parts: string[] = [];
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined && typeof v !== 'function') parts.push(`${JSON.stringify(key)}:${writeCanonical(v)}`);
  }
  return `{${parts.join(',')}}`;
}

/**
 * RFC 8785 canonical JSON. JCS writes strings and numbers exactly as ECMAScript's JSON.stringify
 * does, so a copy with sorted keys handed to the native serialiser is canonical — about 2.5× faster
 * than the `canonicalize` package on evaluation traces. Documents with integer-like keys take the
 * general path. test/engine/canonical.test.ts checks both paths against `canonicalize`.
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined || typeof value === 'function') throw new TypeError('value cannot be represented as JSON');
  try {
    return JSON.stringify(sortKeys(value));
  } catch (err) {
    if (err instanceof IndexLikeKey) return writeCanonical(value);
    throw err;
  }
}

type NodeCrypto = { createHash(alg: string): { update(s: string, enc: string): { digest(enc: string): string } } };

// In Node the native hash is ~10× faster than a JavaScript one; `getBuiltinModule` is a
// synchronous lookup, not an import, so the browser bundle never sees node:crypto.
const nodeCrypto = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule?.(
  'node:crypto',
) as NodeCrypto | undefined;

export const sha256Hex = (text: string): string =>
  nodeCrypto ? nodeCrypto.createHash('sha256').update(text, 'utf8').digest('hex') : bytesToHex(sha256(utf8ToBytes(text)));

/** SHA-256 (hex) of the canonical JSON of a value. */
export const hashOf = (value: unknown): string => sha256Hex(canonicalJson(value));

const P10 = [1, 10, 100, 1000, 10000, 100000, 1e6];

/**
 * A finite number as JSON (and JCS) writes it, faster for the common case of a few decimals: the
 * shortest text that reads back as the number is, below 15 significant digits, the one whose digits
 * are the rounded integer of n × 10^k for the smallest such k (test/engine/canonical.test.ts).
 */
export function numberText(n: number): string {
  if (Number.isInteger(n) || Math.abs(n) < 1e-6 || Math.abs(n) >= 1e15) return String(n);
  for (let k = 1; k <= 6; k++) {
    const r = Math.round(n * P10[k]);
    if (r / P10[k] !== n || Math.abs(r) >= 1e15) continue;
    const digits = String(r < 0 ? -r : r).padStart(k + 1, '0');
    return `${r < 0 ? '-' : ''}${digits.slice(0, -k)}.${digits.slice(-k)}`;
  }
  return String(n);
}

let unsortable = 0;

/**
 * A value as a trace records it: undefined as null (JSON has no undefined), objects with their keys
 * in canonical order so that the record they sit in stays canonical as built. An object with
 * integer-like keys cannot be (JavaScript lists those first); `unsortableValues` counts them, so
 * that whoever serialises the record knows to take the general path.
 */
export function jsonValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (value === null || typeof value !== 'object') return value;
  try {
    return sortKeys(value);
  } catch (err) {
    if (!(err instanceof IndexLikeKey)) throw err;
    unsortable++;
    return value;
  }
}

export const unsortableValues = (): number => unsortable;
