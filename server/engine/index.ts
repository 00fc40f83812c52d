// The engine's public surface. Pure: no I/O, no clock, no randomness; runs in Node and the browser.
export { ENGINE_VERSION } from './version';
export { compileVersion, type CompiledVersion } from './compile';
export { assignCohort, type CohortAssignment } from './cohort';
export { evaluateSubmissions, evaluateSubmission, resultHashOf } from './evaluate';
export { rankEvaluations, rankingHashOf } from './ranking';
export { runTestCases, type TestCaseResult, type TestFailure } from './testCases';
export { canonicalJson, hashOf, sha256Hex } from './canonical';
export type * from './evaluation';
export type * from './schemaTypes';
export type { Finding } from './finding';
export { validateVersion } from './validate';
export { createAjv } from './ajv';
export { lintVersion, checkVersion } from './lint';
export { deriveSubmissionSchema, validateSubmission } from './submissionSchema';
export { diffVersions } from './diff';
export { hasErrors } from './finding';
