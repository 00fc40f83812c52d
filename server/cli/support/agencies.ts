// Agency lists for checking cohort rules: a file given with --agencies, or the agencies/ folder
// next to the rule sets (rules/agencies/*.json), each file naming the rule sets it is for.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { type Agency, engineAjv, type Finding, SCHEMA_IDS, schemaFindings } from '../../engine';
import { isDirectory, readJsonFile } from './files';

export interface AgencyList {
  file: string;
  agencies: Agency[];
  /** Rule sets the list is for; every rule set when absent. */
  ruleSets?: string[];
}

export type LoadedAgencies = { ok: true; list: AgencyList } | { ok: false; exit: 1 | 2; problems: Finding[] };

/** An agency file: `[agency, …]` or `{ ruleSets?: [id, …], agencies: [agency, …] }`. */
export function loadAgencyFile(file: string): LoadedAgencies {
  const read = readJsonFile(file);
  if (!read.ok) return { ok: false, exit: read.exit, problems: [{ severity: 'error', path: '', code: 'file', message: read.message }] };
  const doc = read.value as { agencies?: unknown; ruleSets?: unknown } | unknown[];
  const items = Array.isArray(doc) ? doc : doc && typeof doc === 'object' ? doc.agencies : undefined;
  const base = Array.isArray(doc) ? '' : '/agencies';
  if (!Array.isArray(items))
    return {
      ok: false,
      exit: 1,
      problems: [
        {
          severity: 'error',
          path: '',
          code: 'agencies',
          message: {
            vi: 'Cần một danh sách cơ quan [...] hoặc { "agencies": [...] }',
            en: 'Expected a list of agencies [...] or { "agencies": [...] }',
          },
        },
      ],
    };
  const validate = engineAjv().getSchema(SCHEMA_IDS.agency)!;
  const problems: Finding[] = [];
  items.forEach((agency, i) => {
    if (!validate(agency))
      problems.push(...schemaFindings(engineAjv(), validate.errors, agency).map((f) => ({ ...f, path: `${base}/${i}${f.path}` })));
  });
  const ruleSets =
    !Array.isArray(doc) && Array.isArray(doc?.ruleSets) ? doc.ruleSets.filter((r): r is string => typeof r === 'string') : undefined;
  if (problems.length) return { ok: false, exit: 1, problems };
  return { ok: true, list: { file, agencies: items as Agency[], ...(ruleSets ? { ruleSets } : {}) } };
}

/**
 * The nearest agencies/ folder above a rule-set file (at most three levels up, not past the
 * project root), e.g. rules/agencies for rules/son-la/2021.json.
 */
export function agenciesFolderFor(file: string): string | undefined {
  let dir = path.dirname(path.resolve(file));
  for (let level = 0; level < 3; level++) {
    const candidate = path.join(dir, 'agencies');
    if (isDirectory(candidate)) return candidate;
    if (existsSync(path.join(dir, 'package.json'))) return undefined;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
  return undefined;
}

export const agencyFilesIn = (folder: string): string[] =>
  readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => path.join(folder, f));

/** The agencies of the lists meant for this rule set. */
export const agenciesFor = (lists: readonly AgencyList[], ruleSet: string): Agency[] =>
  lists.filter((l) => !l.ruleSets || l.ruleSets.includes(ruleSet)).flatMap((l) => l.agencies);
