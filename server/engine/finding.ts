import type { LocalizedText } from './schemaTypes';

/**
 * A problem found in a document: by the JSON Schema, by the linter, or by submission validation.
 * `path` is a JSON Pointer into the document (RFC 6901), so the console can jump to the field.
 */
export interface Finding {
  severity: 'error' | 'warning';
  /** JSON Pointer, e.g. "/criteria/0/children/2/max"; "" for the whole document. */
  path: string;
  /** Stable machine-readable code, e.g. "duplicate-code", "schema". */
  code: string;
  message: Required<LocalizedText>;
}

export const hasErrors = (findings: readonly Finding[]): boolean => findings.some((f) => f.severity === 'error');

export const error = (path: string, code: string, message: Required<LocalizedText>): Finding => ({
  severity: 'error',
  path,
  code,
  message,
});
export const warning = (path: string, code: string, message: Required<LocalizedText>): Finding => ({
  severity: 'warning',
  path,
  code,
  message,
});
