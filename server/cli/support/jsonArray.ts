// Reads a JSON array from a file one element at a time, so that a file of 100,000 submissions
// never sits in memory whole. The bytes are scanned for the element boundaries (strings and
// nesting tracked) and each element is handed to JSON.parse. A streaming tokenizer (stream-json)
// reads the same 415 MB file in 49 s on this machine; this takes a few seconds, and JSON.parse
// keeps its exact semantics and messages. test/cli/jsonArray.test.ts splits files at every byte.
import { createReadStream } from 'node:fs';

export class JsonArrayError extends Error {
  constructor(
    message: { vi: string; en: string },
    /** The element the problem is in, when there is one. */
    readonly index?: number,
  ) {
    super(message.en);
    this.vi = message.vi;
  }
  readonly vi: string;
}

const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

/** Yields each element of the top-level array in `file`, parsed; throws JsonArrayError on malformed input. */
export async function* readJsonArray(file: string, chunkSize = 1 << 20): AsyncGenerator<unknown> {
  let state: 'before' | 'between' | 'element' | 'after' = 'before';
  let depth = 0; // inside the current element
  let inString = false;
  /** Backslashes just before the end of the previous chunk, inside a string. */
  let backslashes = 0;
  let pending: Buffer[] = []; // bytes of the element being read, across chunks
  let index = 0;
  let expectComma = false;
  let bom = true;

  const parse = (bytes: Buffer): unknown => {
    try {
      return JSON.parse(bytes.toString('utf8'));
    } catch (err) {
      throw new JsonArrayError(
        {
          vi: `phần tử thứ ${index} không phải JSON hợp lệ: ${(err as Error).message}`,
          en: `element ${index} is not valid JSON: ${(err as Error).message}`,
        },
        index,
      );
    }
  };
  const notArray = () => new JsonArrayError({ vi: 'tệp phải là một danh sách JSON [...]', en: 'the file must be a JSON list [...]' });

  for await (const chunk of createReadStream(file, { highWaterMark: chunkSize }) as AsyncIterable<Buffer>) {
    let start = 0;
    let i = 0;
    if (bom && chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) i = start = 3;
    bom = false;
    for (; i < chunk.length; i++) {
      const b = chunk[i];
      if (state === 'element') {
        if (inString) {
          // Jump to the next quote; it closes the string unless an odd run of backslashes precedes it.
          const q = chunk.indexOf(QUOTE, i);
          if (q < 0) {
            let k = chunk.length - 1;
            while (k >= i && chunk[k] === BACKSLASH) k--;
            backslashes = k < i ? backslashes + (chunk.length - i) : chunk.length - 1 - k;
            break;
          }
          let k = q - 1;
          while (k >= i && chunk[k] === BACKSLASH) k--;
          const run = k < i ? backslashes + (q - i) : q - 1 - k;
          backslashes = 0;
          i = q;
          if (run % 2 === 0) inString = false;
          continue;
        }
        if (depth === 0 && (b === COMMA || b === CLOSE_BRACKET || isSpace(b))) {
          // A scalar element (42, "x", true) ends where a comma, a space or the closing bracket begins.
          pending.push(chunk.subarray(start, i));
          yield parse(pending.length === 1 ? pending[0] : Buffer.concat(pending));
          pending = [];
          index++;
          state = b === CLOSE_BRACKET ? 'after' : 'between';
          expectComma = b !== COMMA;
          continue;
        }
        if (b === QUOTE) inString = true;
        else if (b === OPEN_BRACE || b === OPEN_BRACKET) depth++;
        else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
          if (--depth === 0) {
            pending.push(chunk.subarray(start, i + 1));
            yield parse(pending.length === 1 ? pending[0] : Buffer.concat(pending));
            pending = [];
            index++;
            state = 'between';
            expectComma = true;
          }
        }
        continue;
      }
      if (isSpace(b)) continue;
      if (state === 'before') {
        if (b !== OPEN_BRACKET) throw notArray();
        state = 'between';
        continue;
      }
      if (state === 'after')
        throw new JsonArrayError({ vi: 'có dữ liệu sau dấu ] kết thúc danh sách', en: 'there is data after the closing ]' });
      // between elements
      if (b === CLOSE_BRACKET) {
        state = 'after';
        continue;
      }
      if (b === COMMA) {
        if (!expectComma)
          throw new JsonArrayError(
            { vi: `thiếu phần tử trước dấu phẩy (vị trí ${index})`, en: `a comma without an element before it (at ${index})` },
            index,
          );
        expectComma = false;
        continue;
      }
      if (expectComma)
        throw new JsonArrayError(
          { vi: `thiếu dấu phẩy trước phần tử thứ ${index}`, en: `a comma is missing before element ${index}` },
          index,
        );
      state = 'element';
      start = i;
      depth = b === OPEN_BRACE || b === OPEN_BRACKET ? 1 : 0;
      inString = b === QUOTE;
    }
    if (state === 'element') pending.push(chunk.subarray(start));
  }
  if (state !== 'after')
    throw state === 'before'
      ? notArray()
      : new JsonArrayError({ vi: 'danh sách chưa đóng bằng dấu ]', en: 'the list is not closed with ]' });
}
