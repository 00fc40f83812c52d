// Assessment fixtures over the API: the Son La 2021 version published, a period pinned to it, and
// agencies' submissions made from the shipped demo data (self-reported facts and the facts the
// evaluator enters, split by the version's `enteredBy`).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { FactValue, SubmissionInput } from '../../server/engine/schemaTypes';
import type { Role } from '../../server/store/users';
import { sonLa2021 } from './fixtures';
import type { TestApp } from './app';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DEMO = JSON.parse(readFileSync(path.join(root, 'rules/demo/son-la-2021.submissions.json'), 'utf8')) as SubmissionInput[];
const EVALUATOR_FACTS = new Set(
  sonLa2021()
    .facts.filter((f) => f.enteredBy === 'evaluator')
    .map((f) => f.id),
);

export type Facts = Record<string, FactValue>;

/** The demo data of an agency: what it reports itself, and what the evaluator enters. */
export function demoFacts(agencyId: string): { reported: Facts; evaluator: Facts } {
  const demo = DEMO.find((d) => d.agency.id === agencyId);
  if (!demo) throw new Error(`no demo submission for ${agencyId}`);
  const reported: Facts = {};
  const evaluator: Facts = {};
  for (const [k, v] of Object.entries(demo.facts)) (EVALUATOR_FACTS.has(k) ? evaluator : reported)[k] = v;
  return { reported, evaluator };
}

export const changeNote = { vi: 'Ban hành để kiểm thử', en: 'Published for a test' };

/** Creates and publishes a Son La 2021 version under `label`; returns the version record. */
export async function publishSonLa(app: TestApp, label: string, edit?: (doc: ReturnType<typeof sonLa2021>) => void) {
  const doc = sonLa2021({ version: label });
  edit?.(doc);
  const draft = await app.request('POST', '/api/versions', { as: 'admin', body: { document: doc } });
  expect(draft.status, draft.text).toBe(201);
  const published = await app.request('POST', `/api/versions/${draft.body.id}/publish`, { as: 'admin', body: { changeNote } });
  expect(published.status, published.text).toBe(200);
  return published.body;
}

const nextYear = new WeakMap<TestApp, number>();

/** A fresh open period pinned to `versionId`, in the next year not yet taken (from 2000 on). */
export async function openPeriod(app: TestApp, versionId: string, as: Role = 'evaluator') {
  for (let year = nextYear.get(app) ?? 2000; year <= 2100; year++) {
    const res = await app.request('POST', '/api/periods', { as, body: { year, versionId, title: `Kỳ kiểm thử ${year}` } });
    if (res.status === 409 && res.body.code === 'period-exists') continue;
    expect(res.status, res.text).toBe(201);
    nextYear.set(app, year + 1);
    return res.body;
  }
  throw new Error('no free year left for a test period');
}

/**
 * Links the evidence a submission still lacks, one per item the submit refusal lists (the
 * province's document portal), as an agency does before submitting again.
 */
export async function fileMissingEvidence(
  app: TestApp,
  submissionId: string,
  refusal: { body: { errors?: { path: string }[] } },
  as: Role,
) {
  for (const { path } of refusal.body.errors ?? []) {
    const key = path.replace(/^\/evidence\//, '');
    const url = `https://sonla.gov.vn/van-ban/${key}`;
    const res = await app.request('POST', `/api/submissions/${submissionId}/evidence`, { as, body: { key, kind: 'link', url } });
    expect(res.status, res.text).toBe(201);
  }
}

/** Creates a submission (with all of the agency's demo facts and the evidence it requires) and submits it. */
export async function submitDemo(app: TestApp, periodId: string, agencyId: string, as: Role = 'evaluator') {
  const created = await app.request('POST', '/api/submissions', {
    as,
    body: { periodId, agencyId, facts: demoFacts(agencyId).reported },
  });
  expect(created.status, created.text).toBe(201);
  let submitted = await app.request('POST', `/api/submissions/${created.body.id}/submit`, { as });
  if (submitted.status === 422 && submitted.body.code === 'evidence-missing') {
    await fileMissingEvidence(app, created.body.id, submitted, as);
    submitted = await app.request('POST', `/api/submissions/${created.body.id}/submit`, { as });
  }
  expect(submitted.status, submitted.text).toBe(200);
  return submitted.body;
}

/** Enters the evaluator's facts (manual scores, late reports) of the demo data as appraisals. */
export async function appraiseDemo(app: TestApp, submissionId: string, agencyId: string) {
  for (const [fact, value] of Object.entries(demoFacts(agencyId).evaluator)) {
    const res = await app.request('POST', `/api/submissions/${submissionId}/appraisals`, {
      as: 'evaluator',
      body: { fact, value, reason: 'Theo dõi của Sở TT&TT' },
    });
    expect(res.status, res.text).toBe(201);
  }
}

export const filterQuery = (filter: Record<string, unknown>, range?: [number, number]) =>
  `filter=${encodeURIComponent(JSON.stringify(filter))}${range ? `&range=${encodeURIComponent(JSON.stringify(range))}` : ''}`;

/**
 * The decision approving a period's results, as the province issues it: dated the last day of the
 * period's year, or today for this year's period.
 */
export function approvingDecision(year: number, number = '2923/QĐ-UBND') {
  const today = new Date().toISOString().slice(0, 10);
  const last = `${year}-12-31`;
  return {
    number,
    date: last < today ? last : today,
    issuer: 'Ủy ban nhân dân tỉnh Sơn La',
    signerTitle: 'KT. Chủ tịch – Phó Chủ tịch',
    signerName: 'Đặng Ngọc Hậu',
  };
}

/** Publishes a closed period's ranking as the evaluator, under `approvingDecision` of its year. */
export async function publishPeriod(app: TestApp, period: { id: string; year: number }, decision = approvingDecision(period.year)) {
  return app.request('POST', `/api/periods/${period.id}/ranking/publish`, { as: 'evaluator', body: { decision } });
}
