// The whole assessment year in the browser, as the province runs it: the evaluator opens a period
// with its dates; the Department of Information and Communications self-assesses, is refused for
// the evidence it has not filed, files it (one item as a written explanation) and submits; the
// period moves to appraisal early with a reason; the evaluator accepts the explanation, appraises
// a fact and scores an item 0 for its evidence; in the reply window the agency agrees to the 0 and
// replies on the fact with a document filed there and then, the evaluator revises; the period closes, is
// scored and published under the chairman's decision; anyone reads it at /cong-khai without
// signing in, and the agency sees its rank. Any unexpected error in the browser console fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiAs, cookieFor, fileRequiredEvidence, startServer, type RunningServer } from './support/server';
import { fillEveryFact, openBrowser, screenshot, signedIn } from './support/browser';

let server: RunningServer;
const YEAR = 2026;
const TITLE = `Đánh giá Chỉ số chuyển đổi số năm ${YEAR} — tỉnh Sơn La`;
const AGENCY = 'so-tttt';
const ZERO_REASON = 'Kế hoạch gửi kèm không có chữ ký và đóng dấu của thủ trưởng cơ quan.';
const STAFF_LIST = 'https://vanban.sonla.gov.vn/danh-sach-can-bo-so-tttt-2026.pdf';

/** A Việt Nam calendar day `offset` days from today, dd/mm/yyyy as typed, or ISO. */
const day = (offset: number, iso = false) => {
  const d = new Date(Date.now() + 7 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
  return iso ? d : d.split('-').reverse().join('/');
};

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.stop();
});

const as = signedIn(() => server, 'year');

const notification = (page: Page, text: string | RegExp) => page.locator('.MuiSnackbar-root').getByText(text);

/** The schedule holds: the reason the period moves on anyway, in the dialog the refusal opens. */
async function overrideSchedule(page: Page, reason: string) {
  const dialog = page.getByTestId('override-dialog');
  await dialog.getByLabel('Lý do chuyển trước lịch').fill(reason);
  await dialog.getByTestId('override-go').click();
}

/** Another agency's self-assessment, entered by the evaluator from its paper return: a valid value for every fact. */
async function paperSubmission(periodId: string, agencyId: string) {
  const evaluator = await apiAs(server, 'evaluator');
  const draft = await evaluator<{ id: string; etag: string }>('POST', '/submissions', { periodId, agencyId, facts: {} });
  const { schema } = await evaluator<{ schema: { properties: { facts: { properties: Record<string, any>; required: string[] } } } }>(
    'GET',
    `/submissions/${draft.id}/schema`,
  );
  const facts: Record<string, unknown> = {};
  for (const id of schema.properties.facts.required) {
    const p = schema.properties.facts.properties[id];
    const types = ([] as string[]).concat(p.type);
    if (p.enum) facts[id] = p.enum.find((v: unknown) => v !== null);
    else if (types.includes('boolean')) facts[id] = true;
    else if (types.includes('integer') || types.includes('number')) facts[id] = Math.min(Math.max(1, p.minimum ?? 1), p.maximum ?? 1);
    else if (p.format === 'date') facts[id] = `${YEAR}-01-15`;
    else facts[id] = 'Có';
  }
  await evaluator('PUT', `/submissions/${draft.id}`, { facts }, { 'If-Match': `"${draft.etag}"` });
  await fileRequiredEvidence(evaluator, draft.id);
  await evaluator('POST', `/submissions/${draft.id}/submit`);
}

