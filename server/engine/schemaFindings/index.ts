// Turns ajv errors into findings a person can act on: a JSON Pointer to the field and one sentence
// in Vietnamese and English. Failed unions are first narrowed to the branch the document was aiming
// at (unions.ts), then each remaining error is put in words (messages.ts).
import type { ErrorObject } from 'ajv/dist/2020.js';
import type { Ajv } from '../ajv';
import type { Finding } from '../finding';
import { bi } from '../naming';
import { join } from '../pointer';
import { translate } from './messages';
import { focus } from './unions';

export { forbiddenKeys } from './forbiddenKeys';

/** Findings for ajv's errors on `data` (the whole document the validator was run on). */
export function schemaFindings(ajv: Ajv, errors: readonly ErrorObject[] | null | undefined, data: unknown): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const located of focus(ajv, [...(errors ?? [])], data, '')) {
    const propertyName = (located.error as ErrorObject & { propertyName?: string }).propertyName;
    let t = translate(located);
    if (t && propertyName !== undefined && !located.union) {
      // An invalid key: point at the key itself. A pattern message already quotes the name.
      const named = located.error.keyword === 'pattern';
      t = {
        path: join(located.at, propertyName),
        message: named
          ? t.message
          : bi(`Tên "${propertyName}" không hợp lệ: ${t.message.vi}`, `Invalid name "${propertyName}": ${t.message.en}`),
      };
    }
    if (!t) continue;
    const key = `${t.path}\u0000${t.message.en}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push({ severity: 'error', path: t.path, code: 'schema', message: t.message });
  }
  return findings;
}
