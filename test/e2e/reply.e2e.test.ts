// Evidence enforced on submit, an explanation reviewed, and the right of reply: the agency is told
// what evidence is missing when it sends its self-assessment, files an explanation in place of one
// document, the evaluator rejects the explanation and appraises one figure, the agency replies and
// the evaluator revises the figure. Any error in the browser console fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startServer, type RunningServer, apiAs } from './support/server';
import { fillEveryFact, login, openBrowser, screenshot, type Session } from './support/browser';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.stop();
});

async function as(username: string, work: (page: Page, session: Session) => Promise<void>, expected?: RegExp): Promise<void> {
  const session = await openBrowser(server.url);
  try {
    await login(session.page, username, server.passwords[username]);
    await work(session.page, session);
    // the browser logs a refused request it was meant to make (the submit without evidence)
    expect(session.errors.filter((e) => !expected?.test(e))).toEqual([]);
  } catch (error) {
    await screenshot(session.page, `failed-reply-${username}-${Date.now()}`).catch(() => undefined);
    throw error;
  } finally {
    await session.close();
  }
}

const api = (username: string) => apiAs(server, username);

describe('evidence on submit and the right of reply', () => {
  it('lists missing evidence, reviews an explanation, and lets the agency reply to an appraisal', async () => {
    const evaluator = await api('evaluator');
    const versions = await evaluator<{ id: string; ruleSet: string; version: string; status: string }[]>('GET', '/versions');
    const v2023 = versions.find((v) => v.ruleSet.startsWith('son-la') && v.version === '2023' && v.status === 'published')!;
    const period = await evaluator<{ id: string }>('POST', '/periods', {
      ruleSet: v2023.ruleSet,
      year: 2023,
      versionId: v2023.id,
      title: 'Đánh giá Chỉ số chuyển đổi số năm 2023 — tỉnh Sơn La',
    });

    let submissionId = '';
    let missing: string[] = [];
    await as(
      'so-tttt',
      async (page) => {
        await page.getByTestId('start-submission').click();
        await page.locator('[data-fact-row]').first().waitFor();
        await fillEveryFact(page);
        await page.getByTestId('save-submission').click();
        await page.getByText('Đã lưu bản tự đánh giá').first().waitFor();
        submissionId = decodeURIComponent(page.url().split('/submissions/')[1].split(/[/?]/)[0]);

        await page.getByTestId('submit-submission').click();
        await page.getByRole('button', { name: 'Xác nhận' }).click();
        const refused = page.getByTestId('submit-evidence-missing');
        await refused.waitFor();
        await expect(refused.innerText()).resolves.toContain('Chưa gửi được: còn thiếu tài liệu kiểm chứng');
        missing = await refused
          .locator('[data-submit-missing]')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-submit-missing')!));
        expect(missing.length).toBeGreaterThan(1);
        await expect(refused.locator('[data-submit-missing]').first().innerText()).resolves.toMatch(/^Thiếu tài liệu kiểm chứng cho/);
        await screenshot(page, 'reply-01-submit-refused');
        // the jump closes the list and leaves the typed figures where they were
        await refused.locator('[data-submit-missing] button').first().click();
        await page.getByTestId('submit-evidence-missing').waitFor({ state: 'detached' });

        // an explanation for the first one, in the evidence dialog
        await page.getByTestId(`add-evidence-${missing[0]}`).click();
        await page.getByTestId('evidence-kind-explanation').click();
        await page
          .locator('textarea[name="evidenceNote"]')
          .fill('Hệ thống chưa có chức năng xuất báo cáo; đã xác nhận bằng văn bản của đơn vị.');
        await page.getByTestId('confirm-evidence').click();
        await page.getByText('Đã thêm tài liệu kiểm chứng').first().waitFor();
      },
      /status of 422 .*\/submit$/,
    );

    const agency = await api('so-tttt');
    for (const key of missing.slice(1)) {
      await agency('POST', `/submissions/${encodeURIComponent(submissionId)}/evidence`, {
        key,
        kind: 'link',
        url: `https://sotttt.sonla.gov.vn/kiem-chung/${key}`,
      });
    }

    await as('so-tttt', async (page) => {
      await page.goto(`/#/submissions/${encodeURIComponent(submissionId)}`);
      await page.getByTestId('submit-submission').click();
      await page.getByRole('button', { name: 'Xác nhận' }).click();
      await page.getByText('Đã gửi bản tự đánh giá').first().waitFor();
    });

    await evaluator('POST', `/periods/${period.id}/transition`, { to: 'appraisal' });
    await evaluator('POST', `/submissions/${encodeURIComponent(submissionId)}/appraisals`, {
      fact: 'staff_total',
      value: 150,
      reason: 'Theo báo cáo biên chế năm 2023.',
    });
    const appraisals = await evaluator<{ id: string; fact: string | null }[]>(
      'GET',
      `/appraisals?filter=${encodeURIComponent(JSON.stringify({ submissionId }))}`,
    );
    const appraisal = appraisals.find((a) => a.fact === 'staff_total')!;

    await as('evaluator', async (page) => {
      await page.goto(`/#/submissions/${encodeURIComponent(submissionId)}/show`);
      const review = page.locator('[data-explanation-review]').first();
      await review.waitFor();
      await expect(review.getAttribute('data-review-state')).resolves.toBe('pending');
      await expect(review.innerText()).resolves.toContain('Chưa xem xét');
      await review.locator('[data-testid^="reject-explanation-"]').click();
      await page.locator('textarea[name="reviewReason"]').fill('Cần văn bản xác nhận có chữ ký.');
      await page.getByTestId('confirm-review').click();
      await page.locator('[data-explanation-review][data-review-state="rejected"]').waitFor();
      await expect(page.locator('[data-explanation-review]').first().innerText()).resolves.toContain('Cần văn bản xác nhận có chữ ký.');
      await screenshot(page, 'reply-02-explanation-rejected');
    });

    await as('so-tttt', async (page) => {
      await page.goto(`/#/submissions/${encodeURIComponent(submissionId)}/show`);
      await page.getByText('Kết quả thẩm định và phản hồi').waitFor();
      const row = page.locator(`[data-appraisal="${appraisal.id}"]`);
      await row.waitFor();
      await expect(row.innerText()).resolves.toContain('Theo báo cáo biên chế năm 2023.');
      await page.getByTestId(`reply-${appraisal.id}`).click();
      await page.locator('textarea[name="replyText"]').fill('Biên chế thực tế là 130 người theo quyết định giao biên chế.');
      await page.getByTestId('confirm-reply').click();
      await page.getByTestId(`reply-text-${appraisal.id}`).waitFor();
      await expect(page.getByTestId(`reply-text-${appraisal.id}`).innerText()).resolves.toContain('Biên chế thực tế là 130 người');
      await screenshot(page, 'reply-03-agency-replied');
    });

    await as('evaluator', async (page) => {
      await page.goto(`/#/submissions/${encodeURIComponent(submissionId)}/show`);
      await page.getByTestId(`revise-${appraisal.id}`).click();
      await page.locator('input[name="appraisedValue"]').fill('130');
      await page.locator('textarea[name="reason"]').fill('Chấp nhận quyết định giao biên chế cơ quan gửi kèm.');
      await page.getByTestId('confirm-appraisal').click();
      const outcome = page.getByTestId(`reply-outcome-${appraisal.id}`);
      await outcome.waitFor();
      await expect(outcome.innerText()).resolves.toContain('Đã điều chỉnh kết quả thẩm định: Chấp nhận quyết định giao biên chế');
      await screenshot(page, 'reply-04-evaluator-revised');
    });
  });
});
