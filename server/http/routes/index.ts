// Every route module of the API, mounted in this order. A new resource gets its own file here and
// one line below (a listing the bundler can follow, where reading the folder at run time could not).
import type { Router } from 'express';
import type { AppContext } from '../context';
import * as agencies from './agencies';
import * as appraisals from './appraisals';
import * as audit from './audit';
import * as auth from './auth';
import * as docs from './docs';
import * as evaluations from './evaluations';
import * as files from './files';
import * as handOffs from './handOffs';
import * as periods from './periods';
import * as publicResults from './public';
import * as rankings from './rankings';
import * as ruleSets from './ruleSets';
import * as submissions from './submissions';
import * as users from './users';
import * as versions from './versions';
import * as whatIf from './whatIf';

export interface RouteModule {
  routes(ctx: AppContext): Router;
}

export const ROUTE_MODULES: readonly RouteModule[] = [
  agencies,
  appraisals,
  audit,
  auth,
  docs,
  evaluations,
  files,
  handOffs,
  periods,
  publicResults,
  rankings,
  ruleSets,
  submissions,
  users,
  versions,
  whatIf,
];
