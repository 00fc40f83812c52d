// ETags of the resources edited in forms (agencies, periods, rule sets, users): the hash of the
// resource as it is read, so any change by anyone — a field, its status, its timestamps — makes a
// new one. A write names the ETag it was based on (If-Match); a stale one is refused (412), so one
// person's save never silently undoes another's. Versions and submissions keep a stored etag.
import { hashOf } from '../engine';
import { Problem } from '../problems/problem';

export const etagOf = (resource: object): string => hashOf(resource).slice(0, 32);

/** Refuses the write when the resource changed since the writer read it. */
export function assertCurrent(resource: object, etag: string, what: { vi: string; en: string }): void {
  if (etagOf(resource) === etag) return;
  throw new Problem('stale-etag', {
    vi: `${what.vi} đã được người khác thay đổi sau khi bạn mở (ETag không khớp). Hãy tải lại rồi sửa tiếp.`,
    en: `The ${what.en} was changed by someone else since you opened it (ETag mismatch). Reload it and try again.`,
  });
}
