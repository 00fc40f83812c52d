// What-if: a period's current inputs under another version (published or draft) against its pinned
// version, per agency: points, band and rank before and after. Computes; stores nothing.
import { Router } from 'express';
import type { AppContext } from '../context';
import { allow } from '../auth';
import { responds } from '../declare';
import { object, validateBody } from '../validate';
import { whatIf } from '../../services/whatIf';

export const whatIfBody = object({ versionId: { type: 'string', format: 'uuid' } }, ['versionId']);

export function routes(ctx: AppContext): Router {
  const router = Router();

  router.post(
    '/periods/:id/what-if',
    allow('periods', 'whatIf'),
    validateBody(whatIfBody),
    responds(200, 'WhatIfReport'),
    async (req, res) => {
      // Read-only: the service reads in one transaction (one consistent view) and scores after it commits.
      res.json(await whatIf(ctx.db, req.params.id as string, req.body.versionId));
    },
  );

  return router;
}
