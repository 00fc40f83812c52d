// The shipped agency lists: rules/agencies/*.json, each { note, ruleSets, agencies: Agency[] }
// where an agency's keys beyond id, name, nameEn and kind are its attributes, and `ruleSets` names
// the rule sets its agencies are assessed under.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createAgency, type AttributeValue } from '../../services/agencies';
import type { SeedStep } from '../index';

export const step: SeedStep = {
  name: 'agencies',
  demoOnly: false,
  async run(ctx) {
    const dir = path.join(ctx.rulesDir, 'agencies');
    let files: string[] = [];
    try {
      files = readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort();
    } catch {
      ctx.logger.warn({ dir }, 'no agency lists to load');
    }
    for (const file of files) {
      const list = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as {
        ruleSets?: string[];
        agencies?: Record<string, unknown>[];
      };
      for (const raw of list.agencies ?? []) {
        const { id, name, nameEn, kind, ...attributes } = raw;
        const taken = await ctx.tx.query<{ rule_sets: string[] }>('SELECT rule_sets FROM agencies WHERE id = $1', [id]);
        if (taken.rows.length) {
          ctx.logger.error(
            { file, id, alreadyIn: taken.rows[0].rule_sets },
            `AGENCY ID "${String(id)}" IN rules/agencies/${file} IS ALREADY USED BY ANOTHER LIST — skipped; ids must be unique across lists`,
          );
          continue;
        }
        await createAgency(
          ctx.tx,
          {
            id: String(id),
            name: String(name),
            nameEn: typeof nameEn === 'string' ? nameEn : null,
            kind: String(kind),
            attributes: attributes as Record<string, AttributeValue>,
            ruleSets: list.ruleSets ?? [],
          },
          ctx.actor,
        );
      }
      ctx.logger.info({ file, agencies: list.agencies?.length ?? 0 }, 'agencies loaded');
    }
  },
};
