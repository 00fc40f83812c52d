import { D, type Decimal } from '../decimal';

/** Points of a case or tier: absolute `points`, or `fraction` of the maximum. */
export const pointsOf = (p: { points?: number; fraction?: number }, max: Decimal): Decimal =>
  p.points !== undefined ? D(p.points) : max.times(p.fraction ?? 0);
