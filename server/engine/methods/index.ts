// The scoring methods of the regulation family (domain brief §5), one file each. The table is typed
// over every method of the schema: a method added to the schema without its file does not compile,
// and each layer (compiler, linter, diff, views, the console's forms) reads it from here.
import type { Scoring } from '../schemaTypes';
import type { Method, MethodDef, MethodTable } from './types';
import { yesNo } from './yesNo';
import { cases } from './cases';
import { parts } from './parts';
import { proportional } from './proportional';
import { gatedProportional } from './gatedProportional';
import { tiers } from './tiers';
import { countCap } from './countCap';
import { composite } from './composite';
import { bestOf } from './bestOf';
import { relativeToBest } from './relativeToBest';
import { deduction } from './deduction';
import { manual } from './manual';
import { notScored } from './notScored';
import { notApplicable } from './notApplicable';

/** In the order a person looks for them. */
export const METHODS: MethodTable = {
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
  manual,
  notScored,
  notApplicable,
};

export const METHOD_NAMES = Object.keys(METHODS) as Method[];

/** The definition of a scoring's method, typed for that scoring. */
export const methodOf = <S extends Scoring>(scoring: S): MethodDef<S['method']> => METHODS[scoring.method] as MethodDef<S['method']>;

export type { Method, MethodDef } from './types';
