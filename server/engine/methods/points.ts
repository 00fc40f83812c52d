import { Exact } from '../exact';

/** Points of a case, part or tier: absolute `points`, or `fraction` of the maximum. */
export const pointsOf = (p: { points?: number; fraction?: number }, max: Exact): Exact =>
  p.points !== undefined ? Exact.of(p.points) : max.times(Exact.of(p.fraction ?? 0));
