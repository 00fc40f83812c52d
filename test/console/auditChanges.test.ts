// The audit log's "what changed" table (console/src/audit/flatten.ts, shown by AuditShow): an
// auditor reads a change as a list of fields with their old and new values, so the list must
// contain exactly the fields that differ.
import { describe, expect, it } from 'vitest';
import { changedFields, flatten } from '../../console/src/audit/flatten';

describe('changedFields', () => {
  const before = {
    id: 'so-noi-vu',
    name: 'Sở Nội vụ',
    kind: 'department',
    attributes: { dan_so: 1200, co_dich_vu_cong: false },
    ruleSets: ['dti', 'par'],
  };

  it('lists only the fields that differ, with their values before and after', () => {
    const after = { ...before, name: 'Sở Nội vụ tỉnh Sơn La', attributes: { dan_so: 1200, co_dich_vu_cong: true } };
    expect(changedFields(before, after)).toEqual([
      { path: 'attributes.co_dich_vu_cong', before: false, after: true },
      { path: 'name', before: 'Sở Nội vụ', after: 'Sở Nội vụ tỉnh Sơn La' },
    ]);
  });

  it('no change, no rows', () => {
    expect(changedFields(before, structuredClone(before))).toEqual([]);
  });

  it('added and removed fields show as added (no before) and removed (no after)', () => {
    const { kind: _k, ...withoutKind } = before;
    const changes = changedFields(before, { ...withoutKind, nameEn: 'Department of Home Affairs' });
    expect(changes).toEqual([
      { path: 'kind', before: 'department', after: undefined },
      { path: 'nameEn', before: undefined, after: 'Department of Home Affairs' },
    ]);
  });

  it('a created record (before null) lists every field as new', () => {
    const changes = changedFields(null, { id: 'x', name: 'Sở Y tế' });
    expect(changes).toContainEqual({ path: 'id', before: undefined, after: 'x' });
    expect(changes).toContainEqual({ path: 'name', before: undefined, after: 'Sở Y tế' });
    // and a deleted record (after null) lists every field as gone
    expect(changedFields({ id: 'x', name: 'Sở Y tế' }, null)).toContainEqual({ path: 'name', before: 'Sở Y tế', after: undefined });
  });

  it('list items are compared position by position', () => {
    const changes = changedFields(before, { ...before, ruleSets: ['dti'] });
    expect(changes).toEqual([{ path: 'ruleSets.1', before: 'par', after: undefined }]);
  });

  it('a value changing type (0 → "0", null → 0) is a change', () => {
    expect(changedFields({ a: 0 }, { a: '0' })).toEqual([{ path: 'a', before: 0, after: '0' }]);
    expect(changedFields({ a: null }, { a: 0 })).toEqual([{ path: 'a', before: null, after: 0 }]);
  });

  it('emptying a list or an object is shown, not lost', () => {
    const changes = changedFields({ ruleSets: ['dti'], attributes: { a: 1 } }, { ruleSets: [], attributes: {} });
    expect(changes).toContainEqual({ path: 'ruleSets', before: undefined, after: '[]' });
    expect(changes).toContainEqual({ path: 'ruleSets.0', before: 'dti', after: undefined });
    expect(changes).toContainEqual({ path: 'attributes', before: undefined, after: '{}' });
  });

  it('stops at the limit (a whole rule-set document can change at once)', () => {
    const big = (v: number) => ({ facts: Array.from({ length: 800 }, (_, i) => ({ minimum: v + i })) });
    expect(changedFields(big(0), big(1))).toHaveLength(500);
    expect(changedFields(big(0), big(1), 10)).toHaveLength(10);
  });
});

describe('flatten', () => {
  it('turns nested values into dotted paths', () => {
    expect([...flatten({ a: { b: [1, { c: 2 }] }, d: null })]).toEqual([
      ['a.b.0', 1],
      ['a.b.1.c', 2],
      ['d', null],
    ]);
  });
});
