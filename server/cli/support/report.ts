// How commands print problems: one line each, "where: path: [severity] vi / en", so that a
// person can read it and a script can grep it.
import type { Finding } from '../../engine';

export const findingLine = (where: string, f: Pick<Finding, 'path' | 'severity' | 'message'>): string =>
  `${where}: ${f.path || '/'}: [${f.severity}] ${f.message.vi} / ${f.message.en}`;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "3 tệp: 2 lỗi, 1 cảnh báo / 3 files: 2 errors, 1 warning". */
export function tally(files: number, findings: readonly Pick<Finding, 'severity'>[]): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  return `${files} tệp: ${errors} lỗi, ${warnings} cảnh báo / ${plural(files, 'file')}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}
