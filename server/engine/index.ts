// The engine's public face: everything the rest of the product (services, routes, commands, files,
// the console) uses of it, and nothing else. What is not exported here is the engine's own business.

// Compiling, evaluating, ranking, reproducing
export { ENGINE_VERSION } from './version';
export { compileVersion, type CompiledVersion } from './compile';
export { assignCohort, type CohortAssignment } from './cohort';
export { evaluateSubmissions, evaluateSubmission, resultHashOf } from './evaluate';
export { scoreSubmissions, scoreOf } from './score';
export { CohortBests } from './batch';
export { explainEvaluation } from './explain';
export { meaningOf } from './reproduce';
export { rankEvaluations, rankingHashOf } from './ranking';
export { factsAsked, evidenceRequired, evidenceMissing, evidenceAskedBy, zeroableCriteria } from './requiredEvidence';
export { mainIndices, cohortAverages, type CohortAverages } from './cohortAverages';
export { rounded } from './total';
export { Exact } from './exact';
export type * from './evaluation';

// The format, its checks and its test cases
export type * from './schemaTypes';
export { SCHEMAS, SCHEMA_IDS, createAjv } from './ajv';
export { validateVersion, engineAjv } from './validate';
export { checkVersion } from './lint';
export { lintCollection, type Located } from './lint/collection';
export { deriveSubmissionSchema, validateSubmission } from './submissionSchema';
export { schemaFindings, forbiddenKeys } from './schemaFindings';
export { failureText, runTestCases, testFindings, type TestCaseResult } from './testCases';
export { MAX_BODY_DEPTH, depthFinding } from './limits';
export { hasErrors, type Finding } from './finding';
export { METHODS, METHOD_NAMES, type Method } from './methods';
export { DATE_OPERATORS } from './conditions/operators';

// The tree of criteria
export { walkNodes, appliesToCohort, computedMax, declaredMax, conditionFacts, scoringFacts } from './tree';

// Comparing versions
export { diffVersions, type VersionChange, type VersionChangeKind } from './diff';
export { pairNodes } from './diff/pairing';

// Values and words shared by every layer
export { canonicalJson, hashOf, sha256Hex } from './canonical';
export { join as joinPointer, tokens as pointerTokens, valueAt } from './pointer';
export { bi, RESULT_FIELDS, text, type Bilingual } from './naming';
export { formatNumber } from './text';
export { csvDocument, neutralizeText, restoreText } from './csv';
export { isoOf, parseDay, vietnamDay, vietnamDayBounds, viDay } from './day';
export { shareADay, dayAfter, dayBefore, type InForce } from './period';
