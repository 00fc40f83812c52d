// The scoring methods of domain.md §5, one file each, dispatched by `method`.
import type { Condition, Scoring } from '../schemaTypes';
import type { Decimal } from '../decimal';
import type { Score, ScoreContext, Scorer } from './types';
import { yesNo } from './yesNo';
import { cases, caseSlot } from './cases';
import { parts, partSlot } from './parts';
import { proportional, gatedProportional } from './proportional';
import { tiers } from './tiers';
import { countCap } from './countCap';
import { composite, compositePartSlot } from './composite';
import { bestOf, optionSlot } from './bestOf';
import { relativeToBest } from './relativeToBest';
import { deduction } from './deduction';
import { notScored, notApplicable } from './notCounted';
import { manual } from './manual';

const SCORERS: { [M in Scoring['method']]: Scorer<Extract<Scoring, { method: M }>> } = {
  yesNo,
  cases,
  parts,
  proportional,
  gatedProportional,
  tiers,
  countCap,
  composite,
  bestOf,
  relativeToBest,
  deduction,
  notScored,
  notApplicable,
  manual,
};

export function score(scoring: Scoring, max: Decimal, slot: string, ctx: Omit<ScoreContext, 'score'>): Score {
  const full: ScoreContext = { ...ctx, score: (s, m, sl) => score(s, m, sl, ctx) };
  return (SCORERS[scoring.method] as Scorer)(scoring, max, slot, full);
}

/** The conditions a method needs evaluated, each under its slot name. */
export function scoringConditions(scoring: Scoring, slot: string): [string, Condition][] {
  switch (scoring.method) {
    case 'yesNo':
      return [[slot, scoring.when]];
    case 'cases':
      return scoring.cases.map((c, i) => [caseSlot(slot, i), c.when]);
    case 'parts':
      return scoring.parts.map((p, i) => [partSlot(slot, i), p.when]);
    case 'composite':
      return scoring.parts.flatMap((p, i) => scoringConditions(p.scoring, compositePartSlot(slot, i)));
    case 'bestOf':
      return scoring.options.flatMap((o, i) => scoringConditions(o.scoring, optionSlot(slot, i)));
    default:
      return [];
  }
}

/** The relative-to-best methods inside a scoring, by slot: their values are compared across the cohort. */
export function relativeSlots(scoring: Scoring, slot: string): [string, Extract<Scoring, { method: 'relativeToBest' }>][] {
  switch (scoring.method) {
    case 'relativeToBest':
      return [[slot, scoring]];
    case 'composite':
      return scoring.parts.flatMap((p, i) => relativeSlots(p.scoring, compositePartSlot(slot, i)));
    case 'bestOf':
      return scoring.options.flatMap((o, i) => relativeSlots(o.scoring, optionSlot(slot, i)));
    default:
      return [];
  }
}

export type { Score, ScoreContext } from './types';
