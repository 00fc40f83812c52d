import type { Finding } from '../../../../server/engine';

/** Problem errors as findings; paths of a PUT body's `document` point into the document itself. */
export const toFindings = (errors: { path: string; message: string; code?: string }[]): Finding[] =>
  errors.map((e) => ({
    severity: 'error',
    path: e.path.replace(/^\/document(?=\/|$)/, ''),
    code: e.code ?? 'server',
    message: { vi: e.message, en: e.message },
  }));
