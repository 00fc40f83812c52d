// /rule-sets: the families of versions. Created with their first version (POST /versions).
import { Router } from 'express';
import type { AppContext } from '../context';
import { allow } from '../auth';
import { listOf, responds } from '../declare';
import { filterString, pageOf, parseListQuery, sendList } from '../list';
import { localizedText, object, validateBody } from '../validate';
import { listRuleSets, requireRuleSet, RULE_SET_SORT, updateRuleSet } from '../../services/ruleSets';
import { ifMatch, sendTagged } from '../ifMatch';

// react-admin sends the whole record back; computed fields are accepted and ignored.
export const updateRuleSetBody = object({
  title: localizedText,
  description: { anyOf: [localizedText, { type: 'null' }] },
  id: { type: 'string' },
  versionCount: { type: 'integer' },
  latestPublished: { type: ['object', 'null'] },
  createdAt: { type: 'string' },
  createdBy: { type: 'string' },
});

export function routes(ctx: AppContext): Router {
  const router = Router();

  router.get('/rule-sets', allow('rule-sets', 'read'), listOf('RuleSet'), async (req, res) => {
    const q = parseListQuery(req, { sortable: Object.keys(RULE_SET_SORT), filters: ['q'], defaultSort: ['id', 'ASC'] });
    const { rows, total } = await listRuleSets(
      ctx.db,
      { id: q.filter.id as string[] | undefined, q: filterString(q, 'q') },
      pageOf(q, RULE_SET_SORT),
    );
    sendList(res, 'rule-sets', rows, total, q.offset);
  });

  router.get('/rule-sets/:id', allow('rule-sets', 'read'), responds(200, 'RuleSet', { headers: ['ETag'] }), async (req, res) => {
    sendTagged(res, await requireRuleSet(ctx.db, req.params.id as string));
  });

  router.put(
    '/rule-sets/:id',
    allow('rule-sets', 'edit'),
    validateBody(updateRuleSetBody),
    responds(200, 'RuleSet', { headers: ['ETag'] }),
    async (req, res) => {
      const etag = ifMatch(req, true, 'bộ chỉ số');
      const { title, description } = req.body;
      const ruleSet = await ctx.db.transaction((tx) =>
        updateRuleSet(tx, req.params.id as string, { title, description }, req.user.username, etag),
      );
      sendTagged(res, ruleSet);
    },
  );

  return router;
}
