// What `chiso template`, `chiso import` and `chiso export` read before they work: a checked
// rule-set version (with its hash), the agencies (a file, or the agencies/ folder beside the rules)
// and, for export, checked submissions. Problems are printed like every other command's.
import {
  type Agency,
  assignCohort,
  checkVersion,
  type CompiledVersion,
  compileVersion,
  type Finding,
  hasErrors,
  type RuleSetVersion,
  type SubmissionInput,
  validateSubmission,
} from '../../engine';
import { agenciesFolderFor, agenciesFor, agencyFilesIn, loadAgencyFile, type AgencyList } from './agencies';
import { EXIT, readJsonFile } from './files';
import { findingLine } from './report';

export interface RulesInput {
  version: RuleSetVersion;
  compiled: CompiledVersion;
}

const fail = (exit: number): null => {
  process.exitCode = Math.max(Number(process.exitCode ?? 0), exit);
  return null;
};

const fileError = (file: string, message: Finding['message']) => console.error(findingLine(file, { path: '', severity: 'error', message }));

export async function loadRules(file: string): Promise<RulesInput | null> {
  const read = readJsonFile(file);
  if (!read.ok) {
    fileError(file, read.message);
    return fail(read.exit);
  }
  const findings = await checkVersion(read.value);
  for (const f of findings.filter((x) => x.severity === 'error')) console.error(findingLine(file, f));
  if (hasErrors(findings)) return fail(EXIT.invalid);
  const version = read.value as RuleSetVersion;
  return { version, compiled: compileVersion(version) };
}

/** The agencies from `--agencies`, or from the agencies/ folder next to the rules file. */
export function loadAgencies(rulesFile: string, version: RuleSetVersion, agenciesFile?: string): Agency[] | null {
  const files = agenciesFile
    ? [agenciesFile]
    : (() => {
        const folder = agenciesFolderFor(rulesFile);
        return folder ? agencyFilesIn(folder) : [];
      })();
  if (!files.length) {
    fileError(rulesFile, {
      vi: 'Không tìm thấy danh sách cơ quan: hãy chỉ định --agencies <tệp>',
      en: 'No agency list found: give --agencies <file>',
    });
    return fail(EXIT.usage);
  }
  const lists: AgencyList[] = [];
  for (const file of files) {
    const loaded = loadAgencyFile(file);
    if (!loaded.ok) {
      for (const f of loaded.problems) console.error(findingLine(file, f));
      return fail(loaded.exit);
    }
    lists.push(loaded.list);
  }
  const agencies = agenciesFile ? lists[0].agencies : agenciesFor(lists, version.ruleSet);
  if (!agencies.length) {
    fileError(files[0], {
      vi: `Danh sách không có cơ quan nào thuộc bộ chỉ số ${version.ruleSet}`,
      en: `The list has no agency of rule set ${version.ruleSet}`,
    });
    return fail(EXIT.invalid);
  }
  return agencies;
}

/** A submissions file as `chiso evaluate` accepts it: every submission checked against its cohort's facts. */
export async function loadSubmissions(file: string, version: RuleSetVersion): Promise<SubmissionInput[] | null> {
  const read = readJsonFile(file);
  if (!read.ok) {
    fileError(file, read.message);
    return fail(read.exit);
  }
  if (!Array.isArray(read.value)) {
    fileError(file, { vi: 'Tệp bài nộp phải là một danh sách [...]', en: 'The submissions file must be a list [...]' });
    return fail(EXIT.invalid);
  }
  const compiled = compileVersion(version);
  const problems: Finding[] = [];
  for (const [i, submission] of (read.value as SubmissionInput[]).entries()) {
    const agencyOk = validateSubmission(version, { agency: submission?.agency, facts: {} }).every((f) => !f.path.startsWith('/agency'));
    const cohort = agencyOk ? assignCohort(compiled, submission.agency).cohort : undefined;
    for (const f of validateSubmission(version, submission, { cohort })) problems.push({ ...f, path: `[${i}]${f.path}` });
  }
  for (const f of problems) console.error(findingLine(file, f));
  if (hasErrors(problems)) return fail(EXIT.invalid);
  return read.value as SubmissionInput[];
}
