import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import canonicalize from 'canonicalize';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson, sha256Hex } from '../../server/engine';
import { numberText } from '../../server/engine/canonical';

describe('canonical JSON (RFC 8785)', () => {
  it('agrees with the reference implementation on random documents', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        // -0 is written as 0 by both; the reference throws on lone surrogates, which fc.jsonValue avoids.
        expect(canonicalJson(value)).toBe(canonicalize(value));
      }),
      { numRuns: 500 },
    );
  });

  it('writes numbers as JSON does, on the quick path for a few decimals too', () => {
    const decimals = fc.tuple(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 8 })).map(([m, k]) => m / 10 ** k);
    fc.assert(
      fc.property(fc.oneof(decimals, fc.double({ noNaN: true, noDefaultInfinity: true })), (n) => {
        expect(numberText(n)).toBe(JSON.stringify(n));
      }),
      { numRuns: 20_000 },
    );
  });

  it('keeps a key named __proto__ as a key', () => {
    const value = JSON.parse('{"b":1,"__proto__":{"x":2}}');
    expect(canonicalJson(value)).toBe('{"__proto__":{"x":2},"b":1}');
    expect(canonicalJson(value)).toBe(canonicalize(value));
  });

  it('matches the RFC 8785 examples for numbers and key order', () => {
    // The RFC's input is JSON text: 333333333.33333329 has more digits than a double keeps, which is the point.
    expect(
      canonicalJson({ numbers: [JSON.parse('333333333.33333329'), 1e30, 4.5, 0.002, 1e-27], '€': 'Euro', '\r': 'CR', '1': 'One' }),
    ).toBe('{"\\r":"CR","1":"One","numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"€":"Euro"}');
  });

  it('refuses values JSON cannot hold', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow();
    expect(() => canonicalJson(undefined)).toThrow();
  });

  it('hashes the same in Node and with the browser implementation', () => {
    const text = canonicalJson({ cơQuan: 'Sở Thông tin và Truyền thông', điểm: 91.48 });
    expect(sha256Hex(text)).toBe(bytesToHex(sha256(utf8ToBytes(text))));
  });
});
