// Typed but unsaved values of a self-assessment, kept in the browser so that nothing typed is lost:
// not to an evidence upload (a new revision the form reloads), a failed save, a 412 conflict, a
// reload or a crash. A draft holds only the facts the user changed, against the revision they were
// typed on, so putting it back over a newer revision keeps what others changed in the other facts.

type Facts = Record<string, unknown>;

export interface SubmissionDraft {
  /** The revision the changes were typed on. */
  revision: number;
  /** Only the facts whose typed value differs from that revision's. */
  facts: Facts;
  /** When the draft was last written (ISO). */
  at: string;
}

type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const PREFIX = 'chiso-draft.submissions';

/** One draft per user and submission: another account on the same browser never sees it. */
export const draftKey = (user: string | number, submissionId: string | number) => `${PREFIX}.${user}.${submissionId}`;

const empty = (v: unknown) => v === undefined || v === null || v === '';

/** Whether a typed value is the stored one (an emptied input is the same as no value). */
export const sameValue = (a: unknown, b: unknown): boolean =>
  empty(a) && empty(b) ? true : JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The facts whose value in `typed` differs from `saved`: what a draft keeps. */
export function changedFacts(typed: Facts | undefined, saved: Facts | undefined): Facts {
  // Only the form's facts: a fact the form does not show is not typed work.
  const out: Facts = {};
  for (const [key, value] of Object.entries(typed ?? {})) if (!sameValue(value, saved?.[key])) out[key] = value ?? null;
  return out;
}

/** The draft stored under `key`, or null when there is none (or it is unreadable). */
export function readDraft(storage: DraftStorage | undefined, key: string): SubmissionDraft | null {
  try {
    const raw = storage?.getItem(key);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<SubmissionDraft>;
    if (typeof parsed?.revision !== 'number' || !parsed.facts || typeof parsed.facts !== 'object' || Array.isArray(parsed.facts))
      return null;
    if (!Object.keys(parsed.facts).length) return null;
    return { revision: parsed.revision, facts: parsed.facts, at: String(parsed.at ?? '') };
  } catch {
    return null;
  }
}

/** Keeps the typed changes against `revision`; no changes means no draft. */
export function writeDraft(storage: DraftStorage | undefined, key: string, revision: number, facts: Facts, now = new Date()): void {
  try {
    if (!Object.keys(facts).length) storage?.removeItem(key);
    else storage?.setItem(key, JSON.stringify({ revision, facts, at: now.toISOString() } satisfies SubmissionDraft));
  } catch {
    // storage full or disabled: the form still holds the values, only the crash safety is gone
  }
}

export function clearDraft(storage: DraftStorage | undefined, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // nothing to clear
  }
}

/**
 * What to put into the form over a record just loaded: the draft's facts that differ from the
 * form's current values (nothing when the draft is already there), and whether the draft was
 * typed on an older revision than the one loaded.
 */
export function draftToApply(
  draft: SubmissionDraft | null,
  current: Facts | undefined,
  revision: number,
): { facts: Facts; olderRevision: boolean } | null {
  if (!draft) return null;
  const facts = Object.fromEntries(Object.entries(draft.facts).filter(([k, v]) => !sameValue(v, current?.[k])));
  if (!Object.keys(facts).length) return null;
  return { facts, olderRevision: draft.revision < revision };
}

/** The browser's localStorage, when there is one (and it may be used). */
export const browserStorage = (): DraftStorage | undefined => {
  try {
    return typeof window !== 'undefined' ? window.localStorage : undefined;
  } catch {
    return undefined;
  }
};
