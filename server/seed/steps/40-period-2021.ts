// Demo: the 2021 assessment period of Son La, pinned to the published 2021 version and dated as the
// year ran, with the demo submissions of rules/demo/son-la-2021.submissions.json entered through the
// same services as the API (checked against the version's facts, evidence attached — where the demo
// data has none for a fact that requires it, an explanation the evaluator accepts, as for records
// kept on paper — submitted, evaluator-entered facts as appraisals with a reason) and evaluated, so
// the console has results on first start. The ranking is left unpublished: publishing is the
// evaluator's act in the demo.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { evidenceRequired, type FactValue, type RuleSetVersion, type SubmissionInput } from '../../engine';
import { appraise } from '../../services/appraisal';
import { evaluatePeriod } from '../../services/evaluate';
import { addEvidence, reviewEvidence } from '../../services/evidence';
import { createSubmission, submitSubmission } from '../../services/submissions';
import { cohortFor } from '../../services/compiled';
import { compileVersion } from '../../engine';
import { requireAgency } from '../../store/agencies';
import { staffActor } from '../../services/actor';
import { createPeriod, transitionPeriod } from '../../services/periods';
import type { SeedStep } from '../index';
import { Problem } from '../../problems/problem';

const RULE_SET = 'son-la';
const YEAR = 2021;
const FILE = 'demo/son-la-2021.submissions.json';
const TITLE = 'Đánh giá Chỉ số chuyển đổi số năm 2021 — tỉnh Sơn La (dữ liệu demo)';
const REASON = 'Dữ liệu demo: giá trị do Sở TT&TT theo dõi, nhập sẵn khi khởi tạo hệ thống.';
const ON_PAPER = 'Dữ liệu demo: văn bản lưu bản giấy tại cơ quan, chưa số hoá.';
const ACCEPTED = 'Dữ liệu demo: đã đối chiếu bản giấy khi thẩm định.';
const SCHEDULE = {
  opensOn: '2021-03-01',
  submissionDue: '2021-10-31',
  appraisalDue: '2021-11-30',
  replyDue: '2021-12-10',
  closesOn: '2021-12-20',
};

const describe = (err: unknown) =>
  err instanceof Problem ? { code: err.code, message: err.detail.en, findings: err.errors?.slice(0, 5) } : String(err);

export const step: SeedStep = {
  name: 'period 2021',
  demoOnly: true,
  async run(ctx) {
    const { tx, logger, actor } = ctx;
    const file = path.join(ctx.rulesDir, FILE);
    const version = await tx.query<{ id: string; document: RuleSetVersion }>(
      `SELECT id, document FROM versions WHERE rule_set = $1 AND version = $2 AND status = 'published'`,
      [RULE_SET, String(YEAR)],
    );
    if (!version.rows.length || !existsSync(file)) {
      logger.warn({ ruleSet: RULE_SET, year: YEAR, file: FILE }, 'no published 2021 version or no demo submissions; demo period skipped');
      return;
    }
    const { id: versionId, document } = version.rows[0];
    const byEvaluator = new Set(document.facts.filter((f) => f.enteredBy === 'evaluator').map((f) => f.id));

    const period = await createPeriod(tx, { year: YEAR, versionId, title: TITLE, demo: true, schedule: SCHEDULE }, actor);
    const compiled = compileVersion(document);
    const submissions = JSON.parse(readFileSync(file, 'utf8')) as SubmissionInput[];
    const evaluator = staffActor(actor);
    let imported = 0;
    for (const input of submissions) {
      const agencyId = input.agency.id;
      const reported: Record<string, FactValue> = {};
      const appraised: [string, FactValue][] = [];
      for (const [fact, value] of Object.entries(input.facts)) {
        if (byEvaluator.has(fact)) appraised.push([fact, value]);
        else reported[fact] = value;
      }
      // One agency's bad data must not stop the others: each is all or nothing on its own.
      await tx.query('SAVEPOINT demo_submission');
      try {
        const created = await createSubmission(tx, { periodId: period.id, agencyId, facts: reported }, evaluator, { demo: true });
        const evidence = { ...(input.evidence ?? {}) };
        const { cohort } = cohortFor(compiled, await requireAgency(tx, agencyId));
        for (const fact of evidenceRequired(document, cohort)) evidence[fact.id] ??= [{ kind: 'explanation', note: ON_PAPER }];
        const explanations: string[] = [];
        for (const [key, items] of Object.entries(evidence)) {
          for (const item of items) {
            if (item.kind === 'link' && item.url) {
              await addEvidence(tx, created.id, { kind: 'link', key, url: item.url, note: item.note ?? '' }, evaluator);
            } else if (item.kind === 'explanation' && item.note) {
              explanations.push((await addEvidence(tx, created.id, { kind: 'explanation', key, note: item.note }, evaluator)).item.id);
            }
          }
        }
        await submitSubmission(tx, created.id, evaluator);
        for (const id of explanations) await reviewEvidence(tx, id, { accepted: true, reason: ACCEPTED }, evaluator);
        for (const [fact, value] of appraised) await appraise(tx, created.id, { fact, value, reason: REASON }, evaluator);
        await tx.query('RELEASE SAVEPOINT demo_submission');
        imported++;
      } catch (err) {
        await tx.query('ROLLBACK TO SAVEPOINT demo_submission');
        logger.error({ agencyId, err: describe(err) }, `DEMO SUBMISSION OF ${agencyId} WAS NOT IMPORTED`);
      }
    }
    if (imported > 0) {
      const evaluation = await evaluatePeriod(tx, period.id, actor);
      logger.info({ period: period.id, imported, evaluated: evaluation.evaluations.length }, 'demo period 2021 evaluated');
    }
    // Submissions are in; the evaluator's appraisal is under way.
    await transitionPeriod(tx, period.id, 'appraisal', actor);
  },
};
