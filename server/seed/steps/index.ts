// The first-start steps, run in this order; each file is one step (a listing the bundler can follow).
import { step as agencies } from './10-agencies';
import { step as ruleSets } from './20-rule-sets';
import { step as demoUsers } from './30-demo-users';
import { step as period2021 } from './40-period-2021';

export const SEED_STEPS = [agencies, ruleSets, demoUsers, period2021] as const;
