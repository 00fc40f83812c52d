// The draft of typed but unsaved self-assessment values (console/src/submissions/submissionDraft.ts):
// what it keeps, where, and what it puts back over a record the form has just loaded.
import { describe, expect, it } from 'vitest';
import {
  changedFacts,
  clearDraft,
  draftKey,
  draftToApply,
  readDraft,
  sameValue,
  writeDraft,
} from '../../console/src/submissions/submissionDraft';

const memoryStorage = () => {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
};

describe('submission drafts', () => {
  it('keys a draft by user and submission', () => {
    expect(draftKey('u1', 's1')).toBe('chiso-draft.submissions.u1.s1');
    expect(draftKey('u2', 's1')).not.toBe(draftKey('u1', 's1'));
  });

  it('treats an emptied input as no value, and compares the rest by value', () => {
    expect(sameValue(undefined, null)).toBe(true);
    expect(sameValue('', undefined)).toBe(true);
    expect(sameValue(0, null)).toBe(false);
    expect(sameValue(false, null)).toBe(false);
    expect(sameValue(12, 12)).toBe(true);
    expect(sameValue('12', 12)).toBe(false);
    expect(sameValue('2021-05-01', '2021-05-01')).toBe(true);
  });

  it('keeps only the facts typed differently from the saved revision', () => {
    expect(changedFacts({ a: 1, b: 2, c: null, d: '' }, { a: 1, b: 3, e: 9 })).toEqual({ b: 2 });
    expect(changedFacts({ a: null }, { a: 5 })).toEqual({ a: null }); // a cleared value is typed work too
    expect(changedFacts({ a: 1 }, undefined)).toEqual({ a: 1 });
    expect(changedFacts(undefined, { a: 1 })).toEqual({});
  });

  it('writes, reads and clears a draft; no changes means no draft', () => {
    const storage = memoryStorage();
    const key = draftKey('u1', 's1');
    writeDraft(storage, key, 3, { a: 1 }, new Date('2026-01-02T03:04:05Z'));
    expect(readDraft(storage, key)).toEqual({ revision: 3, facts: { a: 1 }, at: '2026-01-02T03:04:05.000Z' });
    writeDraft(storage, key, 4, {});
    expect(storage.items.has(key)).toBe(false);
    writeDraft(storage, key, 4, { a: 2 });
    clearDraft(storage, key);
    expect(readDraft(storage, key)).toBeNull();
  });

  it('ignores what it cannot read, and survives a storage that refuses writes', () => {
    const storage = memoryStorage();
    for (const raw of ['{', '[]', '{"revision":"1","facts":{}}', '{"revision":1,"facts":[]}', '{"revision":1,"facts":{}}']) {
      storage.items.set('k', raw);
      expect(readDraft(storage, 'k')).toBeNull();
    }
    const full = {
      ...memoryStorage(),
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(() => writeDraft(full, 'k', 1, { a: 1 })).not.toThrow();
    expect(readDraft(undefined, 'k')).toBeNull();
  });

  it('puts back only what the form does not already show, and says when the record is newer', () => {
    const draft = { revision: 2, facts: { a: 10, b: 20 }, at: '' };
    expect(draftToApply(null, { a: 1 }, 2)).toBeNull();
    // after an evidence upload the reloaded revision 3 has the saved values: the typed ones go back on top
    expect(draftToApply(draft, { a: 1, b: 2 }, 3)).toEqual({ facts: { a: 10, b: 20 }, olderRevision: true });
    // a reload of the same revision
    expect(draftToApply(draft, { a: 10, b: 2 }, 2)).toEqual({ facts: { b: 20 }, olderRevision: false });
    // already there: nothing to do
    expect(draftToApply(draft, { a: 10, b: 20 }, 2)).toBeNull();
  });
});
