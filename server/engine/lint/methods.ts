// What each scoring method checks of itself (points above the maximum, tiers that never match, caps
// above the maximum …), in the method's own file; this rule visits every scoring, nested ones too.
import type { Finding } from '../finding';
import type { Scoring } from '../schemaTypes';
import type { ScoringSite } from '../methods/types';
import { METHODS } from '../methods';
import type { LintContext } from './context';
import { scoringSites } from './walk';

export function methods(ctx: LintContext): Finding[] {
  const out: Finding[] = [];
  for (const site of scoringSites(ctx)) {
    const lint = METHODS[site.scoring.method].lint as (s: ScoringSite<Scoring>, c: LintContext) => Finding[];
    out.push(...lint(site, ctx));
  }
  return out;
}
