// problem+json → react-admin HttpError (console/src/api/problem.ts). The user sees `message` in
// the notification and react-admin puts body.errors[field] under the matching form input, so the
// server's JSON Pointers must become react-admin's dotted field names exactly.
import { describe, expect, it } from 'vitest';
import { HttpError } from 'react-admin';
import { pointerToField, problemOf, problemToError } from '../../console/src/api/problem';

describe('pointerToField', () => {
  it('turns a JSON Pointer into the form field name', () => {
    expect(pointerToField('/facts/0/label')).toBe('facts.0.label');
    expect(pointerToField('/name')).toBe('name');
    expect(pointerToField('/facts/so_cuoc_hop')).toBe('facts.so_cuoc_hop');
  });

  it('unescapes ~1 and ~0 (and ~01 is "~1", not "/")', () => {
    expect(pointerToField('/attributes/a~1b')).toBe('attributes.a/b');
    expect(pointerToField('/attributes/c~0d')).toBe('attributes.c~d');
    expect(pointerToField('/attributes/~01')).toBe('attributes.~1');
  });
});

describe('problemToError', () => {
  const errors = Array.from({ length: 7 }, (_, i) => ({ path: `/facts/f${i}`, message: `Lỗi ${i}`, code: 'x' }));

  it('the notification lists at most five fields and says how many more there are', () => {
    const e = problemToError(422, 'Unprocessable Entity', { detail: 'Dữ liệu không hợp lệ.', errors });
    const lines = e.message.split('\n');
    expect(lines).toEqual(['Dữ liệu không hợp lệ.', '– Lỗi 0', '– Lỗi 1', '– Lỗi 2', '– Lỗi 3', '– Lỗi 4', '… (+2)']);
    // …but every field is still highlighted in the form
    expect(Object.keys(e.body.errors)).toHaveLength(8);
    expect(e.body.errors['facts.f6']).toBe('Lỗi 6');
  });

  it('an error about the whole body (path "") is listed and is not attached to a field', () => {
    const e = problemToError(400, 'Bad Request', { detail: 'Sai.', errors: [{ path: '', message: 'Phải là một đối tượng' }] });
    expect(e.message).toBe('Sai.\n– Phải là một đối tượng');
    expect(e.body.errors).toEqual({ root: { serverError: 'Sai.' } });
  });

  it('falls back to the title, then the status text, then the status code', () => {
    expect(problemToError(403, 'Forbidden', { title: 'Không có quyền' }).message).toBe('Không có quyền');
    expect(problemToError(403, 'Forbidden', {}).message).toBe('Forbidden');
    expect(problemToError(403, '', undefined).message).toBe('HTTP 403');
  });

  it('is a react-admin HttpError carrying the status and the whole problem', () => {
    const p = { type: 'https://chiso.vn/problems/stale-etag', status: 409, detail: 'Xung đột.', code: 'stale-etag', currentEtag: 'e-5' };
    const e = problemToError(409, 'Conflict', p);
    expect(e).toBeInstanceOf(HttpError);
    expect(e.status).toBe(409);
    expect(problemOf(e)).toMatchObject({ code: 'stale-etag', currentEtag: 'e-5', problemErrors: [] });
    expect(problemOf(new Error('x'))).toBeUndefined();
    expect(problemOf(undefined)).toBeUndefined();
  });
});
