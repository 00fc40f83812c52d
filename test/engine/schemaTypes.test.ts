import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { generateSchemaTypes, GENERATED_TYPES_PATH } from '../../server/schemas/generate';

describe('types generated from schemas/', () => {
  it('are up to date (run `npm run gen:types` after editing a schema)', async () => {
    expect(readFileSync(GENERATED_TYPES_PATH, 'utf8')).toBe(await generateSchemaTypes());
  });
});