describe('the assessment year', () => {
  it('runs from the dated period to the published ranking that anyone can read', async () => {
    let periodId = '';
    let submissionId = '';

    // 1. The evaluator opens the period with its dates: self-assessment until the 5th day from now.
    await as('evaluator', async (page) => {
      await page.goto('/#/periods/create');
      await page.getByRole('combobox', { name: 'Bộ chỉ số' }).click();
      await page.getByRole('option', { name: /tỉnh Sơn La$/ }).click();
      await page.locator('input[name="year"]').fill(String(YEAR));
      await page.getByRole('combobox', { name: 'Phiên bản' }).click();
      await page.getByRole('option', { name: /^2024/ }).click();
      await page.locator('input[name="title"]').fill(TITLE);
      const dates = { opensOn: -10, submissionDue: 5, appraisalDue: 10, replyDue: 15, closesOn: 20 };
      for (const [key, offset] of Object.entries(dates)) await page.locator(`input[name="schedule.${key}"]`).fill(day(offset));
      await page.getByRole('button', { name: 'Lưu' }).click();
      await page.getByTestId('period-schedule').waitFor();
      periodId = /#\/periods\/([^/]+)/.exec(page.url())![1];
      await expect.poll(() => page.getByTestId('period-schedule').locator('[data-date="submissionDue"]').innerText()).toContain(day(5));
      await screenshot(page, 'y01-period-dated');
    });
    await paperSubmission(periodId, 'so-y-te');

    // 2. The agency fills in its form and submits: refused for the evidence it has not filed.
    await as(
      AGENCY,
      async (page) => {
        await page.getByTestId('start-submission').click();
        await page.locator('[data-fact-row]').first().waitFor();
        expect(await fillEveryFact(page)).toBeGreaterThan(20);
        await page.locator('input[name="facts.plan_issued_date"]').fill(`15/01/${YEAR}`);
        await page.getByTestId('save-submission').click();
        await notification(page, 'Đã lưu bản tự đánh giá').waitFor();
        submissionId = /#\/submissions\/([^/]+)/.exec(page.url())![1];
        await page.getByTestId('submit-submission').click();
        await page.getByRole('button', { name: 'Xác nhận' }).click();
        const refused = page.getByTestId('submit-evidence-missing');
        await expect.poll(() => refused.innerText()).toContain('Chưa gửi được: còn thiếu tài liệu kiểm chứng');
        expect(await refused.locator('[data-submit-missing]').count()).toBeGreaterThan(10);
        await screenshot(page, 'y02-submit-refused');
        // the jump to a missing item closes the list; its paper record is explained in writing
        await refused.locator('[data-submit-missing="sector_db"] button').click();
        await refused.waitFor({ state: 'detached' });
        await page.getByTestId('add-evidence-sector_db').click();
        await page.getByTestId('evidence-kind-explanation').click();
        await page
          .locator('textarea[name="evidenceNote"]')
          .fill('Quyết định đưa cơ sở dữ liệu chuyên ngành vào vận hành lưu bản giấy tại văn thư cơ quan.');
        await page.getByTestId('confirm-evidence').click();
        await notification(page, 'Đã thêm tài liệu kiểm chứng').waitFor();
      },
      [/status of 422/],
    );
    // The rest linked from the province's document portal.
    const agencyApi = await apiAs(server, AGENCY);
    expect(await fileRequiredEvidence(agencyApi, submissionId)).toBeGreaterThan(10);
    await as(AGENCY, async (page) => {
      await page.goto(`/#/submissions/${submissionId}`);
      await page.locator('[data-fact-row]').first().waitFor();
      await page.getByTestId('submit-submission').click();
      await page.getByRole('button', { name: 'Xác nhận' }).click();
      await notification(page, 'Đã gửi bản tự đánh giá').waitFor();
      await page.locator('[data-status="submitted"]').first().waitFor();
      await screenshot(page, 'y03-submitted');
    });

    // 3. Everyone has submitted: appraisal starts before the deadline, with the reason said.
    await as(
      'evaluator',
      async (page) => {
        await page.goto(`/#/periods/${periodId}/show`);
        await page.getByTestId('transition-appraisal').click();
        await page.getByRole('button', { name: 'Xác nhận' }).click();
        await overrideSchedule(page, 'Các cơ quan đã nộp đủ trước hạn.');
        await page.locator('[data-status="appraisal"]').first().waitFor();
      },
      [/status of 409/],
    );

    // 4. Appraisal: one fact appraised with its reason, the explanation accepted.
    const evaluator = await apiAs(server, 'evaluator');
    const appraisal = await evaluator<{ id: string }>('POST', `/submissions/${submissionId}/appraisals`, {
      fact: 'staff_total',
      value: 80,
      reason: 'Theo báo cáo tổ chức cán bộ, cơ quan có 80 người.',
    });
    await as('evaluator', async (page) => {
      await page.goto(`/#/submissions/${submissionId}/show`);
      const review = page.locator('[data-explanation-review]').first();
      await expect.poll(() => review.innerText()).toContain('Chưa xem xét');
      await review.locator('[data-testid^="accept-explanation-"]').click();
      await page.locator('textarea[name="reviewReason"]').fill('Đã đối chiếu bản giấy khi thẩm định.');
      await page.getByTestId('confirm-review').click();
      await page.locator('[data-explanation-review][data-review-state="accepted"]').waitFor();
      await screenshot(page, 'y04-explanation-accepted');
      // an item whose evidence does not show what it asks is scored 0, with the reason said
      await page.getByTestId('zero-criterion').click();
      await page.getByRole('combobox', { name: 'Tiêu chí' }).click();
      await page.getByRole('option').first().click();
      await page.getByText('Tiêu chí này sẽ được tính 0 điểm do thiếu tài liệu kiểm chứng.').waitFor();
      await page.locator('textarea[name="zeroReason"]').fill(ZERO_REASON);
      await page.getByTestId('confirm-zero').click();
      await page.getByTestId('zeroed-criteria').getByText(ZERO_REASON).waitFor();
      await page.getByTestId('appraisal-history').getByText(ZERO_REASON).waitFor();
      await screenshot(page, 'y04b-criterion-zeroed');
    });
    // The appraisal ends: the evaluator sets its deadline to yesterday, the reply window is open.
    const period = await evaluator<{ schedule: Record<string, string> }>('GET', `/periods/${periodId}`);
    const current = await fetch(`${server.url}/api/periods/${periodId}`, {
      headers: { Cookie: await cookieFor(server, 'evaluator') },
    });
    await evaluator(
      'PUT',
      `/periods/${periodId}`,
      { schedule: { ...period.schedule, submissionDue: day(-2, true), appraisalDue: day(-1, true) } },
      { 'If-Match': current.headers.get('etag')! },
    );

    // 5. In the reply window the agency replies; the evaluator revises with a reason.
    await as(AGENCY, async (page) => {
      // the dashboard says until when the appraisal can be answered
      const deadline = page.getByTestId('my-deadlines').locator(`[data-period="${periodId}"]`).getByTestId('reply-window');
      await expect.poll(() => deadline.innerText()).toContain(`– ${day(15)}`);
      await page.goto(`/#/submissions/${submissionId}/show`);
      // and so does the submission, above what was appraised
      await expect.poll(() => page.getByTestId('submission-reply-window').innerText()).toContain(`– ${day(15)}`);
      await page.getByRole('button', { name: 'Xem và phản hồi' }).click();
      // the appraisal's table is brought into the window
      await expect.poll(() => page.locator('#replies').evaluate((el) => el.getBoundingClientRect().top < window.innerHeight)).toBe(true);
      const row = page.locator(`[data-appraisal="${appraisal.id}"]`);
      await expect.poll(() => row.innerText()).toContain('Theo báo cáo tổ chức cán bộ, cơ quan có 80 người.');
      // the item scored 0: agreed
      const zeroing = page.locator('[data-appraisal]').filter({ hasText: ZERO_REASON });
      await zeroing.locator('[data-testid^="reply-accept-"]').click();
      await notification(page, 'Đã gửi phản hồi').waitFor();
      await zeroing.getByText('Cơ quan đồng ý với kết quả thẩm định').waitFor();
      // the fact appraised: answered, with a document filed with the reply
      await page.getByTestId(`reply-${appraisal.id}`).click();
      await page.locator('textarea[name="replyText"]').fill('Số người làm việc là 95, gồm cả 15 hợp đồng theo Nghị định 111/2022/NĐ-CP.');
      await page.getByRole('dialog').getByTestId('add-evidence-staff_total').click();
      await page.getByRole('button', { name: 'Đường dẫn' }).click();
      await page.locator('input[name="evidenceUrl"]').fill(STAFF_LIST);
      await page.getByTestId('confirm-evidence').click();
      await notification(page, 'Đã thêm tài liệu kiểm chứng').waitFor();
      await page.getByRole('checkbox', { name: STAFF_LIST }).and(page.locator(':checked')).waitFor();
      await page.locator('textarea[name="replyText"]').waitFor();
      await screenshot(page, 'y05-agency-reply-with-evidence');
      await page.getByTestId('confirm-reply').click();
      await expect.poll(() => page.getByTestId(`reply-text-${appraisal.id}`).innerText()).toContain('Số người làm việc là 95');
      await page.locator(`[data-reply-for="${appraisal.id}"]`).getByText(`Tài liệu kèm theo: ${STAFF_LIST}`).waitFor();
      await screenshot(page, 'y05b-agency-replied');
    });
    await as('evaluator', async (page) => {
      // the self-assessment deadline has passed: the dashboard lists who never submitted as late
      await expect.poll(() => page.getByTestId('overdue').innerText()).toContain(`Hạn tự đánh giá ${day(-2)} đã qua`);
      await page.locator('[data-testid="not-submitted"] [data-agency]').first().getByText('Quá hạn').waitFor();
      await screenshot(page, 'y05c-dashboard-overdue');
      // the period lists the reply that waits, and leads to it
      await page.goto(`/#/periods/${periodId}/show`);
      const waiting = page.getByTestId('open-replies').locator('tbody tr');
      await expect.poll(() => waiting.count()).toBe(1);
      await expect.poll(() => waiting.innerText()).toMatch(/Sở Thông tin và Truyền thông[\s\S]*Số người làm việc là 95/);
      await screenshot(page, 'y05d-period-replies-waiting');
      await waiting.click();
      await page.waitForURL(new RegExp(`/submissions/${submissionId}/show`));
      await page.getByTestId(`revise-${appraisal.id}`).click();
      await page.locator('input[name="appraisedValue"]').fill('95');
      await page.locator('textarea[name="reason"]').fill('Chấp nhận phản hồi: tính cả người lao động hợp đồng.');
      await page.getByTestId('confirm-appraisal').click();
      await expect.poll(() => page.getByTestId(`reply-outcome-${appraisal.id}`).innerText()).toContain('Chấp nhận phản hồi');
      await screenshot(page, 'y05e-evaluator-revised');
    });
    const revised = await evaluator<{ appraisedFacts: Record<string, unknown> }>('GET', `/submissions/${submissionId}`);
    expect(revised.appraisedFacts.staff_total).toBe(95);

    // 6. Close (before the closing day, with a reason), score, publish under the decision.
    await as(
      'evaluator',
      async (page) => {
        await page.goto(`/#/periods/${periodId}/show`);
        await page.getByTestId('transition-closed').click();
        await page.getByRole('button', { name: 'Xác nhận' }).click();
        await overrideSchedule(page, 'Các phản hồi đã được giải quyết.');
        await page.locator('[data-status="closed"]').first().waitFor();
        await page.getByTestId('evaluate-period').click();
        await page.waitForURL(/\/ranking$/);
        await page.locator('tr[data-rank="1"]').first().waitFor();
        await page.getByTestId('publish-ranking').click();
        const decision = page.getByRole('dialog');
        await decision.getByTestId('decision-number').fill('3120/QĐ-UBND');
        await decision.getByTestId('decision-date').fill(day(0));
        await decision.getByTestId('decision-signerTitle').fill('KT. Chủ tịch – Phó Chủ tịch');
        await decision.getByTestId('decision-signerName').fill('Đặng Ngọc Hậu');
        await decision.getByTestId('confirm-decision').click();
        await notification(page, 'Đã công bố kết quả xếp hạng').waitFor();
        await screenshot(page, 'y06-published');
      },
      [/status of 409/],
    );

    // 7. Anyone, without signing in, reads it with its decision.
    const visitor = await openBrowser(server.url);
    try {
      await visitor.page.goto('/cong-khai');
      const card = visitor.page.locator('[data-ranking]').filter({ hasText: `Năm ${YEAR}` });
      await card.waitFor();
      await card.getByRole('link').click();
      await expect.poll(() => visitor.page.getByTestId('decision-line').innerText()).toContain('3120/QĐ-UBND');
      await visitor.page.locator('[data-cohort]').first().getByText('Sở Thông tin và Truyền thông').waitFor();
      await screenshot(visitor.page, 'y07-public');
      expect(visitor.errors).toEqual([]);
    } finally {
      await visitor.close();
    }

    // 8. The agency sees its rank in its cohort.
    await as(AGENCY, async (page) => {
      const line = page.locator('[data-period-result]').filter({ hasText: String(YEAR) });
      await line.getByTestId('result-status').filter({ hasText: 'Kết quả chính thức (đã công bố)' }).waitFor();
      const own = page.getByTestId('own-cohort-ranking').locator('tr[data-own="true"]');
      await expect.poll(() => own.innerText()).toMatch(/^[12]\s+Sở Thông tin và Truyền thông/);
      await screenshot(page, 'y08-agency-rank');
    });
  });
});
