// Every rule set shipped in rules/ is schema-valid, lints without errors against its agency list,
// passes its own embedded test cases, and its demo submissions are valid and evaluate.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { assignCohort, compileVersion, evaluateSubmissions, rankEvaluations, runTestCases } from '../../server/engine';
import type { Agency, RuleSetVersion, SubmissionInput } from '../../server/engine';
import { checkVersion } from '../../server/engine/lint';
import { validateSubmission } from '../../server/engine/submissionSchema';

const RULES = path.resolve(__dirname, '../../rules');
const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

const versionFiles = readdirSync(RULES)
  .filter((d) => !['agencies', 'demo'].includes(d) && statSync(path.join(RULES, d)).isDirectory())
  .flatMap((d) =>
    readdirSync(path.join(RULES, d))
      .filter((f) => f.endsWith('.json'))
      .map((f) => path.join(RULES, d, f)),
  );

const agencyLists = readdirSync(path.join(RULES, 'agencies')).map((f) =>
  readJson<{ ruleSets?: string[]; agencies: Agency[] }>(path.join(RULES, 'agencies', f)),
);
const agenciesFor = (ruleSet: string): Agency[] => agencyLists.filter((l) => l.ruleSets?.includes(ruleSet)).flatMap((l) => l.agencies);

describe.each(versionFiles.map((f) => [path.relative(RULES, f), f]))('rules/%s', (_name, file) => {
  const version = readJson<RuleSetVersion>(file);

  it('is schema-valid and lints without errors against its agency list', async () => {
    const findings = await checkVersion(version, { agencies: agenciesFor(version.ruleSet) });
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('passes every one of its embedded test cases', async () => {
    const results = runTestCases(compileVersion(version));
    expect(results.length).toBeGreaterThan(0);
    expect(results.filter((r) => !r.passed).map((r) => ({ name: r.name, failures: r.failures }))).toEqual([]);
  });

  it('says for every criterion whether it is verified or a provisional sample', () => {
    const criteria: { code: string; provisional?: boolean; source?: string }[] = [];
    const walk = (nodes: RuleSetVersion['criteria']) => nodes.forEach((n) => (n.children ? walk(n.children) : criteria.push(n)));
    walk(version.criteria);
    for (const c of criteria) expect(c.source, `criterion ${c.code} needs a source note`).toBeTruthy();
  });
});

describe('demo submissions', () => {
  const demoFiles = readdirSync(path.join(RULES, 'demo')).filter((f) => f.endsWith('.submissions.json'));
  it.each(demoFiles)('%s are valid for their rule set and evaluate', async (file) => {
    const ruleSet = file.split('-').slice(0, -1).join('-');
    const year = file.replace('.submissions.json', '').split('-').at(-1);
    const version = readJson<RuleSetVersion>(path.join(RULES, ruleSet, `${year}.json`));
    const submissions = readJson<SubmissionInput[]>(path.join(RULES, 'demo', file));
    const compiled = compileVersion(version);
    for (const [i, s] of submissions.entries()) {
      const { cohort } = assignCohort(compiled, s.agency);
      expect(cohort, `${s.agency.id} falls in a cohort`).not.toBeNull();
      expect(validateSubmission(version, s, { cohort }), `submission ${i} (${s.agency.id})`).toEqual([]);
    }
    const ranking = rankEvaluations(compiled, evaluateSubmissions(compiled, submissions));
    expect(ranking.cohorts.reduce((n, c) => n + c.entries.length, 0)).toBe(submissions.length);
  });
});

describe('Son La 2021 demo outcome', () => {
  it('looks like the published 2021 result: 9 Tốt (7 provincial + Thành phố Sơn La and Mộc Châu), 9 districts Khá', async () => {
    const version = readJson<RuleSetVersion>(path.join(RULES, 'son-la/2021.json'));
    const compiled = compileVersion(version);
    const evs = evaluateSubmissions(compiled, readJson(path.join(RULES, 'demo/son-la-2021.submissions.json')));
    const count = (cohort: string, band: string) => evs.filter((e) => e.cohort === cohort && e.band?.id === band).length;
    expect(evs).toHaveLength(32);
    expect(count('so-nganh', 'tot')).toBe(7);
    expect(count('huyen', 'tot')).toBe(2);
    expect(count('huyen', 'kha')).toBe(9);
    expect(
      evs
        .filter((e) => e.band?.id === 'tot' && e.cohort === 'huyen')
        .map((e) => e.agencyName)
        .sort(),
    ).toEqual(['UBND huyện Mộc Châu', 'UBND thành phố Sơn La']);
  });
});

describe('agency lists', () => {
  it('use ids that are unique across every list (the server keeps agencies in one table)', () => {
    const ids = agencyLists.flatMap((l) => l.agencies.map((a) => a.id));
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
});
