// Errors the store raises for things a caller did wrong (not found, stale write, invalid state).
// They carry a stable code and a message in both languages; the HTTP layer turns them into
// problem+json (not-found → 404, conflict → 409, invalid → 422, precondition → 428).
import type { Finding } from '../engine';

export type DomainErrorKind = 'not-found' | 'conflict' | 'invalid' | 'precondition' | 'forbidden';

export interface Message {
  vi: string;
  en: string;
}

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    readonly messages: Message,
    readonly findings?: Finding[],
    /** Extra members of the problem document, e.g. failing test cases. */
    readonly extensions?: Record<string, unknown>,
  ) {
    super(messages.en);
    this.name = 'DomainError';
  }
}

export const notFound = (what: Message, id: string) =>
  new DomainError('not-found', 'not-found', { vi: `Không tìm thấy ${what.vi} "${id}".`, en: `${what.en} "${id}" not found.` });
