// The list dialect of react-admin's ra-data-simple-rest: ?sort=["field","ASC"]&range=[0,24]&filter={…}
// answered with an array and `Content-Range: resource 0-24/319`.
import type { Request, Response } from 'express';
import type { Page } from '../store/sql';
import type { Bilingual } from '../engine';
import { Problem } from '../problems/problem';

export interface ListQuery {
  sort: string;
  order: 'ASC' | 'DESC';
  offset: number;
  limit: number;
  filter: Record<string, unknown>;
}

export interface ListOptions {
  sortable: string[];
  filters: string[];
  defaultSort?: [string, 'ASC' | 'DESC'];
  maxLimit?: number;
}

/** The parameter's JSON, or `fallback` when it is absent (only then: "range=null" is refused, not taken as none). */
function parseJson(req: Request, name: string, fallback: unknown): unknown {
  const raw = req.query[name];
  if (raw === undefined) return fallback;
  try {
    if (typeof raw !== 'string') throw new Error('not a string');
    return JSON.parse(raw);
  } catch {
    throw badQuery(name, { vi: 'không phải JSON hợp lệ', en: 'is not valid JSON' });
  }
}

const badQuery = (name: string, what: Bilingual) =>
  new Problem('invalid-query', { vi: `Tham số "${name}" ${what.vi}.`, en: `Query parameter "${name}" ${what.en}.` }, [
    {
      severity: 'error',
      path: `/query/${name}`,
      code: 'invalid-query',
      message: { vi: `"${name}" ${what.vi}`, en: `"${name}" ${what.en}` },
    },
  ]);

/**
 * The highest row index a range may name. Far past any table here; it keeps OFFSET within what
 * PostgreSQL reads as a bigint (1e300 used to fail there with a 500) and a scan bounded.
 */
const MAX_INDEX = 10_000_000;

export function parseListQuery(req: Request, options: ListOptions): ListQuery {
  const maxLimit = options.maxLimit ?? 1000;
  const [defaultField, defaultOrder] = options.defaultSort ?? [options.sortable[0] ?? 'id', 'ASC'];

  const sortRaw = parseJson(req, 'sort', [defaultField, defaultOrder]);
  if (!Array.isArray(sortRaw) || sortRaw.length !== 2 || typeof sortRaw[0] !== 'string' || typeof sortRaw[1] !== 'string') {
    throw badQuery('sort', { vi: 'phải có dạng ["trường","ASC|DESC"]', en: 'must look like ["field","ASC|DESC"]' });
  }
  const [sort, orderRaw] = sortRaw as [string, string];
  if (!options.sortable.includes(sort)) {
    throw badQuery('sort', {
      vi: `không sắp xếp được theo "${sort}" (được: ${options.sortable.join(', ')})`,
      en: `cannot sort by "${sort}" (allowed: ${options.sortable.join(', ')})`,
    });
  }
  const order = orderRaw.toUpperCase();
  if (order !== 'ASC' && order !== 'DESC') throw badQuery('sort', { vi: 'chiều phải là ASC hoặc DESC', en: 'order must be ASC or DESC' });

  const rangeRaw = parseJson(req, 'range', [0, Math.min(99, maxLimit - 1)]);
  if (
    !Array.isArray(rangeRaw) ||
    rangeRaw.length !== 2 ||
    !rangeRaw.every((n) => Number.isSafeInteger(n) && n >= 0 && n <= MAX_INDEX) ||
    rangeRaw[1] < rangeRaw[0]
  ) {
    throw badQuery('range', {
      vi: `phải có dạng [đầu, cuối] (số nguyên từ 0 đến ${MAX_INDEX}, đầu ≤ cuối)`,
      en: `must look like [first, last] (integers from 0 to ${MAX_INDEX}, first ≤ last)`,
    });
  }
  const offset = rangeRaw[0] as number;
  // A longer range gets the first maxLimit rows; Content-Range says which ones were sent.
  const limit = Math.min((rangeRaw[1] as number) - offset + 1, maxLimit);

  const filterRaw = parseJson(req, 'filter', {});
  if (!filterRaw || typeof filterRaw !== 'object' || Array.isArray(filterRaw)) {
    throw badQuery('filter', { vi: 'phải là một đối tượng JSON', en: 'must be a JSON object' });
  }
  const allowed = new Set(['id', ...options.filters]);
  const filter: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filterRaw)) {
    if (!allowed.has(key)) {
      throw badQuery('filter', {
        vi: `không lọc được theo "${key}" (được: ${[...allowed].join(', ')})`,
        en: `cannot filter by "${key}" (allowed: ${[...allowed].join(', ')})`,
      });
    }
    // ra's getMany sends {id: [..]}; a single id works too.
    filter[key] = key === 'id' ? (Array.isArray(value) ? value : [value]).map(String) : value;
  }
  return { sort, order, offset, limit, filter };
}

/** The store's page for a parsed query, mapping the API field to its SQL expression. */
export const pageOf = (q: ListQuery, columns: Record<string, string>): Page => ({
  orderBy: columns[q.sort] ?? 'id',
  order: q.order,
  offset: q.offset,
  limit: q.limit,
});

/** Filter values arrive as JSON; these read them with their expected type or fail with a 400. */
export function filterString(q: ListQuery, key: string): string | undefined {
  const v = q.filter[key];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string' && typeof v !== 'number')
    throw badQuery('filter', { vi: `"${key}" phải là chuỗi`, en: `"${key}" must be a string` });
  return String(v);
}

export function filterBoolean(q: ListQuery, key: string): boolean | undefined {
  const v = q.filter[key];
  if (v === undefined || v === null || v === '') return undefined;
  if (v === true || v === 'true') return true;
  if (v === false || v === 'false') return false;
  throw badQuery('filter', { vi: `"${key}" phải là true hoặc false`, en: `"${key}" must be true or false` });
}

export function sendList(res: Response, resource: string, rows: unknown[], total: number, offset: number): void {
  const range = rows.length ? `${offset}-${offset + rows.length - 1}` : '*';
  res.set('Content-Range', `${resource} ${range}/${total}`);
  res.set('Access-Control-Expose-Headers', 'Content-Range');
  res.json(rows);
}
