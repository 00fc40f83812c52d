// Generates TypeScript types from schemas/ so that a format has one definition, not two.
// Run `npm run gen:types` after editing a schema; a test fails when the output is stale.
import { writeFileSync } from 'node:fs';
import { generateSchemaTypes, GENERATED_TYPES_PATH } from '../schemas/generate';

writeFileSync(GENERATED_TYPES_PATH, await generateSchemaTypes());
console.log(`wrote ${GENERATED_TYPES_PATH}`);
