// The shipped rule sets: every version document under rules/ (except agencies/ and demo/), created
// as a draft and published through the repository, so each passes the same schema, linter and test
// cases as a version published in the console. One that fails stays a draft, and the log says why.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createDraft, publishVersion } from '../../services/versions';
import type { SeedStep } from '../index';
import { Problem } from '../../problems/problem';

const SKIP = new Set(['agencies', 'demo']);

function versionFiles(dir: string, top = true): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (!(top && SKIP.has(name))) out.push(...versionFiles(full, false));
    } else if (name.endsWith('.json')) {
      out.push(full);
    }
  }
  return out;
}

interface Doc {
  schemaVersion?: unknown;
  criteria?: unknown;
  ruleSet?: string;
  version?: string;
  effective?: { from?: string };
}

export const step: SeedStep = {
  name: 'rule sets',
  demoOnly: false,
  async run(ctx) {
    const docs = versionFiles(ctx.rulesDir)
      .map((file) => ({ file, doc: JSON.parse(readFileSync(file, 'utf8')) as Doc }))
      .filter(({ doc }) => doc && doc.schemaVersion !== undefined && Array.isArray(doc.criteria))
      // Oldest first, so the audit log reads in the order the regulations came.
      .sort((a, b) => String(a.doc.effective?.from).localeCompare(String(b.doc.effective?.from)));
    for (const { file, doc } of docs) {
      const rel = path.relative(ctx.rulesDir, file);
      let draftId: string;
      try {
        draftId = (await createDraft(ctx.tx, doc, ctx.actor)).id;
      } catch (err) {
        ctx.logger.error({ file: rel, err: describe(err) }, `SHIPPED RULE SET ${rel} IS NOT A VALID DOCUMENT — not loaded`);
        continue;
      }
      await ctx.tx.query('SAVEPOINT seed_publish');
      try {
        const published = await publishVersion(ctx.tx, draftId, {}, ctx.actor);
        await ctx.tx.query('RELEASE SAVEPOINT seed_publish');
        ctx.logger.info({ file: rel, ruleSet: published.ruleSet, version: published.version, hash: published.hash }, 'rule set published');
      } catch (err) {
        await ctx.tx.query('ROLLBACK TO SAVEPOINT seed_publish');
        ctx.logger.error(
          { file: rel, err: describe(err) },
          `SHIPPED RULE SET ${rel} FAILED ITS CHECKS — left as a draft for an administrator to fix`,
        );
      }
    }
  },
};

function describe(err: unknown): unknown {
  if (err instanceof Problem) {
    return {
      code: err.code,
      message: err.detail.en,
      errors: err.errors?.slice(0, 20).map((f) => `${f.path}: ${f.message.en}`),
      ...err.extensions,
    };
  }
  return err;
}
