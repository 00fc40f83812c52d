// JSON Pointers (RFC 6901): every finding names the field it is about, so the console and the CLI
// can point at it.

/** One reference token, escaped: "a/b" → "a~1b". */
export const escapeToken = (token: string | number): string => String(token).replace(/~/g, '~0').replace(/\//g, '~1');

/** Appends tokens to a pointer: join('/criteria', 0, 'max') → "/criteria/0/max". */
export const join = (pointer: string, ...tokens: (string | number)[]): string => pointer + tokens.map((t) => `/${escapeToken(t)}`).join('');

export const tokens = (pointer: string): string[] =>
  pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));

/** The value at a pointer, or undefined. Reads own properties only. */
export function valueAt(root: unknown, pointer: string): unknown {
  let value: unknown = root;
  for (const token of tokens(pointer)) {
    if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, token)) return undefined;
    value = (value as Record<string, unknown>)[token];
  }
  return value;
}
