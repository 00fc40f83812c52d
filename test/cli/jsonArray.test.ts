// The CLI reads submission files element by element; whatever the chunk boundaries, it must give
// exactly what JSON.parse gives for the whole file, and refuse what JSON.parse would refuse.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { JsonArrayError, readJsonArray } from '../../server/cli/support/jsonArray';

const dir = mkdtempSync(path.join(tmpdir(), 'chiso-json-array-'));
let n = 0;
const file = (text: string | Buffer) => {
  const f = path.join(dir, `${n++}.json`);
  writeFileSync(f, text);
  return f;
};
const readAll = async (f: string, chunk?: number) => {
  const out: unknown[] = [];
  for await (const v of readJsonArray(f, chunk)) out.push(v);
  return out;
};

describe('reading a JSON array one element at a time', () => {
  it('gives JSON.parse’s elements whatever the chunk size, strings with quotes and backslashes included', async () => {
    const text = fc.string({ unit: fc.constantFrom('a', '"', '\\', 'ệ', '}', ']', '{', ',', ' ', '\n', '😀') });
    const value = fc.oneof(fc.jsonValue({ maxDepth: 3 }), text, fc.dictionary(text, fc.oneof(text, fc.integer())));
    await fc.assert(
      fc.asyncProperty(
        fc.array(value, { maxLength: 8 }),
        fc.integer({ min: 1, max: 64 }),
        fc.constantFrom('', ' ', '\n  '),
        async (items, chunk, space) => {
          const json = `${space}[${space}${items.map((v) => JSON.stringify(v, null, space ? 1 : 0)).join(`${space},${space}`)}${space}]${space}`;
          const expected = JSON.parse(json);
          expect(await readAll(file(json), chunk)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('skips a byte-order mark', async () => {
    expect(await readAll(file(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('[{"a":1}]')])))).toEqual([{ a: 1 }]);
  });

  it.each([
    ['{"a":1}', /must be a JSON list/],
    ['', /must be a JSON list/],
    ['[{"a":1}', /not closed/],
    ['[{"a":1} {"b":2}]', /comma is missing before element 1/],
    ['[{"a":1},,{"b":2}]', /comma without an element/],
    ['[{"a":1}] x', /after the closing/],
    ['[{"a":tru}]', /element 0 is not valid JSON/],
  ])('refuses %j in words', async (text, message) => {
    await expect(readAll(file(text))).rejects.toThrow(message);
    await expect(readAll(file(text))).rejects.toBeInstanceOf(JsonArrayError);
  });
});
