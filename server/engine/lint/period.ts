// The effective period decides which version applies to an assessment year.
import type { Finding } from '../finding';
import { bi, error, type LintContext } from './context';

export function period(ctx: LintContext): Finding[] {
  const { from, to } = ctx.version.effective;
  // ISO dates compare correctly as strings.
  if (to !== undefined && to < from)
    return [
      error(
        '/effective/to',
        'effective-order',
        bi(`Ngày hết hiệu lực ${to} trước ngày có hiệu lực ${from}`, `The end date ${to} is before the start date ${from}`),
      ),
    ];
  return [];
}
