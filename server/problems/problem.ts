// The one error type of the product: a code from the catalogue (which gives its status and title),
// the detail of this occurrence in both languages, findings with JSON Pointers, and extra members
// of the problem document. Thrown by the store, the services and the routes alike; rendered as RFC
// 9457 problem+json by http/, as one line by the commands.
import type { Bilingual, Finding } from '../engine';
import { PROBLEMS, type ProblemCode } from './catalogue';

/** A finding of a problem; one found in an uploaded spreadsheet also says where a person finds it in Excel. */
export type ProblemError = Finding & { sheet?: string | null; row?: number | null; column?: string | null };

export class Problem extends Error {
  readonly status: number;

  constructor(
    readonly code: ProblemCode,
    readonly detail: Bilingual,
    readonly errors?: readonly ProblemError[],
    /** Extra members of the problem document, e.g. failing test cases or overlapping versions. */
    readonly extensions?: Record<string, unknown>,
  ) {
    super(detail.en);
    this.name = 'Problem';
    this.status = PROBLEMS[code].status;
  }

  get title(): Bilingual {
    return PROBLEMS[this.code].title;
  }
}

/** One problem about one field: the finding repeats the detail at its path. */
export const fieldProblem = (code: ProblemCode, path: string, detail: Bilingual): Problem =>
  new Problem(code, detail, [{ severity: 'error', path, code, message: detail }]);

export const notFound = (what: Bilingual, id: string): Problem =>
  new Problem('not-found', { vi: `Không tìm thấy ${what.vi} "${id}".`, en: `${what.en} "${id}" not found.` });
