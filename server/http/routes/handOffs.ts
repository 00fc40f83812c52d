// Hand-offs to other departments, made from the published results: the Department of Home Affairs
// (Sở Nội vụ) gets every agency's published result of a rule set year by year (services/homeAffairs.ts).
import { Router, type Request } from 'express';
import type { AppContext } from '../context';
import { allow } from '../auth';
import { download, query } from '../declare';
import { exportHomeAffairs, HAND_OFF_FORMATS, type HandOffFormat, type HandOffQuery } from '../../services/homeAffairs';
import { fieldProblem } from '../../problems/problem';
import { attachment, CONTENT_TYPES, CSV, XLSX } from './files';

const YEAR = /^\d{4}$/;

const handOffQuery = query({
  ruleSet: {
    schema: { type: 'string', minLength: 1 },
    required: true,
    description: 'The rule set (bộ chỉ số) whose published results are handed off',
  },
  fromYear: { schema: { type: 'string', pattern: '^\\d{4}$' }, description: 'The first year handed off (all years when absent)' },
  toYear: { schema: { type: 'string', pattern: '^\\d{4}$' }, description: 'The last year handed off (all years when absent)' },
  format: { schema: { enum: [...HAND_OFF_FORMATS], default: 'xlsx' }, description: 'A workbook or a CSV (UTF-8 with BOM)' },
  delimiter: {
    schema: { enum: ['comma', 'semicolon'], default: 'comma' },
    description: 'The CSV separator (semicolon for Excel in locales with decimal commas)',
  },
});

const bad = (key: string, vi: string, en: string) => fieldProblem('invalid-query', `/query/${key}`, { vi, en });

/** The hand-off's query, checked: the rule set named, years of 4 digits in order, a format it comes in. */
function handOffOptions(req: Request): { query: HandOffQuery; format: HandOffFormat; semicolon: boolean } {
  const { ruleSet, fromYear, toYear, format = 'xlsx', delimiter = 'comma' } = req.query;
  if (typeof ruleSet !== 'string' || !ruleSet.trim())
    throw bad('ruleSet', 'Cần chọn bộ chỉ số ("ruleSet").', 'Name the rule set ("ruleSet").');
  const year = (key: string, value: unknown): number | undefined => {
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || !YEAR.test(value))
      throw bad(key, `"${key}" phải là năm (4 chữ số).`, `"${key}" must be a 4-digit year.`);
    return Number(value);
  };
  const from = year('fromYear', fromYear);
  const to = year('toYear', toYear);
  if (from !== undefined && to !== undefined && from > to)
    throw bad(
      'toYear',
      `Năm cuối (${to}) không được trước năm đầu (${from}).`,
      `The last year (${to}) cannot come before the first (${from}).`,
    );
  if (typeof format !== 'string' || !(HAND_OFF_FORMATS as readonly string[]).includes(format))
    throw bad('format', 'Định dạng phải là xlsx hoặc csv.', 'The format must be xlsx or csv.');
  if (delimiter !== 'comma' && delimiter !== 'semicolon')
    throw bad('delimiter', 'Dấu phân cách phải là comma hoặc semicolon.', 'The delimiter must be comma or semicolon.');
  return { query: { ruleSet, fromYear: from, toYear: to }, format: format as HandOffFormat, semicolon: delimiter === 'semicolon' };
}

export function routes(ctx: AppContext): Router {
  const router = Router();

  router.get('/exports/home-affairs', allow('published-rankings', 'homeAffairs'), handOffQuery, download(XLSX, CSV), async (req, res) => {
    const { query: q, format, semicolon } = handOffOptions(req);
    attachment(res, CONTENT_TYPES[format], await exportHomeAffairs(ctx.db, q, format, { semicolon }));
  });

  return router;
}
